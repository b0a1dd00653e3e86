import type { Grade } from "ts-fsrs";
import type { ExerciseKind } from "../domain/practice/exercises.js";
import type { Level } from "../domain/practice/items.js";
import { progressOf, type Progress } from "../domain/practice/progress.js";
import { almatyDay, reviewCard, type CardState } from "../domain/practice/srs.js";
import type { Db } from "./database.js";
import type { PracticeCardRow, PracticeSettings } from "./schema.js";
import { lockPerson } from "./users.js";

/** One of a learner's cards: which deck item, and its FSRS state. */
export interface StoredCard {
  itemId: string;
  card: CardState;
  introducedAt: Date;
}

function toCard(row: PracticeCardRow): StoredCard {
  return {
    itemId: row.item_id,
    introducedAt: new Date(row.introduced_at),
    card: {
      due: new Date(row.due),
      stability: row.stability,
      difficulty: row.difficulty,
      elapsed_days: row.elapsed_days,
      scheduled_days: row.scheduled_days,
      learning_steps: row.learning_steps,
      reps: row.reps,
      lapses: row.lapses,
      state: row.state,
      ...(row.last_review ? { last_review: new Date(row.last_review) } : {}),
    },
  };
}

function cardColumns(card: CardState) {
  return {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    last_review: card.last_review?.toISOString() ?? null,
  };
}

/** The learner's level and pace; undefined until they took or skipped the placement quiz. */
export async function findPracticeSettings(db: Db, userId: number): Promise<PracticeSettings | undefined> {
  return db.selectFrom("practice_settings").selectAll().where("user_id", "=", userId).executeTakeFirst();
}

/** Stores the level from the placement quiz (done) or the beginner's level after skipping it (not done). */
export async function savePlacement(db: Db, userId: number, level: Level, done: boolean, now: Date): Promise<void> {
  const at = now.toISOString();
  await db
    .insertInto("practice_settings")
    .values({ user_id: userId, level, placement_done: Number(done), created_at: at, updated_at: at })
    .onConflict((oc) => oc.column("user_id").doUpdateSet({ level, placement_done: Number(done), updated_at: at }))
    .execute();
}

/** Sets how many new items a day the learner meets; they have settings by then. */
export async function setNewPerDay(db: Db, userId: number, newPerDay: number, now: Date): Promise<void> {
  await db
    .updateTable("practice_settings")
    .set({ new_per_day: newPerDay, updated_at: now.toISOString() })
    .where("user_id", "=", userId)
    .execute();
}

export async function loadCards(db: Db, userId: number): Promise<StoredCard[]> {
  const rows = await db.selectFrom("practice_cards").selectAll().where("user_id", "=", userId).orderBy("due").execute();
  return rows.map(toCard);
}

/** Items the learner met for the first time in the Almaty day of `now`. */
export async function countIntroducedToday(db: Db, userId: number, now: Date): Promise<number> {
  const { start, end } = almatyDay(now);
  const row = await db
    .selectFrom("practice_cards")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .where("introduced_at", ">=", start.toISOString())
    .where("introduced_at", "<", end.toISOString())
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Records one exercise: the item's card moves on by FSRS (a card is created at the first
 * review) and the review is logged. Returns the card as stored.
 *
 * `reviewNumber` says which review of the item this is (1 for the first), as known when the
 * exercise was planned. The same review again (a session replayed after its answer was stored
 * but before its state was saved) moves nothing and returns the card as stored.
 */
export async function recordReview(
  db: Db,
  review: { userId: number; itemId: string; reviewNumber: number; rating: Grade; kind: ExerciseKind; now: Date },
): Promise<CardState> {
  const { userId, itemId, reviewNumber, rating, kind, now } = review;
  return db.transaction().execute(async (trx) => {
    // The same review asked for twice at once is stored by the first and found by the second.
    await lockPerson(trx, userId);
    const row = await trx
      .selectFrom("practice_cards")
      .selectAll()
      .where("user_id", "=", userId)
      .where("item_id", "=", itemId)
      .executeTakeFirst();
    const stored = await trx
      .selectFrom("practice_reviews")
      .select("id")
      .where("user_id", "=", userId)
      .where("item_id", "=", itemId)
      .where("review_number", "=", reviewNumber)
      .executeTakeFirst();
    if (row && stored) return toCard(row).card;
    const card = reviewCard(row ? toCard(row).card : null, rating, now);
    const columns = cardColumns(card);
    await trx
      .insertInto("practice_cards")
      .values({ user_id: userId, item_id: itemId, introduced_at: now.toISOString(), ...columns })
      .onConflict((oc) => oc.columns(["user_id", "item_id"]).doUpdateSet(columns))
      .execute();
    await trx
      .insertInto("practice_reviews")
      .values({ user_id: userId, item_id: itemId, review_number: reviewNumber, rating, kind, reviewed_at: now.toISOString() })
      .execute();
    return card;
  });
}

/** Words met and learned, and the streak. */
export async function practiceProgress(db: Db, userId: number, now: Date): Promise<Progress> {
  const cards = await loadCards(db, userId);
  const reviews = await db.selectFrom("practice_reviews").select("reviewed_at").where("user_id", "=", userId).execute();
  return progressOf(
    cards.map((c) => c.card),
    reviews.map((r) => new Date(r.reviewed_at)),
    now,
  );
}

/** How many exercises the learner has answered, and when last; for /mydata. */
export async function practiceAnswers(db: Db, userId: number): Promise<{ count: number; last: string | null }> {
  const row = await db
    .selectFrom("practice_reviews")
    .select((eb) => [eb.fn.countAll<number>().as("count"), eb.fn.max("reviewed_at").as("last")])
    .where("user_id", "=", userId)
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), last: row.last ?? null };
}

/** The learner's practice data for /mydata. */
export async function exportPracticeData(db: Db, userId: number): Promise<Record<string, unknown>> {
  const settings = (await findPracticeSettings(db, userId)) ?? null;
  const cards = await db.selectFrom("practice_cards").selectAll().where("user_id", "=", userId).orderBy("item_id").execute();
  const reviews = await db
    .selectFrom("practice_reviews")
    .select(["item_id", "rating", "kind", "reviewed_at"])
    .where("user_id", "=", userId)
    .orderBy("id")
    .execute();
  return { settings, cards, reviews };
}

/** Erases the learner's practice data for /deleteme: progress is personal. */
export async function erasePracticeData(db: Db, userId: number): Promise<void> {
  await db.deleteFrom("practice_reviews").where("user_id", "=", userId).execute();
  await db.deleteFrom("practice_cards").where("user_id", "=", userId).execute();
  await db.deleteFrom("practice_settings").where("user_id", "=", userId).execute();
}
