import type { Kysely } from "kysely";
import { columns } from "./portable.js";

/**
 * Updates handled by a process that stopped before Telegram could be told, because an earlier
 * update was left unfinished: the next start skips them when Telegram delivers them again.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const col = columns(db);
  await db.schema
    .createTable("handled_updates")
    .addColumn("update_id", col.telegramId, (c) => c.primaryKey())
    .addColumn("handled_at", col.instant, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("handled_updates").execute();
}
