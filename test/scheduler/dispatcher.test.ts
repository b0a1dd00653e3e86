import { hostname } from "node:os";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";
import { noticeRenderers } from "../../src/bot/notices.js";
import { loadConfig } from "../../src/config.js";
import { openDatabase, type Db } from "../../src/db/database.js";
import { enqueue, outboxCounts } from "../../src/db/outbox.js";
import type { OutboxRow } from "../../src/db/schema.js";
import { findUser, updateUser } from "../../src/db/users.js";
import { bookingNotices } from "../../src/domain/notices.js";
import { addDays, localDateOf, toInstant } from "../../src/domain/time.js";
import { MAX_SEND_ATTEMPTS, retryDelayMs } from "../../src/scheduler/backoff.js";
import { OutboxDispatcher, type DispatcherOptions, type SchedulerDeps } from "../../src/scheduler/dispatcher.js";
import { outboxApi } from "../../src/scheduler/index.js";
import { WINDOW_MARGIN_MS } from "../../src/scheduler/rate-limiter.js";
import { createLogger } from "../../src/logger.js";
import { startBotApiEmulator, type BotApiEmulator } from "../../src/emulator/bot-api-emulator.js";
import { TestClock } from "../support/clock.js";
import { insertBooking, insertCenter, insertOutboxRow, insertSpecialist } from "../support/fixtures.js";
import { createTestDb, TEST_TOKEN } from "../support/harness.js";
import { registerUser } from "../support/users.js";

const i18n = createI18n();
// 10:00 in Almaty: outside the quiet hours.
const MORNING = "2026-11-23T05:00:00Z";

let em: BotApiEmulator;
let store: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;
let clock: TestClock;
let deps: SchedulerDeps;

beforeEach(async () => {
  em = await startBotApiEmulator({ token: TEST_TOKEN });
  store = await createTestDb();
  db = store.db;
  clock = new TestClock(MORNING);
  const config = loadConfig({ BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: em.apiRoot, DATABASE_URL: store.url, LOG_LEVEL: "silent" });
  deps = { config, db, logger: createLogger("silent"), clock, api: outboxApi(config), i18n, renderers: noticeRenderers };
});
afterEach(async () => {
  await em.close();
  await store.cleanup();
});

/** A dispatcher whose waits move the test clock instead of passing real time. */
function dispatcher(options: DispatcherOptions = {}, overrides: Partial<SchedulerDeps> = {}): OutboxDispatcher {
  return new OutboxDispatcher({ ...deps, ...overrides }, { sleep: clock.sleep, ...options });
}

/** A registered person the emulator knows, so that the bot may write to them. */
async function person(id: number, language: "kk" | "ru" = "ru"): Promise<void> {
  await registerUser(db, id, { language });
  em.addUser({ id, first_name: `User ${id}` });
}

async function row(id: number): Promise<OutboxRow> {
  return db.selectFrom("outbox").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

function textsTo(chatId: number): string[] {
  return em.messagesTo(chatId).map((m) => m.text ?? "");
}

/** A confirmed booking tomorrow 14:00–14:50 Almaty with its reminders and feedback request, planned now. */
async function bookTomorrow(userId: number, opts: { specialistCenter?: string } = {}): Promise<number> {
  const centerId = opts.specialistCenter ?? "almaly-1";
  if (!(await db.selectFrom("centers").select("id").where("id", "=", centerId).executeTakeFirst())) {
    await insertCenter(db, { id: centerId, name_kk: "Алмалы жастар орталығы", name_ru: "Молодёжный центр Алмалы" });
  }
  const specialist = await insertSpecialist(db, { centerId, service: "psychologist" });
  const tomorrow = addDays(localDateOf(clock.now()), 1);
  const startsAt = toInstant(tomorrow, "14:00");
  const endsAt = toInstant(tomorrow, "14:50");
  const bookingId = await insertBooking(db, { specialist, userId, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() });
  for (const notice of bookingNotices({ id: bookingId, startsAt, endsAt }, deps.config.reminderOffsetsMinutes, clock.now())) {
    await enqueue(db, { ...notice, recipientId: userId, bookingId }, clock.now());
  }
  return bookingId;
}

async function outboxOf(bookingId: number, kind: string): Promise<OutboxRow[]> {
  return db.selectFrom("outbox").selectAll().where("booking_id", "=", bookingId).where("kind", "=", kind).orderBy("due_at").execute();
}

describe("the outbox dispatcher", () => {
  it("sends a booking reminder in each recipient's own language, rendered at send time", async () => {
    await person(101, "kk");
    await person(102, "ru");
    const kkBooking = await bookTomorrow(101);
    const ruBooking = await bookTomorrow(102);
    const [dayBefore] = await outboxOf(kkBooking, "booking_reminder");
    // Nothing is due yet.
    expect((await dispatcher().dispatchDue()).sent).toEqual([]);

    clock.set(dayBefore!.due_at);
    const report = await dispatcher().dispatchDue();
    expect(report.sent).toHaveLength(2);

    const when = (lang: "kk" | "ru") => i18n.t(lang, "reminders-when-tomorrow", { time: "14:00" });
    expect(textsTo(101)).toEqual([
      i18n.t("kk", "reminders-booking", { when: when("kk"), service: i18n.t("kk", "service-psychologist"), place: "Алмалы жастар орталығы" }),
    ]);
    expect(textsTo(102)).toEqual([
      i18n.t("ru", "reminders-booking", { when: when("ru"), service: i18n.t("ru", "service-psychologist"), place: "Молодёжный центр Алмалы" }),
    ]);
    const buttons = em.lastMessageTo(101)!.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] };
    expect(buttons.inline_keyboard.flat().map((b) => [b.text, b.callback_data])).toEqual([
      [i18n.t("kk", "reminders-button-coming"), `rem:coming:${kkBooking}`],
      [i18n.t("kk", "reminders-button-cancel"), `mybk:cancel:${kkBooking}`],
      [i18n.t("kk", "reminders-button-reschedule"), `mybk:reschedule:${kkBooking}`],
    ]);
    expect(await row(dayBefore!.id)).toMatchObject({ state: "sent", attempts: 1, last_error: null, claimed_by: null });
    expect(new Date((await row(dayBefore!.id)).sent_at!).getTime()).toBeGreaterThanOrEqual(new Date(dayBefore!.due_at).getTime());

    // Two hours before: "in 2 hours", with the Russian plural.
    const [, twoHours] = await outboxOf(ruBooking, "booking_reminder");
    clock.set(twoHours!.due_at);
    await dispatcher().dispatchDue();
    expect(textsTo(102).at(-1)).toContain("через 2 часа, в 14:00");
    expect(textsTo(101).at(-1)).toContain("2 сағаттан кейін, сағат 14:00");
  });

  it("sends HTML, showing a center's name as it is written", async () => {
    await person(103, "ru");
    await insertCenter(db, { id: "hub-1", name_kk: "Jastar <Hub> & Co", name_ru: "Центр «Jastar <Hub> & Co»" });
    const booking = await bookTomorrow(103, { specialistCenter: "hub-1" });
    const [dayBefore] = await outboxOf(booking, "booking_reminder");
    clock.set(dayBefore!.due_at);

    expect((await dispatcher().dispatchDue()).sent).toEqual([dayBefore!.id]);
    expect(em.callsOf("sendMessage").map((c) => c.params.parse_mode)).toEqual(["HTML"]);
    expect(textsTo(103)).toHaveLength(1);
    expect(textsTo(103)[0]).toContain("Центр «Jastar <Hub> & Co»");
  });

  it("sends a notice again without its chat button when Telegram refuses the button", async () => {
    em.addUser({ id: 151, first_name: "Staff" });
    const id = await insertOutboxRow(db, { kind: "staff_booking_new", recipientId: 151, dueAt: MORNING, urgent: true });
    const withButton = { inline_keyboard: [[{ text: "💬", url: "tg://user?id=501" }]] };
    const renderers = {
      staff_booking_new: async () => ({ text: "new booking", reply_markup: withButton, ifChatLinkRefused: { text: "new booking, no chat link" } }),
    };
    em.failNext("sendMessage", { error_code: 400, description: "Bad Request: BUTTON_USER_PRIVACY_RESTRICTED" });
    const report = await dispatcher({}, { renderers }).dispatchDue();
    expect(report.sent).toEqual([id]);
    expect(textsTo(151)).toEqual(["new booking, no chat link"]);
    expect(em.lastMessageTo(151)?.reply_markup).toBeUndefined();
    expect(await row(id)).toMatchObject({ state: "sent", attempts: 1 });

    // Any other refusal is retried as before, also for a notice that has a version without buttons.
    const other = await insertOutboxRow(db, { kind: "staff_booking_new", recipientId: 151, dueAt: MORNING, urgent: true });
    em.failNext("sendMessage", { error_code: 400, description: "Bad Request: message is too long" });
    expect((await dispatcher({}, { renderers }).dispatchDue()).retrying).toEqual([other]);
    expect(textsTo(151)).toEqual(["new booking, no chat link"]);
  });

  it("sends a notice that is a file as a document, with its caption in HTML", async () => {
    await person(152);
    const id = await insertOutboxRow(db, { kind: "booking_calendar_cancelled", recipientId: 152, dueAt: MORNING, urgent: true });
    const content = Buffer.from("BEGIN:VCALENDAR\r\nMETHOD:CANCEL\r\nEND:VCALENDAR\r\n", "utf8");
    const renderers = { booking_calendar_cancelled: async () => ({ document: { filename: "consultation.ics", content, caption: "<b>file</b>" } }) };

    expect((await dispatcher({}, { renderers }).dispatchDue()).sent).toEqual([id]);
    expect(em.callsOf("sendMessage")).toEqual([]);
    const [call] = em.callsOf("sendDocument");
    expect(call!.params).toMatchObject({ chat_id: 152, caption: "<b>file</b>", parse_mode: "HTML" });
    expect(call!.files.document!.filename).toBe("consultation.ics");
    expect(call!.files.document!.content.equals(content)).toBe(true);
    expect(await row(id)).toMatchObject({ state: "sent", attempts: 1 });
  });

  it("handles a refused document as a refused text: waits out a 429, withdraws everything on a 403", async () => {
    await person(153);
    await person(154);
    const renderers = {
      booking_calendar_cancelled: async () => ({ document: { filename: "consultation.ics", content: Buffer.from("ics"), caption: "file" } }),
    };
    const throttled = await insertOutboxRow(db, { kind: "booking_calendar_cancelled", recipientId: 153, dueAt: MORNING, urgent: true });
    em.failNext("sendDocument", { error_code: 429, parameters: { retry_after: 2 } });
    const start = clock.now().getTime();
    const report = await dispatcher({}, { renderers }).dispatchDue();
    expect(report.throttled).toEqual([throttled]);
    expect(report.sent).toEqual([throttled]);
    expect(em.callsOf("sendDocument").map((c) => c.error?.error_code ?? 200)).toEqual([429, 200]);
    expect(new Date((await row(throttled)).sent_at!).getTime() - start).toBeGreaterThanOrEqual(2000);
    expect(await row(throttled)).toMatchObject({ state: "sent", attempts: 1 });

    em.blockChat(154);
    const blocked = await insertOutboxRow(db, { kind: "booking_calendar_cancelled", recipientId: 154, dueAt: MORNING, urgent: true });
    const waiting = await insertOutboxRow(db, { kind: "practice_nudge", recipientId: 154, dueAt: "2026-11-24T05:00:00Z" });
    expect((await dispatcher({}, { renderers }).dispatchDue()).cancelled).toEqual([blocked]);
    expect(await row(blocked)).toMatchObject({ state: "cancelled", last_error: "403: Forbidden: bot was blocked by the user" });
    expect((await row(waiting)).state).toBe("cancelled");
    expect((await findUser(db, 154))?.blocked_at).toBe(clock.now().toISOString());
  });

  it("writes in Russian to someone it has no row for", async () => {
    em.addUser({ id: 150, first_name: "Staff" });
    const id = await insertOutboxRow(db, { kind: "staff_booking_new", recipientId: 150, dueAt: MORNING, urgent: true });
    const renderers = { staff_booking_new: async ({ t, language }: { t: (k: string) => string; language: string }) => ({ text: `${language}: ${t("nudge-text")}` }) };
    await dispatcher({}, { renderers }).dispatchDue();
    expect(textsTo(150)).toEqual([`ru: ${i18n.t("ru", "nudge-text")}`]);
    expect((await row(id)).state).toBe("sent");
  });

  it("drops what expired instead of sending it late, and cancels a reminder whose booking was cancelled", async () => {
    await person(103);
    const bookingId = await bookTomorrow(103);
    const [dayBefore, twoHours] = await outboxOf(bookingId, "booking_reminder");
    // The process was down past the consultation's start: both reminders are now too late.
    clock.set(toInstant(addDays(localDateOf(clock.now()), 1), "14:05"));
    const late = await dispatcher().dispatchDue();
    expect(late.expired.sort()).toEqual([dayBefore!.id, twoHours!.id].sort());
    expect((await row(dayBefore!.id)).state).toBe("expired");
    expect(em.callsOf("sendMessage")).toHaveLength(0);

    await person(104);
    const cancelled = await bookTomorrow(104);
    await db.updateTable("bookings").set({ status: "cancelled" }).where("id", "=", cancelled).execute();
    const [reminder] = await outboxOf(cancelled, "booking_reminder");
    clock.set(reminder!.due_at);
    const report = await dispatcher().dispatchDue();
    expect(report.cancelled).toEqual([reminder!.id]);
    expect(await row(reminder!.id)).toMatchObject({ state: "cancelled", last_error: "no longer relevant" });
    expect(textsTo(104)).toEqual([]);
  });

  it("fails a row of an unknown kind with a clear reason", async () => {
    await person(105);
    const id = await insertOutboxRow(db, { kind: "birthday_card", recipientId: 105, dueAt: MORNING });
    expect((await dispatcher().dispatchDue()).failed).toEqual([id]);
    expect(await row(id)).toMatchObject({ state: "failed", last_error: 'unknown kind "birthday_card"' });
    expect(em.callsOf("sendMessage")).toHaveLength(0);
  });

  it("respects 'notifications off' for everything but essential messages", async () => {
    await person(106);
    await updateUser(db, 106, { notifications: 0, practice_nudge_time: "12:00" }, clock.now());
    const nudge = await insertOutboxRow(db, { kind: "practice_nudge", recipientId: 106, dueAt: MORNING });
    const bookingId = await bookTomorrow(106);
    const [reminder] = await outboxOf(bookingId, "booking_reminder");
    clock.set(reminder!.due_at);

    const report = await dispatcher().dispatchDue();
    expect(report.cancelled).toEqual([nudge]);
    expect(await row(nudge)).toMatchObject({ state: "cancelled", last_error: "notifications off" });
    expect(report.sent).toEqual([reminder!.id]);
    expect(textsTo(106)).toHaveLength(1);
  });

  it("holds non-urgent messages through the quiet hours and sends them at 09:00", async () => {
    await person(107);
    await updateUser(db, 107, { practice_nudge_time: "21:00" }, clock.now());
    const bookingId = await bookTomorrow(107);
    const reminders = await outboxOf(bookingId, "booking_reminder");
    const offsetOf = (r: { payload: string }) => (JSON.parse(r.payload) as { offsetMinutes: number }).offsetMinutes;
    const dayBefore = reminders.find((r) => offsetOf(r) === 1440)!;
    const soon = reminders.find((r) => offsetOf(r) === 120)!;
    // 23:30 in Almaty, the night before the consultation.
    clock.set("2026-11-23T18:30:00Z");
    const nudge = await insertOutboxRow(db, { kind: "practice_nudge", recipientId: 107, dueAt: "2026-11-23T18:00:00Z", expiresAt: "2026-11-24T12:00:00Z" });
    await db.updateTable("outbox").set({ due_at: "2026-11-23T18:20:00.000Z" }).where("id", "in", [dayBefore.id, soon.id]).execute();

    const night = await dispatcher().dispatchDue();
    const morning = toInstant("2026-11-24", "09:00").toISOString();
    // The day-before reminder waits for the morning like the nudge; the one close to the start does not.
    expect([...night.postponed].sort()).toEqual([nudge, dayBefore.id].sort());
    expect(await row(nudge)).toMatchObject({ state: "pending", due_at: morning });
    expect(await row(dayBefore.id)).toMatchObject({ state: "pending", due_at: morning });
    expect(night.sent).toEqual([soon.id]);

    clock.set("2026-11-24T03:59:00Z");
    expect((await dispatcher().dispatchDue()).sent).toEqual([]);
    clock.set("2026-11-24T04:00:00Z");
    expect([...(await dispatcher().dispatchDue()).sent].sort()).toEqual([nudge, dayBefore.id].sort());
    // The nudge's line, then the phrase of the day.
    expect(textsTo(107).at(-1)?.startsWith(`${i18n.t("ru", "nudge-text")}\n\n`)).toBe(true);

    // A nudge that would only be sent after it expired is dropped at night instead.
    clock.set("2026-11-24T17:30:00Z");
    const stale = await insertOutboxRow(db, { kind: "practice_nudge", recipientId: 107, dueAt: "2026-11-24T16:00:00Z", expiresAt: "2026-11-24T18:00:00Z" });
    expect((await dispatcher().dispatchDue()).expired).toContain(stale);
    expect(await row(stale)).toMatchObject({ state: "expired", last_error: "would only arrive after its expiry" });
  });

  it("marks someone who blocked the bot inactive and cancels what waits for them, but for essential messages", async () => {
    await person(108);
    await person(109);
    em.blockChat(108);
    const now = await insertOutboxRow(db, { kind: "practice_nudge", recipientId: 108, dueAt: MORNING });
    const later = await insertOutboxRow(db, { kind: "practice_nudge", recipientId: 108, dueAt: "2026-11-24T05:00:00Z" });
    // A reminder of their own consultation waits: they may unblock the bot before it is due.
    const reminder = await insertOutboxRow(db, { kind: "booking_reminder", recipientId: 108, dueAt: "2026-11-25T05:00:00Z", essential: true });
    const other = await insertOutboxRow(db, { kind: "practice_nudge", recipientId: 109, dueAt: "2026-11-24T05:00:00Z" });
    await updateUser(db, 108, { practice_nudge_time: "12:00" }, clock.now());

    const report = await dispatcher().dispatchDue();
    expect(report.cancelled).toEqual([now]);
    expect((await row(now)).last_error).toMatch(/^403: Forbidden: bot was blocked by the user$/);
    expect(await row(later)).toMatchObject({ state: "cancelled" });
    expect((await row(reminder)).state).toBe("pending");
    expect((await row(other)).state).toBe("pending");
    expect((await findUser(db, 108))?.blocked_at).toBe(clock.now().toISOString());
    expect((await findUser(db, 109))?.blocked_at).toBeNull();
  });

  it("waits out a 429's retry_after, pausing every chat, then sends each message once", async () => {
    for (const id of [110, 111, 112]) {
      await person(id);
      await updateUser(db, id, { practice_nudge_time: "12:00" }, clock.now());
      await insertOutboxRow(db, { kind: "practice_nudge", recipientId: id, dueAt: MORNING });
    }
    em.failNext("sendMessage", { error_code: 429, parameters: { retry_after: 1 } });
    const start = clock.now().getTime();

    // One request at a time, so that every send after the first waits for its answer.
    const report = await dispatcher({ sendsInFlight: 1 }).dispatchDue();
    expect(report.throttled).toHaveLength(1);
    expect(report.sent).toHaveLength(3);
    const calls = em.callsOf("sendMessage");
    expect(calls.map((c) => c.error?.error_code ?? 200)).toEqual([429, 200, 200, 200]);
    for (const id of [110, 111, 112]) expect(textsTo(id)).toHaveLength(1);
    // Nothing went out before retry_after had passed on the dispatcher's clock.
    const sentAt = await db.selectFrom("outbox").select("sent_at").execute();
    for (const r of sentAt) expect(new Date(r.sent_at!).getTime() - start).toBeGreaterThanOrEqual(1000);
    // A 429 is not the message's failure.
    expect(await db.selectFrom("outbox").select("attempts").execute()).toEqual([{ attempts: 1 }, { attempts: 1 }, { attempts: 1 }]);
  });

  it("retries other failures with growing delays and gives up after the last attempt", async () => {
    await person(113);
    await updateUser(db, 113, { practice_nudge_time: "12:00" }, clock.now());
    const id = await insertOutboxRow(db, { kind: "practice_nudge", recipientId: 113, dueAt: MORNING });
    em.failNext("sendMessage", { error_code: 500 }, MAX_SEND_ATTEMPTS);

    for (let attempt = 1; attempt < MAX_SEND_ATTEMPTS; attempt++) {
      const report = await dispatcher().dispatchDue();
      expect(report.retrying).toEqual([id]);
      const r = await row(id);
      expect(r).toMatchObject({ state: "pending", attempts: attempt, last_error: "500: Internal Server Error" });
      expect(new Date(r.due_at).getTime() - clock.now().getTime()).toBe(retryDelayMs(attempt));
      // Not before its time.
      clock.set(new Date(new Date(r.due_at).getTime() - 1000));
      expect((await dispatcher().dispatchDue()).retrying).toEqual([]);
      clock.set(r.due_at);
    }
    expect((await dispatcher().dispatchDue()).failed).toEqual([id]);
    expect(await row(id)).toMatchObject({ state: "failed", attempts: MAX_SEND_ATTEMPTS, last_error: "500: Internal Server Error" });
    expect(em.callsOf("sendMessage")).toHaveLength(MAX_SEND_ATTEMPTS);
    expect((await outboxCounts(db)).failed).toBe(1);
  });

  it("keeps to one message a second per chat", async () => {
    await person(114);
    await updateUser(db, 114, { practice_nudge_time: "12:00" }, clock.now());
    for (let i = 0; i < 3; i++) await insertOutboxRow(db, { kind: "practice_nudge", recipientId: 114, dueAt: MORNING });
    await dispatcher().dispatchDue();
    const times = (await db.selectFrom("outbox").select("sent_at").orderBy("sent_at").execute()).map((r) => new Date(r.sent_at!).getTime());
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(1000);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(1000);
  });

  it("keeps several sends in flight, within 30 a second, and close to it", async () => {
    const recipients = Array.from({ length: 90 }, (_, i) => 1000 + i);
    for (const id of recipients) {
      await person(id);
      await updateUser(db, id, { practice_nudge_time: "12:00" }, clock.now());
      await insertOutboxRow(db, { kind: "practice_nudge", recipientId: id, dueAt: MORNING });
    }
    const sentAt: number[] = [];
    let inFlight = 0;
    let mostInFlight = 0;
    const api = outboxApi(deps.config);
    api.config.use(async (prev, method, payload, signal) => {
      if (method !== "sendMessage") return prev(method, payload, signal);
      sentAt.push(clock.now().getTime());
      mostInFlight = Math.max(mostInFlight, ++inFlight);
      try {
        return await prev(method, payload, signal);
      } finally {
        inFlight--;
      }
    });
    const start = clock.now().getTime();
    const report = await dispatcher({}, { api }).dispatchDue();
    expect(report.sent).toHaveLength(90);
    expect(mostInFlight).toBeGreaterThan(1);
    // Never more than 30 within a second (counted a margin longer, as Telegram may see them later).
    for (const t of sentAt) expect(sentAt.filter((u) => u >= t && u < t + 1000 + WINDOW_MARGIN_MS).length).toBeLessThanOrEqual(30);
    // 90 messages in a little over three seconds: near the limit, though this clock runs on while
    // answers are on their way, and a send counts from its answer (the benchmark times the real pace).
    expect((clock.now().getTime() - start) / 1000).toBeLessThan(90 / (0.9 * 30));
  });

  it("keeps to the configured pace when OUTBOX_SENDS_PER_SECOND is set below Telegram's limit", async () => {
    const recipients = Array.from({ length: 12 }, (_, i) => 1100 + i);
    for (const id of recipients) {
      await person(id);
      await updateUser(db, id, { practice_nudge_time: "12:00" }, clock.now());
      await insertOutboxRow(db, { kind: "practice_nudge", recipientId: id, dueAt: MORNING });
    }
    const config = loadConfig({ BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: em.apiRoot, DATABASE_URL: store.url, LOG_LEVEL: "silent", OUTBOX_SENDS_PER_SECOND: "4" });
    const sentAt: number[] = [];
    const api = outboxApi(config);
    api.config.use(async (prev, method, payload, signal) => {
      if (method === "sendMessage") sentAt.push(clock.now().getTime());
      return prev(method, payload, signal);
    });
    const start = clock.now().getTime();
    const report = await dispatcher({}, { config, api }).dispatchDue();
    expect(report.sent).toHaveLength(12);
    for (const t of sentAt) expect(sentAt.filter((u) => u >= t && u < t + 1000).length).toBeLessThanOrEqual(4);
    // Twelve at four a second: the last goes out in the third second.
    expect(clock.now().getTime() - start).toBeGreaterThanOrEqual(2000);
  });

  it("reads the recipients of a batch at once, not one by one, and their messages without reading them again", async () => {
    const statements: string[] = [];
    const logged = openDatabase(store.config, { log: (e) => void statements.push(e.query.sql) });
    try {
      for (const id of [150, 151, 152, 153]) {
        await person(id);
        await updateUser(db, id, { practice_nudge_time: "12:00" }, clock.now());
        await insertOutboxRow(db, { kind: "practice_nudge", recipientId: id, dueAt: MORNING });
      }
      const report = await dispatcher({}, { db: logged }).dispatchDue();
      expect(report.sent).toHaveLength(4);
      // PostgreSQL numbers its parameters ($1, $2 …) where SQLite writes "?".
      const read = statements.filter((s) => /from "users"/.test(s)).map((s) => s.replace(/\$\d+/g, "?"));
      expect(read).toEqual(['select * from "users" where "id" in (?, ?, ?, ?)']);
    } finally {
      await logged.destroy();
    }
  });

  it("takes over rows of a worker whose lease ran out, but not of a live one", async () => {
    await person(115);
    await person(116);
    for (const id of [115, 116]) await updateUser(db, id, { practice_nudge_time: "12:00" }, clock.now());
    const dead = await insertOutboxRow(db, {
      kind: "practice_nudge", recipientId: 115, dueAt: MORNING, state: "sending", claimedBy: "crashed", claimedAt: "2026-11-23T04:57:00Z",
    });
    const live = await insertOutboxRow(db, {
      kind: "practice_nudge", recipientId: 116, dueAt: MORNING, state: "sending", claimedBy: "busy", claimedAt: "2026-11-23T04:59:30Z",
    });
    const report = await dispatcher().dispatchDue();
    expect(report.sent).toEqual([dead]);
    expect(await row(live)).toMatchObject({ state: "sending", claimed_by: "busy" });
    expect(textsTo(116)).toEqual([]);
  });

  it("takes back at once, within the lease, the rows of a process of this machine that is gone, and only those", async () => {
    const host = hostname();
    const DEAD_PID = 4_000_001;
    const LIVE_PID = 4_000_002;
    // Another dispatcher of this very process, alive.
    const sibling = dispatcher();
    const claimers = {
      dead: `${host}:${DEAD_PID}:0badcafe`,
      // This process's pid with a nonce none of its workers has: the process before a restart.
      restarted: `${host}:${process.pid}:0badcafe`,
      live: `${host}:${LIVE_PID}:1234abcd`,
      sibling: sibling.workerId,
      otherMachine: `elsewhere:${DEAD_PID}:0badcafe`,
      unknownForm: "worker-7",
    };
    const ids: Record<string, number> = {};
    for (const [i, [name, claimedBy]] of Object.entries(claimers).entries()) {
      await person(130 + i);
      await updateUser(db, 130 + i, { practice_nudge_time: "12:00" }, clock.now());
      // Claimed a moment ago: far inside the lease.
      ids[name] = await insertOutboxRow(db, {
        kind: "practice_nudge", recipientId: 130 + i, dueAt: MORNING, state: "sending", claimedBy, claimedAt: "2026-11-23T04:59:59Z",
      });
    }
    const report = await dispatcher({ processExists: (pid) => pid !== DEAD_PID }).dispatchDue();
    expect(report.sent.sort()).toEqual([ids.dead, ids.restarted].sort());
    for (const name of ["live", "sibling", "otherMachine", "unknownForm"]) {
      expect(await row(ids[name]!), name).toMatchObject({ state: "sending", claimed_by: claimers[name as keyof typeof claimers] });
    }
  });

  it("does not send a row whose claim another worker took over meanwhile", async () => {
    await person(117);
    await updateUser(db, 117, { practice_nudge_time: "12:00" }, clock.now());
    const id = await insertOutboxRow(db, { kind: "practice_nudge", recipientId: 117, dueAt: MORNING });
    const takeover = {
      practice_nudge: async (input: Parameters<NonNullable<(typeof noticeRenderers)["practice_nudge"]>>[0]) => {
        await db.updateTable("outbox").set({ claimed_by: "other" }).where("id", "=", input.row.id).execute();
        return noticeRenderers.practice_nudge!(input);
      },
    };
    expect((await dispatcher({}, { renderers: takeover }).dispatchDue()).lost).toEqual([id]);
    expect(em.callsOf("sendMessage")).toHaveLength(0);
    expect(await row(id)).toMatchObject({ state: "sending", claimed_by: "other" });
  });

  it("when stopped, finishes the message in flight and hands the rest back", async () => {
    await person(118);
    await updateUser(db, 118, { practice_nudge_time: "12:00" }, clock.now());
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) ids.push(await insertOutboxRow(db, { kind: "practice_nudge", recipientId: 118, dueAt: MORNING }));
    // The second message to the same chat has to wait a second; the stop arrives during that wait.
    const d: OutboxDispatcher = dispatcher({
      sleep: async (ms) => {
        d.stop();
        clock.advance(ms);
      },
    });
    const report = await d.dispatchDue();
    expect(report.sent).toEqual([ids[0]]);
    expect(report.released.sort()).toEqual([ids[1], ids[2]].sort());
    for (const id of [ids[1]!, ids[2]!]) expect(await row(id)).toMatchObject({ state: "pending", claimed_by: null });
    expect(textsTo(118)).toHaveLength(1);
  });

  it("two dispatchers racing over the same rows claim disjoint sets and send each message once", async () => {
    const users = Array.from({ length: 24 }, (_, i) => 200 + i);
    for (const id of users) {
      await person(id);
      await updateUser(db, id, { practice_nudge_time: "12:00" }, clock.now());
      await insertOutboxRow(db, { kind: "practice_nudge", recipientId: id, dueAt: MORNING });
    }
    // A second process: its own connection to the same database file.
    const otherDb = openDatabase(store.config);
    try {
      const a = dispatcher({ workerId: "a", batchSize: 3 });
      const b = dispatcher({ workerId: "b", batchSize: 3 }, { db: otherDb });
      const [ra, rb] = await Promise.all([a.dispatchDue(), b.dispatchDue()]);
      expect(ra.sent.length).toBeGreaterThan(0);
      expect(rb.sent.length).toBeGreaterThan(0);
      expect(ra.sent.filter((id) => rb.sent.includes(id))).toEqual([]);
      expect(ra.sent.length + rb.sent.length).toBe(users.length);
      for (const id of users) expect(textsTo(id), `chat ${id}`).toHaveLength(1);
      expect((await outboxCounts(db)).sent).toBe(users.length);
    } finally {
      await otherDb.destroy();
    }
  });
});
