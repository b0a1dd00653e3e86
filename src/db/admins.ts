import type { Db } from "./database.js";

/** The centers a person administers now, by id, as a query to run or to ask whether there are any. */
export function administeredCenters(db: Db, telegramId: number) {
  return db.selectFrom("center_admins").select("center_id").where("telegram_id", "=", telegramId).where("revoked_at", "is", null);
}

/** The centers a person administers now (none for most people), by id. */
export async function centersAdministeredBy(db: Db, telegramId: number): Promise<string[]> {
  const rows = await administeredCenters(db, telegramId).orderBy("center_id").execute();
  return rows.map((r) => r.center_id);
}

/**
 * The accounts that administer or administered a center (or whether this one did): whose command
 * menu may need putting right.
 */
export async function centerAdminAccounts(db: Db, telegramId?: number): Promise<number[]> {
  let query = db.selectFrom("center_admins").select("telegram_id").distinct();
  if (telegramId !== undefined) query = query.where("telegram_id", "=", telegramId);
  return (await query.execute()).map((r) => r.telegram_id);
}

/**
 * Makes the account an administrator of the center; true when it was one already. Meant to run
 * inside the transaction that uses up the invite; the unique index on live rows keeps one each.
 */
export async function grantCenterAdmin(
  trx: Db,
  grant: { telegramId: number; centerId: string; grantedBy: number },
  now: Date,
): Promise<boolean> {
  const live = await trx
    .selectFrom("center_admins")
    .select("id")
    .where("telegram_id", "=", grant.telegramId)
    .where("center_id", "=", grant.centerId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  if (live) return true;
  await trx
    .insertInto("center_admins")
    .values({ telegram_id: grant.telegramId, center_id: grant.centerId, granted_by: grant.grantedBy, granted_at: now.toISOString(), revoked_at: null })
    .execute();
  return false;
}
