import type { VersionedState, VersionedStateStorage } from "@grammyjs/conversations";
import type { Clock } from "../clock.js";
import { compiledOnce, type Db } from "./database.js";

/**
 * Conversation state in the database, so that a half-finished flow resumes after a restart.
 * The time of the last write tells an abandoned flow (see `forgetAbandonedFlows`).
 */
export function conversationStateStorage<S>(db: Db, clock: Clock): VersionedStateStorage<string, S> {
  return {
    async read(key) {
      const [row] = await stateByKey(db, key);
      return row ? (JSON.parse(row.value) as VersionedState<S>) : undefined;
    },
    async write(key, state) {
      const value = JSON.stringify(state);
      const updated_at = clock.now().toISOString();
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

/** Every update in a private chat reads its chat's flows. */
const stateByKey = compiledOnce([""], (db, key: string) => db.selectFrom("conversation_state").select("value").where("key", "=", key));

/** The storage key of a chat's conversations. */
export function conversationKey(chatId: number): string {
  return `chat:${chatId}`;
}

/** Forgets every conversation of a chat, e.g. when its user erases their data. */
export async function deleteConversationState(db: Db, chatId: number): Promise<void> {
  await db.deleteFrom("conversation_state").where("key", "=", conversationKey(chatId)).execute();
}

/**
 * A flow untouched this long is abandoned. Its saved steps can hold what the person typed (a
 * name, a phone number, a consultation's topic), so it is forgotten rather than kept for ever.
 */
export const ABANDONED_FLOW_DAYS = 7;

/**
 * Forgets up to `limit` of the flows nobody has touched for `ABANDONED_FLOW_DAYS`, oldest first;
 * returns how many. The limit keeps one call short however many have piled up.
 */
export async function forgetAbandonedFlows(db: Db, now: Date, limit = 500): Promise<number> {
  const cutoff = new Date(now.getTime() - ABANDONED_FLOW_DAYS * 24 * 60 * 60 * 1000).toISOString();
  const result = await db
    .deleteFrom("conversation_state")
    .where("key", "in", (eb) =>
      eb.selectFrom("conversation_state").select("key").where("updated_at", "<", cutoff).orderBy("updated_at").limit(limit),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
