import type { Kysely } from "kysely";

/**
 * Updates a webhook has acknowledged to Telegram but not handled yet. Telegram never posts an
 * acknowledged update again, so it is kept here first: a process stopped or killed before
 * handling it handles it at its next start. Removed once handled (and noted in handled_updates).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("received_updates")
    .addColumn("update_id", "integer", (c) => c.primaryKey())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("received_at", "text", (c) => c.notNull())
    .execute();
  // A webhook's notes of handled updates are never confirmed by a poll, only forgotten by age:
  // a day of them at every scheduler run.
  await db.schema.createIndex("handled_updates_handled_at").on("handled_updates").column("handled_at").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("handled_updates_handled_at").execute();
  await db.schema.dropTable("received_updates").execute();
}
