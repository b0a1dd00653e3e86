import type { Db } from "./database.js";

/** Notes updates already handled that Telegram will deliver again after a restart. */
export async function rememberHandledUpdates(db: Db, updateIds: number[], now: Date): Promise<void> {
  if (updateIds.length === 0) return;
  const handled_at = now.toISOString();
  await db
    .insertInto("handled_updates")
    .values(updateIds.map((update_id) => ({ update_id, handled_at })))
    .onConflict((oc) => oc.column("update_id").doNothing())
    .execute();
}

/** The updates noted by the previous run, forgotten as they are read: each is skipped once. */
export async function takeHandledUpdates(db: Db): Promise<number[]> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx.selectFrom("handled_updates").select("update_id").execute();
    await trx.deleteFrom("handled_updates").execute();
    return rows.map((r) => r.update_id);
  });
}

/** Telegram keeps an update it could not deliver for a day; a note older than that is never needed. */
const UPDATE_KEPT_HOURS = 24;

/**
 * Forgets the notes of updates Telegram no longer delivers: those of a stop not followed by a
 * start in polling mode. Returns how many.
 */
export async function forgetStaleHandledUpdates(db: Db, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - UPDATE_KEPT_HOURS * 60 * 60 * 1000).toISOString();
  const result = await db.deleteFrom("handled_updates").where("handled_at", "<", cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}
