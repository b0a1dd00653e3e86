import type { Clock } from "../src/clock.js";
import { createI18n } from "../src/bot/i18n.js";
import { noticeRenderers } from "../src/bot/notices.js";
import type { Config } from "../src/config.js";
import type { Db } from "../src/db/database.js";
import { startBotApiEmulator } from "../src/emulator/bot-api-emulator.js";
import type { Logger } from "../src/logger.js";
import { OutboxDispatcher, outboxApi } from "../src/scheduler/index.js";
import { SendRateLimiter, TELEGRAM_SEND_LIMITS } from "../src/scheduler/rate-limiter.js";
import { fillWithHistory } from "../test/support/volume.js";
import { InProcessTelegram } from "./telegram.js";

/** What one dispatch of the whole outbox measured. */
export interface OutboxFigures {
  messages: number;
  msgs_per_s: number;
  /** Messages Telegram got more than once. */
  duplicates: number;
  /** Messages due that Telegram never got, or got without their row being recorded sent. */
  lost: number;
  /** Sends Telegram refused with 429. */
  throttled: number;
}

/** Noon in Almaty: outside the quiet hours, in which the outbox holds what is not urgent. */
const ALMATY_NOON = Date.parse("2026-12-02T07:00:00Z");

/** A clock that starts at Almaty's noon and runs as fast as the real one. */
function noonClock(): Clock {
  const offset = ALMATY_NOON - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}

/**
 * `messages` people, each with a practice nudge due now (a message rendered from the database,
 * like every outbox message); ids from `firstId` on.
 */
async function fillDueNudges(db: Db, messages: number, firstId: number, now: Date): Promise<void> {
  await fillWithHistory(db, { people: messages, bookings: 0, outbox: 0, idleFlows: 0, firstPersonId: firstId, nudgeEveryone: true }, now);
  const at = new Date(now.getTime() - 60_000).toISOString();
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < messages; i += 400) {
      const rows = Array.from({ length: Math.min(400, messages - i) }, (_, j) => ({
        kind: "practice_nudge",
        recipient_id: firstId + i + j,
        payload: JSON.stringify({ date: "2026-12-02" }),
        due_at: at,
        expires_at: null,
        booking_id: null,
        dedupe_key: `bench-nudge:${firstId + i + j}`,
        created_at: at,
      }));
      await trx.insertInto("outbox").values(rows).execute();
    }
  });
}

/** How the rows of a run ended up, against what Telegram got. */
async function tally(db: Db, firstId: number, messages: number, delivered: Map<number, number>) {
  const sentRows = await db
    .selectFrom("outbox")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("dedupe_key", "like", "bench-nudge:%")
    .where("recipient_id", ">=", firstId)
    .where("recipient_id", "<", firstId + messages)
    .where("state", "=", "sent")
    .executeTakeFirstOrThrow();
  let duplicates = 0;
  let got = 0;
  for (const [chat, times] of delivered) {
    if (chat < firstId || chat >= firstId + messages) continue;
    got++;
    duplicates += times - 1;
  }
  return { duplicates, lost: messages - Math.min(got, Number(sentRows.n)) };
}

/**
 * Dispatches `messages` due nudges through the production dispatcher and client, against the
 * Bot API emulator holding Telegram's 30 messages a second with 429 and `retry_after`.
 */
export async function dispatchThrottled(deps: { config: Config; db: Db; logger: Logger }, messages: number, firstId: number): Promise<OutboxFigures> {
  const clock = noonClock();
  await fillDueNudges(deps.db, messages, firstId, clock.now());
  const emulator = await startBotApiEmulator({ token: deps.config.botToken, sendsPerSecond: TELEGRAM_SEND_LIMITS.perSecond });
  try {
    for (let i = 0; i < messages; i++) emulator.addUser({ id: firstId + i, first_name: "Айгерим" });
    const api = outboxApi({ ...deps.config, apiRoot: emulator.apiRoot });
    const dispatcher = new OutboxDispatcher({ ...deps, clock, api, i18n: createI18n(), renderers: noticeRenderers });
    const start = performance.now();
    await dispatcher.dispatchDue();
    const seconds = (performance.now() - start) / 1000;
    const sends = emulator.callsOf("sendMessage");
    const delivered = new Map<number, number>();
    for (const call of sends.filter((c) => c.error === undefined)) delivered.set(Number(call.params.chat_id), (delivered.get(Number(call.params.chat_id)) ?? 0) + 1);
    return { messages, msgs_per_s: messages / seconds, ...(await tally(deps.db, firstId, messages, delivered)), throttled: sends.filter((c) => c.error?.error_code === 429).length };
  } finally {
    await emulator.close();
  }
}

/** The dispatcher's own capacity: no limit of its own, and Telegram answering inside the process. */
export async function dispatchUnthrottled(deps: { config: Config; db: Db; logger: Logger }, messages: number, firstId: number): Promise<OutboxFigures> {
  const clock = noonClock();
  await fillDueNudges(deps.db, messages, firstId, clock.now());
  const telegram = new InProcessTelegram();
  const delivered = new Map<number, number>();
  const counting: typeof fetch = async (url, init) => {
    const method = String(url instanceof Request ? url.url : url).split("/").pop();
    if (method === "sendMessage" && typeof init?.body === "string") {
      const chat = Number((JSON.parse(init.body) as { chat_id: number }).chat_id);
      delivered.set(chat, (delivered.get(chat) ?? 0) + 1);
    }
    return telegram.fetch(url, init);
  };
  const api = outboxApi(deps.config, undefined, counting);
  const limiter = new SendRateLimiter({ perSecond: Number.POSITIVE_INFINITY, perChatIntervalMs: 0 });
  const dispatcher = new OutboxDispatcher({ ...deps, clock, api, i18n: createI18n(), renderers: noticeRenderers }, { limiter });
  const start = performance.now();
  await dispatcher.dispatchDue();
  const seconds = (performance.now() - start) / 1000;
  return { messages, msgs_per_s: messages / seconds, ...(await tally(deps.db, firstId, messages, delivered)), throttled: 0 };
}
