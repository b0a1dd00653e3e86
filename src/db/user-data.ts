import type { Db } from "./database.js";
import { countAnonymously } from "./users.js";
import { conversationKey } from "./conversation-state.js";
import { localDateOf } from "../domain/time.js";

/**
 * Everything stored about one person, for /mydata. Each table that holds personal data adds
 * its part here, so the export and the erasure below never drift apart.
 */
export async function exportUserData(db: Db, userId: number): Promise<Record<string, unknown> | null> {
  const user = await db.selectFrom("users").selectAll().where("id", "=", userId).executeTakeFirst();
  if (!user) return null;
  return { user };
}

/**
 * Erases a person's data for /deleteme. Rows that the city's figures need keep only what says
 * nothing about whose they were; the erasure itself is counted anonymously.
 */
export async function eraseUserData(db: Db, userId: number, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("conversation_state").where("key", "=", conversationKey(userId)).execute();
    await trx.deleteFrom("users").where("id", "=", userId).execute();
    await countAnonymously(trx, "accounts_erased", localDateOf(now));
  });
}
