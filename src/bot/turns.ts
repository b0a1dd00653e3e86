import type { Context } from "grammy";

/**
 * Whose updates are handled one at a time, in the order they came: a chat's (its conversation
 * replays from stored state, and two steps at once would each load the same state), else a
 * person's (an update without a chat); an update of neither stands alone.
 */
export function turnKeyOf(ctx: Pick<Context, "chatId" | "from" | "update">): string {
  if (ctx.chatId !== undefined) return String(ctx.chatId);
  if (ctx.from) return `user:${ctx.from.id}`;
  return `update:${ctx.update.update_id}`;
}
