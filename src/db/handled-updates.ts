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
