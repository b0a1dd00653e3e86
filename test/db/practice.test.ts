import { Rating, State } from "ts-fsrs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/database.js";
import {
  countIntroducedToday,
  findPracticeSettings,
  loadCards,
  practiceProgress,
  recordReview,
  savePlacement,
  setNewPerDay,
} from "../../src/db/practice.js";
import { eraseUserData, exportUserData } from "../../src/db/user-data.js";
import { DECK } from "../../src/domain/practice/deck/index.js";
import { newItemsFor } from "../../src/domain/practice/items.js";
import { planSession } from "../../src/domain/practice/session.js";
import { reviewCard } from "../../src/domain/practice/srs.js";
import { toInstant } from "../../src/domain/time.js";
import { createTestDb } from "../support/harness.js";
import { seededRandom } from "../support/random.js";
import { registerUser } from "../support/users.js";

let store: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;
const now = toInstant("2026-11-23", "09:00");

beforeEach(async () => {
  store = await createTestDb();
  db = store.db;
  await registerUser(db, 1);
});
afterEach(() => store.cleanup());

/** The learner's `reviewNumber`-th review of the item (their first unless said). */
const review = (itemId: string, rating: Rating.Again | Rating.Hard | Rating.Good | Rating.Easy, at: Date, reviewNumber = 1) =>
  recordReview(db, { userId: 1, itemId, reviewNumber, rating, kind: "flashcard", now: at });

describe("practice cards", () => {
  it("stores each review's FSRS state and reads the same card back", async () => {
    const good = await review("greetings-001", Rating.Good, now);
    const again = await review("greetings-002", Rating.Again, now);
    expect(good.due.getTime()).toBeGreaterThan(again.due.getTime());

    const [first, second] = await loadCards(db, 1);
    // Read back in due order: Again comes back sooner.
    expect(first).toEqual({ itemId: "greetings-002", card: again, introducedAt: now });
    expect(second).toEqual({ itemId: "greetings-001", card: good, introducedAt: now });

    // A second review moves the stored card on exactly as FSRS does, and keeps when it was introduced.
    const later = good.due;
    const next = await review("greetings-001", Rating.Good, later, 2);
    expect(next).toEqual(reviewCard(good, Rating.Good, later));
    const stored = (await loadCards(db, 1)).find((c) => c.itemId === "greetings-001")!;
    expect(stored.card).toEqual(next);
    expect(stored.card.state).toBe(State.Review);
    expect(stored.introducedAt).toEqual(now);

    const log = await db.selectFrom("practice_reviews").select(["item_id", "rating", "kind", "reviewed_at"]).orderBy("id").execute();
    expect(log).toEqual([
      { item_id: "greetings-001", rating: Rating.Good, kind: "flashcard", reviewed_at: now.toISOString() },
      { item_id: "greetings-002", rating: Rating.Again, kind: "flashcard", reviewed_at: now.toISOString() },
      { item_id: "greetings-001", rating: Rating.Good, kind: "flashcard", reviewed_at: later.toISOString() },
    ]);
  });

  it("stores a review once when the same review is recorded again, as a replayed session does", async () => {
    const first = await review("greetings-001", Rating.Good, now);
    // The replay comes later and rates differently: the stored review stands.
    const replayed = await review("greetings-001", Rating.Again, new Date(now.getTime() + 60_000));
    expect(replayed).toEqual(first);
    expect((await loadCards(db, 1)).map((c) => c.card)).toEqual([first]);
    const log = await db.selectFrom("practice_reviews").select(["item_id", "review_number", "rating"]).execute();
    expect(log).toEqual([{ item_id: "greetings-001", review_number: 1, rating: Rating.Good }]);

    // The next review of the item is a new one.
    const second = await review("greetings-001", Rating.Good, first.due, 2);
    expect(second).toEqual(reviewCard(first, Rating.Good, first.due));
    expect(await db.selectFrom("practice_reviews").select("review_number").orderBy("id").execute()).toEqual([
      { review_number: 1 },
      { review_number: 2 },
    ]);
  });

  it("stores a review once when the same review is recorded twice at the same moment", async () => {
    const [a, b] = await Promise.all([review("greetings-001", Rating.Good, now), review("greetings-001", Rating.Good, now)]);
    expect(a).toEqual(b);
    expect((await loadCards(db, 1)).map((c) => c.card)).toEqual([a]);
    expect(await db.selectFrom("practice_reviews").select(["item_id", "review_number"]).execute()).toEqual([
      { item_id: "greetings-001", review_number: 1 },
    ]);
  });

  it("caps new items per Almaty day, across midnight", async () => {
    await savePlacement(db, 1, 1, true, now);
    await setNewPerDay(db, 1, 3, now);
    const perDay = (await findPracticeSettings(db, 1))!.new_per_day!;
    const plan = async (at: Date) =>
      planSession({
        cards: (await loadCards(db, 1)).map((c) => ({ itemId: c.itemId, ...c.card })),
        level: 1,
        newPerDay: perDay,
        introducedToday: await countIntroducedToday(db, 1, at),
        now: at,
        random: seededRandom(1),
      });

    // 23:50 in Almaty is 18:50 UTC, still 23 November there.
    const lateEvening = toInstant("2026-11-23", "23:50");
    const first = await plan(lateEvening);
    expect(first.map((e) => e.itemId)).toEqual(newItemsFor(1, new Set(), 3).map((i) => i.id));
    for (const e of first) await review(e.itemId, Rating.Good, lateEvening);
    expect(await countIntroducedToday(db, 1, lateEvening)).toBe(3);

    // Five minutes later: the three are not due yet (ten-minute step) and the day's allowance is used up.
    expect(await plan(toInstant("2026-11-23", "23:55"))).toEqual([]);

    // Past Almaty midnight (19:00 UTC) a new day begins: the three learning steps come first, then new items.
    const afterMidnight = toInstant("2026-11-24", "00:05");
    expect(await countIntroducedToday(db, 1, afterMidnight)).toBe(0);
    const next = await plan(afterMidnight);
    expect(next.map((e) => [e.itemId, e.isNew])).toEqual([
      ...first.map((e) => [e.itemId, false]),
      ...newItemsFor(1, new Set(first.map((e) => e.itemId)), 3).map((i) => [i.id, true]),
    ]);
  });
});

describe("practice progress and personal data", () => {
  it("reports words met and learned, and the streak", async () => {
    await review("greetings-001", Rating.Easy, toInstant("2026-11-21", "12:00"));
    await review("greetings-002", Rating.Good, toInstant("2026-11-22", "23:30"));
    await review("greetings-003", Rating.Again, toInstant("2026-11-23", "08:00"));
    const progress = await practiceProgress(db, 1, now);
    expect(progress).toEqual({ seen: 3, learned: 1, streak: 3 });
  });

  it("exports the learner's practice with /mydata and erases it with /deleteme", async () => {
    await savePlacement(db, 1, 2, true, now);
    await review(DECK[0]!.id, Rating.Good, now);
    await registerUser(db, 2);
    await recordReview(db, { userId: 2, itemId: DECK[0]!.id, reviewNumber: 1, rating: Rating.Good, kind: "typed", now });

    const data = (await exportUserData(db, 1)) as { practice: { settings: unknown; cards: unknown[]; reviews: unknown[] } };
    expect(data.practice.settings).toMatchObject({ user_id: 1, level: 2, placement_done: 1 });
    expect(data.practice.cards).toEqual([expect.objectContaining({ user_id: 1, item_id: DECK[0]!.id, reps: 1 })]);
    expect(data.practice.reviews).toEqual([{ item_id: DECK[0]!.id, rating: Rating.Good, kind: "flashcard", reviewed_at: now.toISOString() }]);

    await eraseUserData(db, 1, now);
    for (const table of ["practice_settings", "practice_cards", "practice_reviews"] as const) {
      const rows = await db.selectFrom(table).select("user_id").execute();
      expect(rows, table).toEqual(table === "practice_settings" ? [] : [{ user_id: 2 }]);
    }
  });
});
