import type { Logger } from "../logger.js";
import { abortableSleep, type Sleep } from "../sleep.js";

/**
 * The way every Bot API request of the process travels, given to grammY as the client's `fetch`.
 * It is the one place that sees every call: the bot's, the outbox's, and those of the Api objects
 * the conversations plugin builds from the same client options (transformers on `bot.api` never
 * reach those). Retrying down here also means a conversation records one answer per call, so a
 * replay neither repeats a request nor sleeps through a pause again.
 */

/** An attempt Telegram has not answered within this long is given up. */
export const REQUEST_TIMEOUT_MS = 10_000;
/** No retry starts later than this after the call began, so a person's chat is never held for long. */
const RETRY_WINDOW_MS = 8_000;
/** Pauses before the second, third and fourth attempt after a 5xx or a broken connection. */
const BACKOFF_MS = [250, 1_000, 2_500];

export interface TransportOptions {
  /** Retries are told here, at debug level. */
  logger?: Logger;
  /**
   * Aborting it cuts every request in flight, and every pause before a retry, short: a stop
   * must not wait for Telegram. getUpdates is exempt; its long poll is ended by the poller,
   * which also needs one last call to confirm what it has handled.
   */
  cutOff?: AbortSignal;
  /** Whether transient failures are retried here. The outbox retries on its own terms instead. */
  retry?: boolean;
  /** The underlying fetch (tests answer in place of Telegram here). */
  fetch?: typeof fetch;
  sleep?: Sleep;
}

/**
 * A request that got no answer from Telegram: the connection failed, the answer took too long,
 * or the process was stopping. Its message names the method and the reason only; the request's
 * URL holds the bot's token and never appears in it.
 */
export class TelegramUnreachable extends Error {
  override name = "TelegramUnreachable";

  constructor(
    readonly method: string,
    /** A system error code (ECONNRESET, ECONNREFUSED ...), "timeout" or "cut-off". */
    readonly reason: string,
  ) {
    super(`no answer from Telegram to ${method} (${reason})`);
  }

  /**
   * The conversations plugin keeps a failed call's error as JSON and rebuilds it as a plain
   * Error from what that JSON holds; as the message, the method and reason survive the trip.
   */
  toJSON(): string {
    return this.message;
  }

  /** Reads the method and reason back from such a rebuilt error. */
  static from(error: unknown): TelegramUnreachable | undefined {
    if (error instanceof TelegramUnreachable) return error;
    const match = error instanceof Error ? /^no answer from Telegram to (\w+) \((.+)\)$/.exec(error.message) : null;
    return match ? new TelegramUnreachable(match[1]!, match[2]!) : undefined;
  }
}

type FetchInit = NonNullable<Parameters<typeof fetch>[1]>;

/** A `fetch` for grammY's client options with timeouts, bounded retries and a cut-off. */
export function telegramTransport(options: TransportOptions = {}): typeof fetch {
  const send = options.fetch ?? fetch;
  const sleep = options.sleep ?? abortableSleep;
  const retry = options.retry ?? true;

  return (async (input: Parameters<typeof fetch>[0], init: FetchInit = {}): Promise<Response> => {
    const url = input instanceof Request ? input.url : String(input);
    const method = new URL(url).pathname.split("/").pop() ?? "";
    const cutOff = method === "getUpdates" ? undefined : options.cutOff;
    const body = await replayable(init.body);
    const timeoutMs = REQUEST_TIMEOUT_MS + longPollSeconds(method, body) * 1000;
    const started = Date.now();
    const mayRetry = (pauseMs: number) => retry && method !== "getUpdates" && Date.now() + pauseMs - started <= RETRY_WINDOW_MS;
    const retrying = (code: number | string, pauseMs: number, attempt: number) =>
      options.logger?.debug({ method, code, attempt: attempt + 1, pause_ms: pauseMs }, "Bot API call failed; retrying");

    for (let attempt = 0; ; attempt++) {
      const pause = BACKOFF_MS[attempt];
      let response: Response;
      try {
        response = await attemptOnce(send, url, { ...init, body }, method, timeoutMs, cutOff);
      } catch (error) {
        // A broken connection is ambiguous: Telegram may have taken the request before it broke,
        // and a retry can then deliver it twice. A few retries within seconds are worth that
        // risk; an attempt that timed out or was cut off is not repeated.
        if (!(error instanceof TelegramUnreachable) || error.reason === "timeout" || error.reason === "cut-off") throw error;
        if (pause === undefined || !mayRetry(pause)) throw error;
        retrying(error.reason, pause, attempt);
        await pauseUnlessStopped(sleep, pause, method, init.signal, cutOff);
        continue;
      }
      // 429 and 5xx mean Telegram did not deliver anything: repeating the request is safe.
      if (response.status === 429) {
        const waitMs = (await retryAfterSeconds(response)) * 1000;
        if (attempt >= BACKOFF_MS.length || !mayRetry(waitMs)) return response;
        retrying(429, waitMs, attempt);
        await pauseUnlessStopped(sleep, waitMs, method, init.signal, cutOff);
        continue;
      }
      if (response.status >= 500 && pause !== undefined && mayRetry(pause)) {
        retrying(response.status, pause, attempt);
        await pauseUnlessStopped(sleep, pause, method, init.signal, cutOff);
        continue;
      }
      return response;
    }
  });
}

/** One request, ended by its own timeout, by grammY's signal or by the cut-off. */
async function attemptOnce(
  send: typeof fetch,
  url: string,
  init: FetchInit,
  method: string,
  timeoutMs: number,
  cutOff: AbortSignal | undefined,
): Promise<Response> {
  if (cutOff?.aborted) throw new TelegramUnreachable(method, "cut-off");
  if (init.signal?.aborted) throw new TelegramUnreachable(method, "aborted");
  const controller = new AbortController();
  let reason = "aborted";
  const abort = (why: string) => () => {
    reason = why;
    controller.abort();
  };
  const timer = setTimeout(abort("timeout"), timeoutMs);
  const onCutOff = abort("cut-off");
  const onCallerAbort = abort("aborted");
  cutOff?.addEventListener("abort", onCutOff);
  // grammY's own signal (its timeout, or the poller stopping a long poll).
  init.signal?.addEventListener("abort", onCallerAbort);
  try {
    return await send(url, { ...init, signal: controller.signal });
  } catch (error) {
    throw new TelegramUnreachable(method, controller.signal.aborted ? reason : systemCode(error));
  } finally {
    clearTimeout(timer);
    cutOff?.removeEventListener("abort", onCutOff);
    init.signal?.removeEventListener("abort", onCallerAbort);
  }
}

/** The pause before a retry, which ends the call once grammY or the cut-off aborts it. */
async function pauseUnlessStopped(
  sleep: Sleep,
  ms: number,
  method: string,
  callerSignal: AbortSignal | null | undefined,
  cutOff: AbortSignal | undefined,
): Promise<void> {
  const controller = new AbortController();
  const abort = () => controller.abort();
  callerSignal?.addEventListener("abort", abort);
  cutOff?.addEventListener("abort", abort);
  try {
    if (!callerSignal?.aborted && !cutOff?.aborted) await sleep(ms, controller.signal);
  } finally {
    callerSignal?.removeEventListener("abort", abort);
    cutOff?.removeEventListener("abort", abort);
  }
  if (cutOff?.aborted) throw new TelegramUnreachable(method, "cut-off");
  if (callerSignal?.aborted) throw new TelegramUnreachable(method, "aborted");
}

/** The code of a network error (undici puts it on the cause), never its message. */
function systemCode(error: unknown): string {
  const codeOf = (e: unknown) => (typeof e === "object" && e !== null && "code" in e && typeof e.code === "string" ? e.code : undefined);
  const cause = typeof error === "object" && error !== null && "cause" in error ? error.cause : undefined;
  return codeOf(cause) ?? codeOf(error) ?? "network error";
}

/**
 * A body that can be sent more than once. grammY sends JSON as a string and uploads as a
 * stream, which a retry could not read again; uploads here are small files (calendar entries,
 * a person's data), so they are read into memory once.
 */
async function replayable(body: FetchInit["body"]): Promise<FetchInit["body"]> {
  if (body === undefined || body === null || typeof body === "string" || body instanceof Uint8Array) return body;
  if (typeof (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] !== "function") return body;
  const chunks: Uint8Array[] = [];
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

/** The `timeout` of a getUpdates long poll, which its request must be allowed on top. */
function longPollSeconds(method: string, body: FetchInit["body"]): number {
  if (method !== "getUpdates" || typeof body !== "string") return 0;
  try {
    const timeout = (JSON.parse(body) as { timeout?: unknown }).timeout;
    return typeof timeout === "number" && timeout > 0 ? timeout : 0;
  } catch {
    return 0;
  }
}

async function retryAfterSeconds(response: Response): Promise<number> {
  try {
    const body = (await response.clone().json()) as { parameters?: { retry_after?: unknown } };
    const seconds = body.parameters?.retry_after;
    return typeof seconds === "number" && seconds >= 0 ? seconds : 1;
  } catch {
    return 1;
  }
}
