import type { MiddlewareFn, Transformer } from "grammy";

/**
 * The callback queries answered so far in the updates being handled. Telegram takes one answer
 * per query and refuses a second, so the error handler answers a query only if nothing did.
 */
export class CallbackAnswers {
  private readonly answered = new Set<string>();

  /** Notes every successful answerCallbackQuery made through the Api it is installed on. */
  readonly transformer: Transformer = async (prev, method, payload, signal) => {
    const result = await prev(method, payload, signal);
    if (method === "answerCallbackQuery" && result.ok) this.answered.add((payload as { callback_query_id: string }).callback_query_id);
    return result;
  };

  /**
   * For the contexts inside conversations: the conversations plugin gives each its own Api,
   * which the transformers of `bot.api` do not reach.
   */
  readonly plugin: MiddlewareFn = async (ctx, next) => {
    ctx.api.config.use(this.transformer);
    await next();
  };

  /** Forgets the query of an update handled without error (the error handler forgets the others). */
  readonly forgetWhenDone: MiddlewareFn = async (ctx, next) => {
    await next();
    if (ctx.callbackQuery) this.answered.delete(ctx.callbackQuery.id);
  };

  /** Whether the query has been answered; it is forgotten either way. */
  take(queryId: string): boolean {
    return this.answered.delete(queryId);
  }
}
