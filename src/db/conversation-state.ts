import type { VersionedState, VersionedStateStorage } from "@grammyjs/conversations";
import type { Db } from "./database.js";

/**
 * Conversation state in the database, so that a half-finished flow resumes after a restart.
 * The clock is read here (not passed in) because the timestamp is bookkeeping only.
 */
export function conversationStateStorage<S>(db: Db): VersionedStateStorage<string, S> {
  return {
    async read(key) {
      const row = await db.selectFrom("conversation_state").select("value").where("key", "=", key).executeTakeFirst();
      return row ? (JSON.parse(row.value) as VersionedState<S>) : undefined;
    },
    async write(key, state) {
      const value = JSON.stringify(state);
      const updated_at = new Date().toISOString();
      await db
        .insertInto("conversation_state")
        .values({ key, value, updated_at })
        .onConflict((oc) => oc.column("key").doUpdateSet({ value, updated_at }))
        .execute();
    },
    async delete(key) {
      await db.deleteFrom("conversation_state").where("key", "=", key).execute();
    },
  };
}

/** The storage key of a chat's conversations. */
export function conversationKey(chatId: number): string {
  return `chat:${chatId}`;
}

/** Forgets every conversation of a chat, e.g. when its user erases their data. */
export async function deleteConversationState(db: Db, chatId: number): Promise<void> {
  await db.deleteFrom("conversation_state").where("key", "=", conversationKey(chatId)).execute();
}
