import { conversationKey } from "../../src/db/conversation-state.js";
import type { Harness } from "./harness.js";

/** A person's flows as saved between two updates (what each update replays), if any. */
export async function storedFlow(h: Pick<Harness, "db">, userId: number): Promise<string | undefined> {
  const row = await h.db.selectFrom("conversation_state").select("value").where("key", "=", conversationKey(userId)).executeTakeFirst();
  return row?.value;
}
