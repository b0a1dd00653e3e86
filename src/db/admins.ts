import type { Db } from "./database.js";

/** The centers a person administers now (none for most people), by id. */
export async function centersAdministeredBy(db: Db, telegramId: number): Promise<string[]> {
  const rows = await db
    .selectFrom("center_admins")
    .select("center_id")
    .where("telegram_id", "=", telegramId)
    .where("revoked_at", "is", null)
    .orderBy("center_id")
    .execute();
  return rows.map((r) => r.center_id);
}
