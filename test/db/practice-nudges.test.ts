import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/database.js";
import { planPracticeNudges, setPracticeNudgeTime } from "../../src/db/practice-nudges.js";
import { ensureUser, updateUser } from "../../src/db/users.js";
import { createTestDb } from "../support/harness.js";
import { queryPlan, StatementLog, itOnSqlite } from "../support/statements.js";
import { fillWithHistory } from "../support/volume.js";
import { registerUser } from "../support/users.js";

let store: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;
// 10:00 in Almaty.
const now = new Date("2026-11-23T05:00:00Z");

beforeEach(async () => {
  store = await createTestDb();
  db = store.db;
});
afterEach(() => store.cleanup());

async function nudges() {
  return db
    .selectFrom("outbox")
    .select(["recipient_id", "state", "due_at", "dedupe_key", "essential", "urgent"])
    .where("kind", "=", "practice_nudge")
    .orderBy("id")
    .execute();
}

describe("planning practice nudges", () => {
  itOnSqlite("reads only the people whose planning moment has come, through an index, a batch at a time", async () => {
    const statements = new StatementLog();
    const logged = await createTestDb({ log: statements.log });
    try {
      // 3,000 people, a fifth of whom chose 9:00 for their practice.
      await fillWithHistory(logged.db, { people: 3000, bookings: 0, outbox: 0, idleFlows: 0 }, now);
      const planned = async () =>
        Number((await logged.db.selectFrom("outbox").select((eb) => eb.fn.countAll<number>().as("n")).where("kind", "=", "practice_nudge").executeTakeFirstOrThrow()).n);
      statements.clear();

      await planPracticeNudges(logged.db, now);
      expect(await planned()).toBe(600);
      const reads = () => statements.runs.filter((s) => /^select .* from "users"/.test(s));
      // 500 and 100 people: the second, short batch ends the run.
      expect(reads()).toHaveLength(2);
      const read = statements.statements().find((s) => /^select .* from "users"/.test(s.sql))!;
      expect(await queryPlan(logged.db, read)).toEqual(["SEARCH users USING INDEX users_nudge_plan (practice_nudge_plan_at<?)"]);

      // Every nudge is written: a run reads nobody and writes nothing.
      statements.clear();
      await planPracticeNudges(logged.db, new Date(now.getTime() + 60_000));
      expect(statements.runs).toHaveLength(1);
      expect(await planned()).toBe(600);

      // Tomorrow at 9:00 (the time they all chose) theirs fall due, and the day after's are written.
      statements.clear();
      await planPracticeNudges(logged.db, new Date("2026-11-24T04:00:00Z"));
      expect(reads()).toHaveLength(2);
      expect(await planned()).toBe(1200);
      const dueAt = await logged.db.selectFrom("outbox").select("due_at").distinct().orderBy("due_at").execute();
      expect(dueAt.map((r) => r.due_at)).toEqual(["2026-11-24T04:00:00.000Z", "2026-11-25T04:00:00.000Z"]);
    } finally {
      await logged.cleanup();
    }
  });

  it("plans one next nudge for each opted-in person who can be reached, however often it runs", async () => {
    await registerUser(db, 1);
    await setPracticeNudgeTime(db, 1, "20:00", now);
    await registerUser(db, 2);
    await setPracticeNudgeTime(db, 2, "09:00", now);
    // Not planned: nudges off, notifications off, blocked the bot, never registered.
    await registerUser(db, 3);
    await registerUser(db, 4);
    await setPracticeNudgeTime(db, 4, "12:00", now);
    await updateUser(db, 4, { notifications: 0 }, now);
    await registerUser(db, 5);
    await setPracticeNudgeTime(db, 5, "12:00", now);
    await updateUser(db, 5, { blocked_at: now.toISOString() }, now);
    await ensureUser(db, 6, "kk", now);
    await updateUser(db, 6, { practice_nudge_time: "12:00" }, now);

    await planPracticeNudges(db, now);
    await planPracticeNudges(db, now);
    expect(await nudges()).toEqual([
      { recipient_id: 1, state: "pending", due_at: "2026-11-23T15:00:00.000Z", dedupe_key: "practice_nudge:1:2026-11-23", essential: 0, urgent: 0 },
      { recipient_id: 2, state: "pending", due_at: "2026-11-24T04:00:00.000Z", dedupe_key: "practice_nudge:2:2026-11-24", essential: 0, urgent: 0 },
    ]);
  });

  it("plans the next day once today's was sent, and never a second one the same day", async () => {
    await registerUser(db, 1);
    await setPracticeNudgeTime(db, 1, "12:00", now);
    await planPracticeNudges(db, now);
    await db.updateTable("outbox").set({ state: "sent" }).execute();

    // At 13:00 the person moves the nudge to 20:00: today's is already done.
    const afternoon = new Date("2026-11-23T08:00:00Z");
    await setPracticeNudgeTime(db, 1, "20:00", afternoon);
    await planPracticeNudges(db, afternoon);
    expect((await nudges()).map((n) => [n.state, n.dedupe_key])).toEqual([["sent", "practice_nudge:1:2026-11-23"]]);

    const evening = new Date("2026-11-23T15:00:01Z");
    await planPracticeNudges(db, evening);
    expect((await nudges()).map((n) => [n.state, n.dedupe_key])).toEqual([
      ["sent", "practice_nudge:1:2026-11-23"],
      ["pending", "practice_nudge:1:2026-11-24"],
    ]);
  });

  it("a new time cancels the waiting nudge and frees its day for the new one; off cancels it", async () => {
    await registerUser(db, 1);
    await setPracticeNudgeTime(db, 1, "20:00", now);
    await planPracticeNudges(db, now, 1);
    await setPracticeNudgeTime(db, 1, "18:00", now);
    await planPracticeNudges(db, now, 1);
    expect((await nudges()).map((n) => [n.state, n.due_at, n.dedupe_key])).toEqual([
      ["cancelled", "2026-11-23T15:00:00.000Z", null],
      ["pending", "2026-11-23T13:00:00.000Z", "practice_nudge:1:2026-11-23"],
    ]);

    await setPracticeNudgeTime(db, 1, null, now);
    await planPracticeNudges(db, now, 1);
    expect((await nudges()).map((n) => n.state)).toEqual(["cancelled", "cancelled"]);
  });
});
