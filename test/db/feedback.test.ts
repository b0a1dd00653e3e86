import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/database.js";
import { feedbackSummary, saveFeedbackComment, saveFeedbackScore } from "../../src/db/feedback.js";
import { insertBooking, insertCenter, insertSpecialist } from "../support/fixtures.js";
import { createTestDb } from "../support/harness.js";
import { registerUser } from "../support/users.js";

let store: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;
const now = new Date("2026-11-23T12:00:00Z");

beforeEach(async () => {
  store = await createTestDb();
  db = store.db;
});
afterEach(() => store.cleanup());

async function booking(userId: number, service: "psychologist" | "career", hour: number): Promise<number> {
  const specialist = await insertSpecialist(db, { centerId: "c1", service });
  return insertBooking(db, { specialist, userId, startsAt: `2026-11-20T0${hour}:00:00Z`, endsAt: `2026-11-20T0${hour}:45:00Z` });
}

describe("feedback storage", () => {
  beforeEach(async () => {
    await insertCenter(db, { id: "c1" });
    for (const id of [1, 2, 3]) await registerUser(db, id);
  });

  it("stores one score and one comment per booking, only for its person", async () => {
    const b = await booking(1, "psychologist", 5);
    expect(await saveFeedbackComment(db, b, 1, "без оценки", now)).toEqual({ kind: "refused" });
    expect(await saveFeedbackScore(db, b, 2, 5, now)).toEqual({ kind: "refused" });
    expect(await saveFeedbackScore(db, b, 1, 4, now)).toEqual({ kind: "saved" });
    expect(await saveFeedbackScore(db, b, 1, 1, now)).toEqual({ kind: "refused" });
    expect(await saveFeedbackComment(db, b, 2, "чужой", now)).toEqual({ kind: "refused" });
    expect(await saveFeedbackComment(db, b, 1, "Спасибо", now)).toEqual({ kind: "saved" });
    expect(await saveFeedbackComment(db, b, 1, "ещё", now)).toEqual({ kind: "refused" });
    expect(await saveFeedbackComment(db, b, 2, "Спасибо", now)).toEqual({ kind: "refused" });
    expect(await db.selectFrom("bookings").select(["feedback_score", "feedback_comment"]).where("id", "=", b).executeTakeFirst()).toEqual({
      feedback_score: 4,
      feedback_comment: "Спасибо",
    });
  });

  it("finds the same comment stored when it is saved again, as a replayed flow does, and writes once", async () => {
    const b = await booking(1, "career", 5);
    await saveFeedbackScore(db, b, 1, 5, now);
    expect(await saveFeedbackComment(db, b, 1, "Помогли с резюме", now)).toEqual({ kind: "saved" });
    const later = new Date("2026-11-23T12:05:00Z");
    expect(await saveFeedbackComment(db, b, 1, "Помогли с резюме", later)).toEqual({ kind: "saved" });
    expect(await db.selectFrom("bookings").select(["feedback_comment", "updated_at"]).where("id", "=", b).executeTakeFirst()).toEqual({
      feedback_comment: "Помогли с резюме",
      updated_at: now.toISOString(),
    });
  });

  it("sums up ratings for the figures, over all services or one", async () => {
    expect(await feedbackSummary(db)).toEqual({ count: 0, average: null });
    const scores: [number, "psychologist" | "career", number][] = [[1, "psychologist", 5], [2, "psychologist", 2], [3, "career", 4]];
    for (const [user, service, score] of scores) {
      const b = await booking(user, service, user + 3);
      await saveFeedbackScore(db, b, user, score as 1 | 2 | 3 | 4 | 5, now);
    }
    await booking(1, "career", 8); // not rated: not counted
    expect(await feedbackSummary(db)).toEqual({ count: 3, average: (5 + 2 + 4) / 3 });
    expect(await feedbackSummary(db, "psychologist")).toEqual({ count: 2, average: 3.5 });
  });
});
