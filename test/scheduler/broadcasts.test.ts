import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderProgress } from "../../src/bot/features/broadcasts/progress.js";
import { createI18n } from "../../src/bot/i18n.js";
import { noticeRenderers } from "../../src/bot/notices.js";
import { loadConfig } from "../../src/config.js";
import { changeBroadcast, createBroadcast, recordProgressMessage, type BroadcastDraft } from "../../src/db/broadcasts.js";
import type { Db } from "../../src/db/database.js";
import type { Broadcast } from "../../src/db/schema.js";
import { updateUser } from "../../src/db/users.js";
import type { Language } from "../../src/domain/language.js";
import { startBotApiEmulator, type BotApiEmulator } from "../../src/emulator/bot-api-emulator.js";
import { createLogger } from "../../src/logger.js";
import { advanceBroadcasts, BROADCAST_WINDOW, PROGRESS_EDIT_INTERVAL_MS } from "../../src/scheduler/broadcasts.js";
import { OutboxDispatcher, type SchedulerDeps } from "../../src/scheduler/dispatcher.js";
import { outboxApi } from "../../src/scheduler/index.js";
import { TestClock } from "../support/clock.js";
import { createTestDb, TEST_TOKEN, type TestDb } from "../support/harness.js";
import { registerUser } from "../support/users.js";

const i18n = createI18n();
// 10:00 in Almaty: outside the quiet hours.
const MORNING = "2026-12-02T05:00:00Z";
const ADMIN = 900;

let em: BotApiEmulator;
let store: TestDb;
let db: Db;
let clock: TestClock;
let deps: SchedulerDeps;
let dispatcher: OutboxDispatcher;

beforeEach(async () => {
  em = await startBotApiEmulator({ token: TEST_TOKEN });
  store = await createTestDb();
  db = store.db;
  clock = new TestClock(MORNING);
  const config = loadConfig({ BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: em.apiRoot, DATABASE_URL: `sqlite:${store.path}`, LOG_LEVEL: "silent" });
  deps = { config, db, logger: createLogger("silent"), clock, api: outboxApi(config), i18n, renderers: noticeRenderers, broadcastProgress: renderProgress };
  // Waits move the test clock instead of passing real time.
  dispatcher = new OutboxDispatcher(deps, { sleep: async (ms) => clock.advance(ms) });
  em.addUser({ id: ADMIN, first_name: "Admin" });
});
afterEach(async () => {
  await em.close();
  await store.cleanup();
});

/** People 1..count, Kazakh for odd ids and Russian for even ones, whom the bot may write to. */
async function people(count: number): Promise<number[]> {
  const ids = Array.from({ length: count }, (_, i) => i + 1);
  for (const id of ids) {
    await registerUser(db, id, { language: languageOf(id) });
    em.addUser({ id, first_name: `Person ${id}` });
  }
  return ids;
}

function languageOf(id: number): Language {
  return id % 2 ? "kk" : "ru";
}

const DRAFT: BroadcastDraft = { segment: { kind: "everyone" }, textKk: "Сәлем, жастар!", textRu: "Привет, молодёжь!", photoFileId: null, button: null };

/** A confirmed broadcast to everyone, with its progress message in the administrator's chat. */
async function confirmed(draft: BroadcastDraft = DRAFT): Promise<Broadcast> {
  const broadcast = await createBroadcast(db, { id: ADMIN, language: "ru", centerId: null }, draft, clock.now());
  const progress = renderProgress({ broadcast, remaining: broadcast.total, t: (k, v) => i18n.t("ru", k, v), now: clock.now() });
  const message = await deps.api.sendMessage(ADMIN, progress.text, { reply_markup: progress.reply_markup });
  await recordProgressMessage(db, broadcast.id, { chatId: ADMIN, messageId: message.message_id, text: progress.text }, clock.now());
  return broadcast;
}

/** What the scheduler does in one run: a window queued, sent, and the next, until none is queued. */
async function run(): Promise<void> {
  await dispatcher.dispatchDue();
  while ((await advanceBroadcasts(deps)) > 0) await dispatcher.dispatchDue();
}

async function current(id: number): Promise<Broadcast> {
  return db.selectFrom("broadcasts").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

function received(id: number): string[] {
  return em.messagesTo(id).map((m) => m.text ?? m.caption ?? "");
}

async function waitingInOutbox(): Promise<number> {
  const row = await db.selectFrom("outbox").select((eb) => eb.fn.countAll<number>().as("n")).where("kind", "=", "broadcast").where("state", "=", "pending").executeTakeFirstOrThrow();
  return Number(row.n);
}

function progressText(): string {
  return em.messagesTo(ADMIN)[0]!.text!;
}

describe("a broadcast through the outbox", () => {
  it("sends each recipient the message once in their language, counts who blocked the bot, and edits the progress message", async () => {
    const ids = await people(10);
    const photo = em.sendPhoto({ id: ADMIN, first_name: "Admin" }).message!.photo!.at(-1)!.file_id;
    const broadcast = await confirmed({ ...DRAFT, photoFileId: photo, button: { kind: "event", url: "https://t.me/jastar_bot?start=event_7" } });
    expect(broadcast.total).toBe(10);
    // One blocked the bot in Telegram; another is known to have blocked it since the confirmation.
    em.blockChat(3);
    await updateUser(db, 4, { blocked_at: clock.now().toISOString() }, clock.now());

    await run();

    for (const id of ids.filter((id) => id !== 3 && id !== 4)) {
      const messages = em.messagesTo(id);
      expect(messages, `person ${id}`).toHaveLength(1);
      expect(messages[0]!.caption).toBe(languageOf(id) === "kk" ? DRAFT.textKk : DRAFT.textRu);
      expect(messages[0]!.photo?.length).toBeGreaterThan(0);
      const button = (messages[0]!.reply_markup as { inline_keyboard: { text: string; url: string }[][] }).inline_keyboard.flat();
      expect(button).toEqual([{ text: i18n.t(languageOf(id), "broadcast-open-event"), url: "https://t.me/jastar_bot?start=event_7" }]);
    }
    expect(received(3)).toEqual([]);
    expect(received(4)).toEqual([]);
    // Person 4 got no request at all; person 3's was refused.
    expect(em.callsOf("sendPhoto").filter((c) => Number(c.params.chat_id) === 4)).toEqual([]);

    const after = await current(broadcast.id);
    expect(after).toMatchObject({ state: "done", sent: 8, blocked: 2, failed: 0 });
    expect(after.settled_at).not.toBeNull();
    const outcomes = await db.selectFrom("broadcast_recipients").select(["user_id", "outcome"]).orderBy("user_id").execute();
    expect(outcomes.map((r) => r.outcome)).toEqual(["sent", "sent", "blocked", "blocked", "sent", "sent", "sent", "sent", "sent", "sent"]);
    // The progress message says so, without buttons now that nothing can change.
    const expected = renderProgress({ broadcast: after, remaining: 0, t: (k, v) => i18n.t("ru", k, v), now: clock.now() });
    expect(progressText()).toBe(expected.text.replace(/<\/?b>/g, ""));
    expect(progressText()).toContain(i18n.t("ru", "broadcast-state-done"));
    expect(em.messagesTo(ADMIN)[0]!.reply_markup).toBeUndefined();

    // A later run sends nothing more and leaves the message alone.
    const calls = em.calls.length;
    clock.advance(60_000);
    await run();
    expect(em.calls.length).toBe(calls);
  });

  it("keeps at most a window of its messages in the outbox at a time", async () => {
    await people(BROADCAST_WINDOW + 40);
    await confirmed();
    expect(await advanceBroadcasts(deps)).toBe(BROADCAST_WINDOW);
    expect(await waitingInOutbox()).toBe(BROADCAST_WINDOW);
    // Full: nothing more until some are sent.
    expect(await advanceBroadcasts(deps)).toBe(0);
    await run();
    expect(await waitingInOutbox()).toBe(0);
    expect(em.callsOf("sendMessage").filter((c) => Number(c.params.chat_id) !== ADMIN)).toHaveLength(BROADCAST_WINDOW + 40);
  });

  it("pauses at once, takes its waiting messages back, and on resuming sends each recipient's message once", async () => {
    const ids = await people(BROADCAST_WINDOW + 50);
    const broadcast = await confirmed();
    await advanceBroadcasts(deps);
    // A few go out before the pause.
    const early = await dispatcherSending(5);

    expect((await changeBroadcast(db, broadcast.id, "pause", ADMIN, clock.now())).kind).toBe("changed");
    expect(await waitingInOutbox()).toBe(0);
    // Only those already sent still have an outbox row; the rest are to send again.
    const withMessage = await db
      .selectFrom("broadcast_recipients as r")
      .innerJoin("outbox as o", "o.id", "r.outbox_id")
      .select("o.state")
      .execute();
    expect(withMessage.map((r) => r.state)).toEqual(Array(early).fill("sent"));

    clock.advance(PROGRESS_EDIT_INTERVAL_MS);
    await run();
    expect(sentToPeople()).toBe(early);
    const paused = await current(broadcast.id);
    expect(paused).toMatchObject({ state: "paused", sent: early });
    expect(progressText()).toContain(i18n.t("ru", "broadcast-state-paused"));
    // Pausing twice changes nothing.
    expect((await changeBroadcast(db, broadcast.id, "pause", ADMIN, clock.now())).kind).toBe("unchanged");

    expect((await changeBroadcast(db, broadcast.id, "resume", ADMIN, clock.now())).kind).toBe("changed");
    await run();
    for (const id of ids) expect(received(id), `person ${id}`).toEqual([languageOf(id) === "kk" ? DRAFT.textKk : DRAFT.textRu]);
    expect(await current(broadcast.id)).toMatchObject({ state: "done", sent: ids.length });
    const audit = await db.selectFrom("audit_log").select(["action", "actor_id", "subject"]).orderBy("id").execute();
    expect(audit).toEqual(
      ["broadcast.send", "broadcast.pause", "broadcast.resume"].map((action) => ({ action, actor_id: ADMIN, subject: `broadcast:${broadcast.id}` })),
    );
  });

  it("stops for good when cancelled: the rest never get it", async () => {
    await people(BROADCAST_WINDOW + 10);
    const broadcast = await confirmed();
    await advanceBroadcasts(deps);
    const early = await dispatcherSending(3);
    await changeBroadcast(db, broadcast.id, "cancel", ADMIN, clock.now());
    // Neither resumed nor paused any more.
    expect((await changeBroadcast(db, broadcast.id, "resume", ADMIN, clock.now())).kind).toBe("unchanged");
    await run();
    expect(sentToPeople()).toBe(early);
    const after = await current(broadcast.id);
    expect(after).toMatchObject({ state: "cancelled", sent: early });
    expect(after.settled_at).not.toBeNull();
    expect(progressText()).toContain(i18n.t("ru", "broadcast-state-cancelled"));
  });

  it("waits for the morning in the quiet hours, and says how long it will take", async () => {
    // 23:00 in Almaty.
    clock.set("2026-12-02T18:00:00Z");
    await people(4);
    const broadcast = await confirmed();
    clock.advance(PROGRESS_EDIT_INTERVAL_MS);
    await run();
    expect(sentToPeople()).toBe(0);
    expect(await current(broadcast.id)).toMatchObject({ state: "sending", sent: 0 });
    // Ten hours to 09:00, and a moment to send.
    expect(progressText()).toContain(i18n.t("ru", "broadcast-progress-eta", { minutes: 10 * 60 }));

    clock.set("2026-12-03T04:00:00Z");
    await run();
    expect(sentToPeople()).toBe(4);
  });

  it("edits the progress message at most once every few seconds while it sends", async () => {
    await people(10);
    await confirmed();
    await advanceBroadcasts(deps);
    await dispatcherSending(3);
    const edits = () => em.callsOf("editMessageText").length;
    // Three sent meanwhile, but the progress message was sent a moment ago.
    await advanceBroadcasts(deps);
    expect(edits()).toBe(0);
    clock.advance(PROGRESS_EDIT_INTERVAL_MS);
    await advanceBroadcasts(deps);
    expect(edits()).toBe(1);
    expect(progressText()).toContain(`${i18n.t("ru", "broadcast-state-sending")}`);
    expect(progressText()).toMatch(/: 3\n/);
    await advanceBroadcasts(deps);
    expect(edits()).toBe(1);
  });
});

function sentToPeople(): number {
  return em.callsOf("sendMessage").filter((c) => Number(c.params.chat_id) !== ADMIN).length;
}

/** Lets the dispatcher send `count` messages of the queue, then stops it; returns how many went. */
async function dispatcherSending(count: number): Promise<number> {
  const few = new OutboxDispatcher(deps, { sleep: async (ms) => clock.advance(ms), batchSize: count, sendsInFlight: 1 });
  const stopAfter = em.onChange(() => {
    if (sentToPeople() >= count) few.stop();
  });
  await few.dispatchDue();
  stopAfter();
  return sentToPeople();
}
