import type { ApiCall, Harness } from "./harness.js";

/** The calls of a batch that changed the chat, by kind: messages edited (by id) and messages sent. */
export function screenCalls(batch: ApiCall[]): { edited: number[]; sent: number } {
  return {
    edited: batch.filter((c) => c.method === "editMessageText").map((c) => Number(c.payload.message_id)),
    sent: batch.filter((c) => c.method.startsWith("send")).length,
  };
}

/** From now on Telegram refuses every edit, as it does for a message too old or deleted. */
export function refuseEdits(h: Harness): void {
  h.refuse((call) => (call.method.startsWith("edit") ? { error_code: 400, description: "Bad Request: message can't be edited" } : undefined));
}
