import type { Update } from "grammy/types";
import type { Db } from "./database.js";

/**
 * Keeps an update Telegram posted, with the chat it belongs to, unless it was received or
 * handled before (Telegram posts an update again when its acknowledgement did not reach it in
 * time, and several instances may each get it). Returns whether it is new: only then is it to
 * be handled. Written first and checked against the handled ones after: a process finishing the
 * same update notes it handled before it forgets it, so whichever way the two meet, this either
 * finds the row still there (and writes nothing) or finds the note (and takes its row back).
 */
export async function receiveUpdate(db: Db, update: Update, chatKey: string, now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto("received_updates")
      .values({ update_id: update.update_id, chat_key: chatKey, body: JSON.stringify(update), received_at: now.toISOString() })
      .onConflict((oc) => oc.column("update_id").doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) return false;
    const handled = await trx.selectFrom("handled_updates").select("update_id").where("update_id", "=", update.update_id).executeTakeFirst();
    if (!handled) return true;
    await trx.deleteFrom("received_updates").where("update_id", "=", update.update_id).execute();
    return false;
  });
}

/**
 * The chat's next updates to handle, oldest first, at most `limit`. Those handled already (by a
 * process stopped between noting one handled and forgetting it) are forgotten instead.
 */
export async function waitingUpdates(db: Db, chatKey: string, limit: number): Promise<Update[]> {
  const rows = await db
    .selectFrom("received_updates as r")
    .leftJoin("handled_updates as h", "h.update_id", "r.update_id")
    .select(["r.update_id", "r.body", "h.update_id as handled"])
    .where("r.chat_key", "=", chatKey)
    .orderBy("r.update_id")
    .limit(limit)
    .execute();
  const handled = rows.filter((r) => r.handled !== null).map((r) => r.update_id);
  if (handled.length > 0) await db.deleteFrom("received_updates").where("update_id", "in", handled).execute();
  return rows.filter((r) => r.handled === null).map((r) => JSON.parse(r.body) as Update);
}

/** Whether any update of the chat waits to be handled. */
export async function hasWaitingUpdates(db: Db, chatKey: string): Promise<boolean> {
  const row = await db.selectFrom("received_updates").select("update_id").where("chat_key", "=", chatKey).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** A chat with updates waiting, and who holds its turn (if anyone does) until when. */
export interface WaitingChat {
  chatKey: string;
  holder: string | null;
  expiresAt: string | null;
}

/** The chats with updates waiting, those waiting longest first, at most `limit`. */
export async function chatsWithWaitingUpdates(db: Db, limit: number): Promise<WaitingChat[]> {
  const rows = await db
    .selectFrom("received_updates as r")
    .leftJoin("chat_turns as t", "t.chat_key", "r.chat_key")
    .select((eb) => ["r.chat_key", "t.holder", "t.expires_at", eb.fn.min("r.update_id").as("first")])
    .groupBy(["r.chat_key", "t.holder", "t.expires_at"])
    .orderBy("first")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ chatKey: r.chat_key, holder: r.holder, expiresAt: r.expires_at }));
}

/** Drops a received update once it is handled and noted as such. */
export async function forgetReceivedUpdate(db: Db, updateId: number): Promise<void> {
  await db.deleteFrom("received_updates").where("update_id", "=", updateId).execute();
}
