import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";
import type { Booking, OutboxRow } from "../../src/db/schema.js";
import { localDateOf } from "../../src/domain/time.js";
import { buttonsOf, htmlToPlainText, type RecordedCall, type SentMessage, type EmulatedUser as TestUser } from "../../src/emulator/bot-api-emulator.js";
import { TEST_TOKEN } from "../support/harness.js";
import { registerUser } from "../support/users.js";
import { botEnv, endToEndSetupEachTest, readDb, runBotCommand, startBot, type BotProcess } from "./bot-process.js";
import { QUIET_MS, textOf, WAIT_MS } from "./dialogue.js";

const i18n = createI18n();
const html = (key: string, vars?: Record<string, string | number>) => i18n.t("ru", key, vars);
/** The first line of a locale text as the person reads it: enough to tell one message from another. */
const opening = (key: string) => htmlToPlainText(html(key, { details: "" })).split("\n")[0]!;

/** What a locale text begins with, up to the first of its variables `names`: "⏰ Напоминание: " of a reminder. */
const lead = (key: string, names: string[]) => htmlToPlainText(html(key, Object.fromEntries(names.map((n) => [n, "¤"])))).split("¤")[0]!;

/** Long enough that the answer comes only after the kill. */
const HELD_ANSWER_MS = 60_000;

const e2e = endToEndSetupEachTest("jastar-e2e-crash-");
const person: TestUser = { id: 730001, first_name: "Алия", language_code: "ru" };
/** One reminder, two hours before: planned for any time offered, whatever the hour of the test. */
const env = () => botEnv(e2e, { LOG_LEVEL: "warn", REMINDER_OFFSETS_MINUTES: "120" });

/** The catalog with its demo specialists (hours from today on), and a person signed up in Almaly. */
async function prepareDatabase(): Promise<void> {
  const seed = await runBotCommand(["seed", "--demo"], botEnv(e2e, { BOT_TOKEN: TEST_TOKEN, LOG_LEVEL: "warn" }));
  expect(seed.code, `${seed.stdout}${seed.stderr}`).toBe(0);
  await registerUser(e2e.db, person.id, { language: "ru", district: "almaly", now: new Date() });
}

const bookings = () => readDb(e2e, sql<Booking>`select * from bookings where user_id = ${person.id} order by id`);
const outboxOf = (bookingId: number) => readDb(e2e, sql<OutboxRow>`select * from outbox where booking_id = ${bookingId} order by id`);

/** What the person was shown since `mark`, each message by its first line ("file" for a document). */
function shownSince(mark: number): string[] {
  return e2e.em.shownSince(person.id, mark).map((m) => (m.document ? "file" : textOf(m).split("\n")[0]!));
}

/** The step's answers on the person's last message: the values of its `<prefix>:` buttons. */
function choices(prefix: string): string[] {
  const last = e2e.em.messagesTo(person.id).filter((m) => !m.deleted).at(-1);
  return buttonsOf(last ?? {})
    .map((b) => b.callback_data ?? "")
    .filter((data) => data.startsWith(`${prefix}:`) && ![`${prefix}:back`, `${prefix}:cancel`].includes(data))
    .map((data) => data.slice(prefix.length + 1));
}

/** Presses a button and waits until the bot has answered and gone quiet; returns the last message shown. */
async function press(data: string): Promise<SentMessage | undefined> {
  const mark = e2e.em.calls.length;
  e2e.em.pressButton(person, data);
  await e2e.em.waitForMessageTo(person.id, undefined, WAIT_MS);
  await e2e.em.waitUntilIdle(QUIET_MS, WAIT_MS);
  return e2e.em.shownSince(person.id, mark).at(-1);
}

/** From the main menu to the day step of a career consultation in the profile's district. */
async function toDayStep(): Promise<void> {
  const mark = e2e.em.calls.length;
  e2e.em.sendText(person, "/start");
  await e2e.em.waitForMessageTo(person.id, undefined, WAIT_MS);
  await e2e.em.waitUntilIdle(QUIET_MS, WAIT_MS);
  expect(shownSince(mark)).toEqual([opening("menu-title")]);
  const consult = buttonsOf(e2e.em.lastMessageTo(person.id)!).find((b) => b.text === html("menu-consult"))!;
  await press(consult.callback_data!);
  await press("cs-svc:career");
  expect(choices("cs-day").length).toBeGreaterThan(0);
}

/** A day after today: today's earliest times sit at the notice edge and may close during the test. */
function laterDay(): string {
  const today = localDateOf(new Date());
  const day = choices("cs-day").find((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && d > today);
  expect(day, "a day after today").toBeDefined();
  return day!;
}

/** From the time step to the summary: the first time offered, in person, no topic. */
async function toSummary(): Promise<void> {
  const next = await press(`cs-time:${choices("cs-time")[0]}`);
  if (buttonsOf(next ?? {}).some((b) => b.callback_data?.startsWith("cs-mode:"))) await press("cs-mode:in_person");
  const summary = await press("cs-topic:skip");
  expect(textOf(summary!).split("\n")[0]).toBe(opening("consult-summary"));
}

/**
 * Kills the process once it has handled `update` but before Telegram hears so: the poll that
 * would confirm it is lost on the way, as it is when the process dies a moment before sending it.
 */
async function killBeforeConfirming(bot: BotProcess, update: { update_id: number }): Promise<void> {
  const confirms = (call: RecordedCall) => Number(call.params.offset) > update.update_id;
  e2e.em.dropNext("getUpdates", "reset", 1, confirms);
  await until("the poll confirming the update to be lost", () => e2e.em.polls.some((c) => c.dropped && confirms(c)));
  await bot.kill();
  expect(e2e.em.pendingUpdates.map((u) => u.update_id)).toContain(update.update_id);
}

/** The log lines of errors a process wrote (pino's levels: 50 error, 60 fatal). */
function errorsLogged(bot: BotProcess): string[] {
  return bot.stdout.split("\n").filter((line) => line.startsWith("{") && (JSON.parse(line) as { level: number }).level >= 50);
}

async function until(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = WAIT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Exactly one confirmed booking, with each of its messages planned once and none sent or lost. */
async function expectOneBookingPlannedOnce(): Promise<Booking> {
  const all = await bookings();
  expect(all.map((b) => b.status)).toEqual(["confirmed"]);
  const booking = all[0]!;
  const planned = await outboxOf(booking.id);
  expect(planned.map((o) => o.kind).sort()).toEqual(["booking_feedback", "booking_reminder"]);
  expect(new Set(planned.map((o) => o.dedupe_key)).size).toBe(planned.length);
  return booking;
}

describe("a booking across a crash (SIGKILL) and a restart", () => {
  it("resumes at the step it was at, without answering again the step handled just before the crash", { timeout: 30_000 }, async () => {
    await prepareDatabase();
    const first = await startBot(e2e.em, env());
    await toDayStep();

    // The day is chosen and the times are shown; the process dies before Telegram hears that.
    const mark = e2e.em.calls.length;
    const dayPress = e2e.em.pressButton(person, `cs-day:${laterDay()}`);
    await killBeforeConfirming(first, dayPress);
    expect(shownSince(mark)).toHaveLength(1);
    expect(choices("cs-time").length).toBeGreaterThan(0);

    // Telegram delivers the press again; it was handled, so the person sees nothing more.
    const restart = e2e.em.calls.length;
    const second = await startBot(e2e.em, env());
    await e2e.em.waitUntilIdle(QUIET_MS * 3, WAIT_MS);
    expect(e2e.em.pendingUpdates).toEqual([]);
    expect(shownSince(restart)).toEqual([]);

    // The person goes on from the times shown before the crash, to the end.
    await toSummary();
    const confirmMark = e2e.em.calls.length;
    await press("cs-ok:yes");
    expect(shownSince(confirmMark)).toEqual([opening("consult-summary"), opening("consult-booked"), "file", opening("menu-title")]);
    await expectOneBookingPlannedOnce();
    expect(await second.stop()).toBe(0);
    expect(errorsLogged(second)).toEqual([]);
  });

  it("shows the step again and goes on, when killed while a step's answer is on its way", { timeout: 30_000 }, async () => {
    await prepareDatabase();
    const first = await startBot(e2e.em, env());
    await toDayStep();

    // The day is chosen; the times take the day prompt's place, and Telegram's answer is held.
    const mark = e2e.em.calls.length;
    e2e.em.delayAnswers("editMessageText", HELD_ANSWER_MS);
    e2e.em.pressButton(person, `cs-day:${laterDay()}`);
    await e2e.em.waitForCallSince(mark, "editMessageText", undefined, WAIT_MS);
    await first.kill();
    e2e.em.delayAnswers("editMessageText", 0);
    const times = choices("cs-time");
    expect(times.length).toBeGreaterThan(0);

    // The press comes again and is answered again from the day step, with the same times: the
    // screen already shows them, so nothing changes for the person.
    const restart = e2e.em.calls.length;
    const second = await startBot(e2e.em, env());
    await e2e.em.waitUntilIdle(QUIET_MS * 3, WAIT_MS);
    expect(e2e.em.pendingUpdates).toEqual([]);
    const again = e2e.em.calls.slice(restart).filter((c) => c.method === "editMessageText");
    expect(again.map((c) => c.error?.description)).toEqual([expect.stringContaining("message is not modified")]);
    expect(shownSince(restart)).toEqual([]);
    expect(choices("cs-time")).toEqual(times);

    await toSummary();
    const confirmMark = e2e.em.calls.length;
    await press("cs-ok:yes");
    expect(shownSince(confirmMark)).toEqual([opening("consult-summary"), opening("consult-booked"), "file", opening("menu-title")]);
    await expectOneBookingPlannedOnce();
    expect(await second.stop()).toBe(0);
    expect(errorsLogged(second)).toEqual([]);
  });

  it("books once, plans the reminder once and sends it, when killed while the confirmation is on its way", { timeout: 30_000 }, async () => {
    await prepareDatabase();
    const first = await startBot(e2e.em, env());
    await toDayStep();
    await press(`cs-day:${laterDay()}`);
    await toSummary();

    // Confirmed: the booking is written and its confirmation reaches Telegram, whose answer is
    // held; the process dies waiting for it, before the flow's state is saved.
    const mark = e2e.em.calls.length;
    e2e.em.delayAnswers("sendMessage", HELD_ANSWER_MS);
    e2e.em.pressButton(person, "cs-ok:yes");
    const isConfirmation = (call: RecordedCall) => textOf(call.result as SentMessage).startsWith(opening("consult-booked"));
    await e2e.em.waitForCallSince(mark, "sendMessage", isConfirmation, WAIT_MS);
    await first.kill();
    e2e.em.delayAnswers("sendMessage", 0);
    const booking = await expectOneBookingPlannedOnce();
    const planned = await outboxOf(booking.id);
    const reminder = planned.find((o) => o.kind === "booking_reminder")!;

    // The process runs on the real clock: the hours until the reminder pass while it is down.
    await e2e.db
      .updateTable("outbox")
      .set({ due_at: new Date(Date.now() - 60_000).toISOString() })
      .where("id", "=", reminder.id)
      .execute();

    // Telegram delivers the press again: the flow resumes at the confirmation, finds the booking
    // it made, and says so again; the reminder goes out at once.
    const restart = e2e.em.calls.length;
    const second = await startBot(e2e.em, env());
    await until("the reminder to be sent", async () => (await outboxOf(booking.id)).find((o) => o.id === reminder.id)?.state === "sent");
    await e2e.em.waitUntilIdle(QUIET_MS * 3, WAIT_MS);
    const after = shownSince(restart);
    const reminderLead = lead("reminders-booking", ["when", "service", "place"]);
    expect(after.filter((line) => !line.startsWith(reminderLead))).toEqual([opening("consult-booked"), "file", opening("menu-title")]);
    expect(after.filter((line) => line.startsWith(reminderLead))).toHaveLength(1);

    // The one message in flight at the crash came twice; nothing else did, and nothing is lost.
    const all = shownSince(mark);
    expect(all.filter((line) => line === opening("consult-booked"))).toHaveLength(2);
    expect(all.filter((line) => line === "file")).toHaveLength(1);
    expect((await expectOneBookingPlannedOnce()).id).toBe(booking.id);
    expect((await outboxOf(booking.id)).map((o) => [o.id, o.kind, o.state])).toEqual(
      planned.map((o) => [o.id, o.kind, o.id === reminder.id ? "sent" : "pending"]),
    );
    expect(e2e.em.pendingUpdates).toEqual([]);
    expect(await second.stop()).toBe(0);
    expect(errorsLogged(second)).toEqual([]);
  });

  it("cancels once and still sends the calendar file, when killed while the cancellation is on its way", { timeout: 30_000 }, async () => {
    await prepareDatabase();
    const first = await startBot(e2e.em, env());
    await toDayStep();
    await press(`cs-day:${laterDay()}`);
    await toSummary();
    await press("cs-ok:yes");
    const booking = await expectOneBookingPlannedOnce();
    await press(buttonsOf(e2e.em.lastMessageTo(person.id)!).find((b) => b.text === html("menu-bookings"))!.callback_data!);
    await press(`mybk:cancel:${booking.id}`);

    // Cancelled: the booking is written so and the confirmation reaches Telegram, whose answer
    // is held; the process dies before the calendar file that takes the event out goes.
    const mark = e2e.em.calls.length;
    e2e.em.delayAnswers("sendMessage", HELD_ANSWER_MS);
    e2e.em.pressButton(person, `mybk:cancel-yes:${booking.id}`);
    const isConfirmation = (call: RecordedCall) => textOf(call.result as SentMessage) === htmlToPlainText(html("bookings-cancelled"));
    await e2e.em.waitForCallSince(mark, "sendMessage", isConfirmation, WAIT_MS);
    await first.kill();
    e2e.em.delayAnswers("sendMessage", 0);
    expect((await bookings()).map((b) => b.status)).toEqual(["cancelled"]);
    expect(e2e.em.callsOf("sendDocument")).toHaveLength(1);

    // The press comes again: it finds the booking it cancelled, says so once more and sends the file.
    const restart = e2e.em.calls.length;
    const second = await startBot(e2e.em, env());
    await e2e.em.waitUntilIdle(QUIET_MS * 3, WAIT_MS);
    expect(e2e.em.pendingUpdates).toEqual([]);
    expect(shownSince(restart)).toEqual([opening("bookings-cancelled"), "file"]);
    const file = e2e.em.callsOf("sendDocument").at(-1)!.files.document!.content.toString("utf8");
    expect(file).toContain("\r\nMETHOD:CANCEL\r\n");
    expect(file).toContain(`\r\nUID:booking-${booking.id}@jastar-bot\r\nSEQUENCE:1\r\nSTATUS:CANCELLED\r\n`);

    // Once: the booking is cancelled by the person, and what it had planned is withdrawn, once.
    expect(await bookings()).toMatchObject([{ id: booking.id, status: "cancelled", cancelled_by: "user" }]);
    expect((await outboxOf(booking.id)).map((o) => o.state)).toEqual(["cancelled", "cancelled"]);
    expect(await second.stop()).toBe(0);
    expect(errorsLogged(second)).toEqual([]);
  });
});
