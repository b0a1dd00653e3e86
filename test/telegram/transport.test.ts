import { Readable } from "node:stream";
import { afterEach, describe, expect, it, vi } from "vitest";
import { REQUEST_TIMEOUT_MS, TelegramUnreachable, telegramTransport } from "../../src/telegram/transport.js";

const URL_OF = (method: string) => `http://127.0.0.1:1/bot123456:SECRET-token-value/${method}`;

/** What Telegram does with each attempt, in turn: a status (with retry_after for 429), a reset, or never answering. */
type Turn = { status: number; retryAfter?: number } | "reset" | "hang";

function fakeTelegram(turns: Turn[]) {
  const bodies: string[] = [];
  const fetch = vi.fn(async (_url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const sent = init?.body;
    bodies.push(Buffer.isBuffer(sent) ? sent.toString("utf8") : typeof sent === "string" ? sent : "");
    const turn = turns.shift() ?? { status: 200 };
    if (turn === "reset") throw new TypeError("fetch failed", { cause: Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }) });
    if (turn === "hang") {
      return new Promise((_, reject) => init?.signal?.addEventListener("abort", () => reject(new Error("aborted"))));
    }
    const ok = turn.status < 400;
    const body = ok
      ? { ok, result: true }
      : { ok, error_code: turn.status, description: "failed", ...(turn.retryAfter === undefined ? {} : { parameters: { retry_after: turn.retryAfter } }) };
    return new Response(JSON.stringify(body), { status: turn.status });
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls: fetch.mock.calls, bodies };
}

/** Pauses recorded instead of waited. */
function recordedSleep() {
  const pauses: number[] = [];
  return { pauses, sleep: async (ms: number) => void pauses.push(ms) };
}

const send = (transport: typeof fetch, method = "sendMessage", body: RequestInit["body"] = '{"chat_id":1,"text":"hi"}') =>
  transport(URL_OF(method), { method: "POST", body });

afterEach(() => {
  vi.useRealTimers();
});

describe("the Bot API transport", () => {
  it("waits out a 429's retry_after and retries a 5xx and a broken connection with a short backoff", async () => {
    const telegram = fakeTelegram([{ status: 429, retryAfter: 2 }, { status: 502 }, "reset", { status: 200 }]);
    const { pauses, sleep } = recordedSleep();
    const response = await send(telegramTransport({ fetch: telegram.fetch, sleep }));

    expect(response.status).toBe(200);
    expect(telegram.calls).toHaveLength(4);
    expect(pauses).toEqual([2000, 1000, 2500]);
    // The same request each time.
    expect(new Set(telegram.bodies)).toEqual(new Set(['{"chat_id":1,"text":"hi"}']));
  });

  it("gives up after four attempts, and at once on a 429 that asks to wait longer than a few seconds", async () => {
    const failing = fakeTelegram([{ status: 500 }, { status: 500 }, { status: 500 }, { status: 500 }, { status: 200 }]);
    const first = await send(telegramTransport({ fetch: failing.fetch, sleep: recordedSleep().sleep }));
    expect(first.status).toBe(500);
    expect(failing.calls).toHaveLength(4);

    const slowDown = fakeTelegram([{ status: 429, retryAfter: 30 }, { status: 200 }]);
    const second = await send(telegramTransport({ fetch: slowDown.fetch, sleep: recordedSleep().sleep }));
    expect(second.status).toBe(429);
    expect(await second.json()).toMatchObject({ error_code: 429, parameters: { retry_after: 30 } });
    expect(slowDown.calls).toHaveLength(1);
  });

  it("retries nothing when told not to (the outbox), and never a 4xx", async () => {
    const outbox = fakeTelegram([{ status: 502 }, { status: 200 }]);
    expect((await send(telegramTransport({ fetch: outbox.fetch, retry: false }))).status).toBe(502);
    const refused = fakeTelegram([{ status: 403 }, { status: 200 }]);
    expect((await send(telegramTransport({ fetch: refused.fetch }))).status).toBe(403);
    expect([outbox.calls.length, refused.calls.length]).toEqual([1, 1]);
  });

  it("gives an unanswered request up after its timeout, without repeating it, and names no URL", async () => {
    vi.useFakeTimers();
    const telegram = fakeTelegram(["hang", { status: 200 }]);
    const result = send(telegramTransport({ fetch: telegram.fetch })).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS);
    const error = await result;

    expect(error).toBeInstanceOf(TelegramUnreachable);
    expect(error).toMatchObject({ name: "TelegramUnreachable", method: "sendMessage", reason: "timeout" });
    expect(telegram.calls).toHaveLength(1);
    const told = `${(error as Error).message}\n${(error as Error).stack}\n${JSON.stringify(error)}`;
    expect(told).not.toContain("SECRET");
  });

  it("lets a long poll wait its own timeout on top", async () => {
    vi.useFakeTimers();
    const telegram = fakeTelegram(["hang"]);
    let settled = false;
    const result = send(telegramTransport({ fetch: telegram.fetch }), "getUpdates", '{"offset":1,"timeout":30}')
      .catch((e: unknown) => e)
      .finally(() => (settled = true));
    await vi.advanceTimersByTimeAsync(30_000 + REQUEST_TIMEOUT_MS - 1);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await result).toMatchObject({ reason: "timeout" });
  });

  it("cuts a request in flight and a pause before a retry short, but not a poll", async () => {
    const cutOff = new AbortController();
    const hanging = fakeTelegram(["hang"]);
    const inFlight = send(telegramTransport({ fetch: hanging.fetch, cutOff: cutOff.signal })).catch((e: unknown) => e);
    const pausing = fakeTelegram([{ status: 429, retryAfter: 5 }]);
    const paused = send(telegramTransport({ fetch: pausing.fetch, cutOff: cutOff.signal })).catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 20));
    cutOff.abort();

    expect(await inFlight).toMatchObject({ reason: "cut-off" });
    expect(await paused).toMatchObject({ reason: "cut-off" });
    await expect(send(telegramTransport({ fetch: fakeTelegram([]).fetch, cutOff: cutOff.signal }))).rejects.toMatchObject({ reason: "cut-off" });
    const poll = await send(telegramTransport({ fetch: fakeTelegram([]).fetch, cutOff: cutOff.signal }), "getUpdates", '{"offset":1}');
    expect(poll.status).toBe(200);
  });

  it("sends an upload again whole on a retry", async () => {
    const telegram = fakeTelegram([{ status: 502 }, { status: 200 }]);
    const upload = Readable.from([Buffer.from("--b\r\n"), Buffer.from("BEGIN:VCALENDAR\r\n--b--")]);
    const response = await send(telegramTransport({ fetch: telegram.fetch, sleep: recordedSleep().sleep }), "sendDocument", upload as never);

    expect(response.status).toBe(200);
    expect(telegram.bodies).toEqual(["--b\r\nBEGIN:VCALENDAR\r\n--b--", "--b\r\nBEGIN:VCALENDAR\r\n--b--"]);
  });
});
