import { sql, type Kysely } from "kysely";

/**
 * Each review of a card is stored once. A practice session replayed after an answer was stored
 * (the process died before the session's state was saved) writes the same review again; the
 * review's number among the learner's reviews of that item says it is the same one. Reviews
 * stored before are numbered in the order they were made.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // Nullable only because SQLite cannot add a NOT NULL column without a default; every row has one.
  await db.schema.alterTable("practice_reviews").addColumn("review_number", "integer").execute();
  await sql`
    update practice_reviews
    set review_number = (
      select count(*) from practice_reviews earlier
      where earlier.user_id = practice_reviews.user_id
        and earlier.item_id = practice_reviews.item_id
        and earlier.id <= practice_reviews.id
    )
  `.execute(db);
  await sql`create unique index practice_reviews_once on practice_reviews (user_id, item_id, review_number)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index practice_reviews_once`.execute(db);
  await db.schema.alterTable("practice_reviews").dropColumn("review_number").execute();
}
