import type { Update } from "grammy/types";
import type { Db } from "./database.js";

/**
 * Keeps an update Telegram posted, unless it was received or handled before (Telegram posts an
 * update again when its acknowledgement did not reach it in time). Returns whether it is new:
 * only then is it to be handled. One transaction, so that an update being finished meanwhile
 * is seen either in the inbox or among the handled ones, never in neither.
 */
export async function receiveUpdate(db: Db, update: Update, now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const handled = await trx.selectFrom("handled_updates").select("update_id").where("update_id", "=", update.update_id).executeTakeFirst();
    if (handled) return false;
    const inserted = await trx
      .insertInto("received_updates")
      .values({ update_id: update.update_id, body: JSON.stringify(update), received_at: now.toISOString() })
      .onConflict((oc) => oc.column("update_id").doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0;
  });
}

/** The updates received and not handled yet, oldest first; those handled meanwhile are dropped. */
export async function unhandledReceivedUpdates(db: Db): Promise<Update[]> {
  await db
    .deleteFrom("received_updates")
    .where("update_id", "in", db.selectFrom("handled_updates").select("update_id"))
    .execute();
  const rows = await db.selectFrom("received_updates").select("body").orderBy("update_id").execute();
  return rows.map((r) => JSON.parse(r.body) as Update);
}

/** Drops a received update once it is handled and noted as such. */
export async function forgetReceivedUpdate(db: Db, updateId: number): Promise<void> {
  await db.deleteFrom("received_updates").where("update_id", "=", updateId).execute();
}
