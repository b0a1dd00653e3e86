import type { Db } from "./database.js";

/**
 * Notes updates already handled, which Telegram delivers again after a restart until a poll has
 * confirmed them: each as soon as it is handled, since a process that is killed gets no chance to
 * note anything at its end.
 */
export async function rememberHandledUpdates(db: Db, updateIds: number[], now: Date): Promise<void> {
  if (updateIds.length === 0) return;
  const handled_at = now.toISOString();
  await db
    .insertInto("handled_updates")
    .values(updateIds.map((update_id) => ({ update_id, handled_at })))
    .onConflict((oc) => oc.column("update_id").doNothing())
    .execute();
}

/**
 * The updates noted and not yet confirmed, for a start to skip. They stay noted until a poll
 * confirms them: a start killed before that must hand them on to the next one.
 */
export async function handledUpdates(db: Db): Promise<number[]> {
  const rows = await db.selectFrom("handled_updates").select("update_id").execute();
  return rows.map((r) => r.update_id);
}

/** Forgets the notes of updates below `offset`: a poll with that offset told Telegram they are done. */
export async function forgetConfirmedUpdates(db: Db, offset: number): Promise<void> {
  await db.deleteFrom("handled_updates").where("update_id", "<", offset).execute();
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
