import type { MiddlewareFn, Transformer } from "grammy";

/** How Telegram refuses to answer a query that is too old (or answered already). */
const EXPIRED = /query is too old/;

/**
 * Whether the callback queries of the updates being handled have been answered. Telegram takes
 * one answer per query and refuses a second, so the error handler answers a query only if
 * nothing did. Only the queries of updates in hand are tracked: a conversation's replay repeats
 * the answers of older queries, which must not pile up here.
 */
export class CallbackAnswers {
  /** Query id → answered, for the updates being handled. */
  private readonly open = new Map<string, boolean>();

  /** Notes every successful answerCallbackQuery made through the Api it is installed on. */
  readonly transformer: Transformer = async (prev, method, payload, signal) => {
    const result = await prev(method, payload, signal);
    if (method !== "answerCallbackQuery") return result;
    const id = (payload as { callback_query_id: string }).callback_query_id;
    // A query Telegram no longer takes an answer for (a press handled again after a restart)
    // has long stopped spinning: there is nothing left to answer, and no reason to fail the press.
    const expired = !result.ok && result.error_code === 400 && EXPIRED.test(result.description);
    if ((result.ok || expired) && this.open.has(id)) this.open.set(id, true);
    return expired ? ({ ok: true, result: true } as unknown as typeof result) : result;
  };

  /** Tracks the update's query while it is handled; the error handler settles a failed one. */
  readonly track: MiddlewareFn = async (ctx, next) => {
    const id = ctx.callbackQuery?.id;
    if (id === undefined) return next();
    this.open.set(id, false);
    await next();
    this.open.delete(id);
  };

  /** Whether the query has been answered; it is no longer tracked either way. */
  take(queryId: string): boolean {
    const answered = this.open.get(queryId) ?? false;
    this.open.delete(queryId);
    return answered;
  }
}
