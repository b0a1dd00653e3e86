import { sql, type Kysely } from "kysely";
import { columns } from "./portable.js";

// Kazakh practice: each learner's FSRS card per deck item, a log of reviews and their settings.
// Rows go with the account (foreign keys cascade), though /deleteme also erases them itself.
export async function up(db: Kysely<any>): Promise<void> {
  const col = columns(db);
  await db.schema
    .createTable("practice_settings")
    .addColumn("user_id", col.telegramId, (c) => c.primaryKey().references("users.id").onDelete("cascade"))
    // 1–3, from the placement quiz; 1 when it was skipped.
    .addColumn("level", "integer", (c) => c.notNull())
    // Null: the configured default (PRACTICE_NEW_PER_DAY).
    .addColumn("new_per_day", "integer")
    .addColumn("placement_done", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", col.instant, (c) => c.notNull())
    .addColumn("updated_at", col.instant, (c) => c.notNull())
    .execute();

  // One FSRS card (ts-fsrs field names) per learner and deck item id.
  await db.schema
    .createTable("practice_cards")
    .addColumn("user_id", col.telegramId, (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("item_id", "text", (c) => c.notNull())
    .addColumn("due", col.instant, (c) => c.notNull())
    .addColumn("stability", col.fraction, (c) => c.notNull())
    .addColumn("difficulty", col.fraction, (c) => c.notNull())
    .addColumn("elapsed_days", "integer", (c) => c.notNull())
    .addColumn("scheduled_days", "integer", (c) => c.notNull())
    .addColumn("learning_steps", "integer", (c) => c.notNull())
    .addColumn("reps", "integer", (c) => c.notNull())
    .addColumn("lapses", "integer", (c) => c.notNull())
    // 0 new, 1 learning, 2 review, 3 relearning.
    .addColumn("state", "integer", (c) => c.notNull())
    .addColumn("last_review", col.instant)
    // When the learner first met the item: caps new items per Almaty day.
    .addColumn("introduced_at", col.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint("practice_cards_pk", ["user_id", "item_id"])
    .execute();
  await sql`create index practice_cards_due on practice_cards (user_id, due)`.execute(db);

  await db.schema
    .createTable("practice_reviews")
    .addColumn("id", "integer", col.id)
    .addColumn("user_id", col.telegramId, (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("item_id", "text", (c) => c.notNull())
    // FSRS rating: 1 again, 2 hard, 3 good, 4 easy.
    .addColumn("rating", "integer", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("reviewed_at", col.instant, (c) => c.notNull())
    .execute();
  await sql`create index practice_reviews_user on practice_reviews (user_id, reviewed_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("practice_reviews").execute();
  await db.schema.dropTable("practice_cards").execute();
  await db.schema.dropTable("practice_settings").execute();
}
