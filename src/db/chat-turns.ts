import type { Db } from "./database.js";

/**
 * Takes the chat's turn: the chat's updates are this holder's to handle, one at a time, until it
 * lets the turn go or its hold expires. Won only when no one holds the turn, its hold has
 * expired, or `gone` names the holder found and it still holds it (a process known to be dead).
 * One statement, so that two processes asking at once never both win.
 */
export async function takeChatTurn(db: Db, chatKey: string, holder: string, now: Date, leaseMs: number, gone?: string): Promise<boolean> {
  const expires_at = new Date(now.getTime() + leaseMs).toISOString();
  const result = await db
    .insertInto("chat_turns")
    .values({ chat_key: chatKey, holder, expires_at })
    .onConflict((oc) =>
      oc
        .column("chat_key")
        .doUpdateSet({ holder, expires_at })
        .where((eb) => {
          const expired = eb("chat_turns.expires_at", "<=", now.toISOString());
          return gone === undefined ? expired : eb.or([expired, eb("chat_turns.holder", "=", gone)]);
        }),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** Who holds the chat's turn, if anyone does (its hold may have expired). */
export async function chatTurnHolder(db: Db, chatKey: string): Promise<string | undefined> {
  const row = await db.selectFrom("chat_turns").select("holder").where("chat_key", "=", chatKey).executeTakeFirst();
  return row?.holder;
}

/** Keeps the turn while a long update is handled; false if it is no longer this holder's. */
export async function renewChatTurn(db: Db, chatKey: string, holder: string, now: Date, leaseMs: number): Promise<boolean> {
  const result = await db
    .updateTable("chat_turns")
    .set({ expires_at: new Date(now.getTime() + leaseMs).toISOString() })
    .where("chat_key", "=", chatKey)
    .where("holder", "=", holder)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Lets the turn go: whoever stores the chat's next update may take it at once. */
export async function releaseChatTurn(db: Db, chatKey: string, holder: string): Promise<void> {
  await db.deleteFrom("chat_turns").where("chat_key", "=", chatKey).where("holder", "=", holder).execute();
}
