import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";
import { escapeHtml } from "../../src/bot/shared/format.js";
import { loadConfig } from "../../src/config.js";
import type { Booking, OutboxRow } from "../../src/db/schema.js";
import { CENTER_CATALOG } from "../../src/db/seed/centers.js";
import type { DistrictCode } from "../../src/domain/districts.js";
import { FEEDBACK_DELAY_MINUTES } from "../../src/domain/notices.js";
import { SERVICE_CODES, TOPIC_MAX_LENGTH, type BookingMode } from "../../src/domain/services.js";
import { addMinutes } from "../../src/domain/time-math.js";
import { formatDay, localDateOf, toInstant, type LocalDate, type LocalTime } from "../../src/domain/time.js";
import { bookingDetailsText } from "../support/booking-texts.js";
import { recorded, TEST_TOKEN } from "../support/harness.js";
import { registerUser } from "../support/users.js";
import { htmlToPlainText, type SentMessage, type EmulatedUser as TestUser } from "../../src/emulator/bot-api-emulator.js";
import { botEnv, endToEndSetupEachTest, readDb, runBotCommand, startBot } from "./bot-process.js";
import { expectReplies, QUIET_MS, textOf, WAIT_MS } from "./dialogue.js";
/** Where the person books: two centers, each with a demo career consultant. */
const DISTRICT: DistrictCode = "almaly";

const i18n = createI18n();
/** A locale text as the bot renders it, HTML included. */
const html = (key: string, vars?: Record<string, string | number>) => i18n.t("ru", key, vars);
/** A locale text as the user reads it in the chat (HTML markup rendered away). */
const ru = (key: string, vars?: Record<string, string | number>) => htmlToPlainText(html(key, vars));
/** Minutes before a consultation at which the bot reminds, as the process is configured (the default). */
const REMINDER_OFFSETS = loadConfig({ BOT_TOKEN: TEST_TOKEN }).reminderOffsetsMinutes;

const e2e = endToEndSetupEachTest("jastar-e2e-consult-");

const person: TestUser = { id: 710001, first_name: "Алия", language_code: "ru" };

/** A demo career consultant of the district, with the center a person is shown. */
interface Consultant {
  id: number;
  online: number;
  telegram_id: number | null;
  center_id: string;
  name_ru: string;
}

/**
 * The database the bot starts with: the real `seed --demo` command (catalog and demo
 * specialists, whose hours count from today), then a person who has signed up.
 */
async function prepareDatabase(): Promise<void> {
  const seed = await runBotCommand(["seed", "--demo"], botEnv(e2e, { BOT_TOKEN: TEST_TOKEN, LOG_LEVEL: "warn" }));
  expect(seed.code, `${seed.stdout}${seed.stderr}`).toBe(0);
  expect(seed.stdout).toContain(`demo: ${CENTER_CATALOG.length * SERVICE_CODES.length} specialists added`);

  await registerUser(e2e.db, person.id, { language: "ru", district: DISTRICT, now: new Date() });
}

/** The configuration the bot process of these tests runs with, besides this test's database. */
const BOT_VARIABLES = { LOG_LEVEL: "info" };

const bookingsOf = (userId: number) => readDb(e2e, sql<Booking>`select * from bookings where user_id = ${userId} order by id`);
const outboxOf = (bookingId: number) => readDb(e2e, sql<OutboxRow>`select * from outbox where booking_id = ${bookingId} order by id`);

/** The district's career consultants, by id. */
function careerConsultants(): Promise<Consultant[]> {
  return readDb(
    e2e,
    sql<Consultant>`select s.id, s.online, s.telegram_id, s.center_id, c.name_ru
      from specialists s join centers c on c.id = s.center_id
      where s.service = 'career' and s.active = 1 and c.district = ${DISTRICT}
      order by s.id`,
  );
}

/** The inline buttons of a message, flattened. */
function buttonsOf(message: SentMessage | undefined): { text: string; data: string }[] {
  const markup = message?.reply_markup;
  if (!markup || !("inline_keyboard" in markup)) return [];
  return markup.inline_keyboard.flat().map((b) => ({ text: b.text, data: "callback_data" in b ? b.callback_data : "" }));
}

/** A step's answers (`<prefix>:<value>` buttons), without Back and Cancel. */
function choicesOf(message: SentMessage | undefined, prefix: string): { text: string; value: string }[] {
  return buttonsOf(message)
    .filter((b) => b.data.startsWith(`${prefix}:`) && ![`${prefix}:back`, `${prefix}:cancel`].includes(b.data))
    .map((b) => ({ text: b.text, value: b.data.slice(prefix.length + 1) }));
}

/** A text as a regular expression matching exactly it. */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The text of the calendar file the bot sent last. */
function lastCalendarFile(): string {
  const file = e2e.em.callsOf("sendDocument").at(-1)?.files.document;
  expect(file?.filename).toMatch(/\.ics$/);
  return file!.content.toString("utf8");
}

/** An instant in iCalendar's UTC form, e.g. 20261124T055000Z. */
const icsUtc = (instant: string) => instant.replace(/[-:]/g, "").replace(/\.\d{3}/, "");

/**
 * The details block of a career booking as the bot writes it (HTML). The seeded catalog's
 * addresses are stand-ins: no screen shows them, only the center's name.
 */
function detailsHtml(b: { date: LocalDate; time: LocalTime; at: Consultant; mode: BookingMode }): string {
  return bookingDetailsText({ i18n }, "ru", {
    date: b.date,
    time: b.time,
    service: "career",
    center: escapeHtml(b.at.name_ru),
    address: null,
    mode: b.mode,
  });
}

/**
 * What a new booking plans for its person: each reminder whose time is still ahead when it was
 * booked, and the feedback request after the end; nothing for a specialist who is not linked.
 */
async function expectPlannedNotices(booking: Booking): Promise<void> {
  const due = (instant: string, minutes: number) => addMinutes(new Date(instant), minutes).toISOString();
  const reminders = REMINDER_OFFSETS.map((offset) => due(booking.starts_at, -offset)).filter((at) => at > booking.created_at);
  expect((await outboxOf(booking.id)).map((o) => [o.kind, o.recipient_id, o.due_at, o.state])).toEqual([
    ...reminders.map((at) => ["booking_reminder", person.id, at, "pending"]),
    ["booking_feedback", person.id, due(booking.ends_at, FEEDBACK_DELAY_MINUTES), "pending"],
  ]);
}

/**
 * From the main menu: a career consultation in the person's own district (the profile's, asked
 * no more), narrowed to `expected`'s center, on `pick`'s day and time among those offered, in
 * person, without a topic. Checks every reply on the way and returns what was chosen.
 */
async function bookCareer(
  expected: Consultant,
  pick: { day: (offered: LocalDate[]) => LocalDate | undefined; time: (offered: LocalTime[]) => LocalTime | undefined },
): Promise<{ date: LocalDate; time: LocalTime }> {
  const u = person;
  await expectReplies(e2e, u, () => e2e.em.clickButton(u, html("menu-consult")), [ru("consult-ask-service")]);
  const [bothPrompt] = await expectReplies(e2e, u, () => e2e.em.clickButton(u, html("service-career")), [
    ru("consult-ask-day", { place: html("consult-place-district", { district: html(`district-${DISTRICT}`) }) }),
  ]);
  // Both centers of the district give career advice: either, or one of them.
  expect(choicesOf(bothPrompt, "cs-day").filter((c) => c.value.startsWith("c:"))).toEqual([
    { text: `✓ ${html("consult-button-both-centers")}`, value: "c:any" },
    ...(await careerConsultants()).map((c) => ({ text: c.name_ru, value: `c:${c.center_id}` })),
  ]);
  const [dayPrompt] = await expectReplies(e2e, u, () => e2e.em.clickButton(u, expected.name_ru), [
    ru("consult-ask-day", { place: html("consult-place-center", { center: escapeHtml(expected.name_ru) }) }),
  ]);

  const days = choicesOf(dayPrompt, "cs-day").filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d.value));
  for (const day of days) expect(day.text).toBe(formatDay(day.value, "ru"));
  const date = pick.day(days.map((d) => d.value));
  expect(date, `a day among ${days.map((d) => d.value).join(", ")}`).toBeDefined();

  // One center: its times, named once above them.
  const [timePrompt] = await expectReplies(e2e, u, () => e2e.em.clickButton(u, formatDay(date!, "ru")), [
    ru("consult-ask-time-at", { day: formatDay(date!, "ru"), center: escapeHtml(expected.name_ru) }),
  ]);
  const times = choicesOf(timePrompt, "cs-time");
  for (const time of times) expect(time.text).toBe(time.value);
  const time = pick.time(times.map((t) => t.value));
  expect(time, `a time among ${times.map((t) => t.text).join(", ")}`).toBeDefined();

  const askTopic = ru("consult-ask-topic", { max: TOPIC_MAX_LENGTH });
  if (expected.online === 1) {
    // A consultant who also works online lets the person choose.
    await expectReplies(e2e, u, () => e2e.em.clickButton(u, time!), [ru("consult-ask-mode")]);
    await expectReplies(e2e, u, () => e2e.em.clickButton(u, html("consult-mode-in_person")), [askTopic]);
  } else {
    await expectReplies(e2e, u, () => e2e.em.clickButton(u, time!), [askTopic]);
  }
  const details = detailsHtml({ date: date!, time: time!, at: expected, mode: "in_person" });
  await expectReplies(e2e, u, () => e2e.em.clickButton(u, html("button-skip")), [ru("consult-summary", { details })]);
  await expectReplies(e2e, u, () => e2e.em.clickButton(u, html("consult-button-confirm")), [
    recorded(ru("consult-summary", { details }), ru("consult-button-confirm")),
    ru("consult-booked", { details }),
    ru("consult-ics-caption"),
    ru("menu-title"),
  ]);
  return { date: date!, time: time! };
}

/** The booking a person made by choosing `date` and `time`: confirmed, with `at`, at that Almaty wall time. */
function expectConfirmedBooking(booking: Booking | undefined, at: Consultant, date: LocalDate, time: LocalTime): void {
  const startsAt = toInstant(date, time);
  expect(booking).toMatchObject({
    user_id: person.id,
    specialist_id: at.id,
    center_id: at.center_id,
    service: "career",
    starts_at: startsAt.toISOString(),
    mode: "in_person",
    topic: null,
    status: "confirmed",
    replaced_by: null,
  });
  const ics = lastCalendarFile();
  expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
  // A moved booking continues the event of the booking it replaced.
  expect(ics).toContain(`\r\nUID:${booking!.calendar_uid ?? `booking-${booking!.id}@jastar-bot`}\r\n`);
  expect(ics).toContain(`\r\nDTSTART:${icsUtc(startsAt.toISOString())}\r\nDTEND:${icsUtc(booking!.ends_at)}\r\n`);
  expect(ics).toContain(`\r\nSUMMARY:${ru("consult-ics-summary", { service: html("service-career") })}\r\n`);
  // Long lines are folded (RFC 5545 §3.1): a line break and a space join them again.
  expect(ics.replace(/\r\n /g, "")).toContain(`\r\nLOCATION:${at.name_ru}\r\n`);
}

describe("consultations, driven through the Bot API emulator", () => {
  it("books, cancels, books the same time again and reschedules, as a person would", { timeout: 40_000 }, async () => {
    await prepareDatabase();
    const consultants = await careerConsultants();
    expect(consultants).toHaveLength(2);
    // Demo consultants are not linked to anyone's Telegram account: no staff notices.
    expect(consultants.map((c) => c.telegram_id)).toEqual([null, null]);
    const [first] = consultants as [Consultant, Consultant];
    const bot = await startBot(e2e.em, botEnv(e2e, BOT_VARIABLES));
    const u = person;

    // 1. Book. The process runs on the real clock: the first offered day after today (today's
    // earliest times sit at the two-hour notice edge and may close while the test runs), and
    // the first time offered that day.
    await expectReplies(e2e, u, () => e2e.em.sendText(u, "/start"), [ru("menu-title")]);
    const today = localDateOf(new Date());
    const slot = await bookCareer(first, { day: (days) => days.find((d) => d > today), time: (times) => times[0] });
    const afterBooking = await bookingsOf(u.id);
    expect(afterBooking).toHaveLength(1);
    const [booked] = afterBooking as [Booking];
    expectConfirmedBooking(booked, first, slot.date, slot.time);
    await expectPlannedNotices(booked);
    const planned = await outboxOf(booked.id);
    const bookedDetails = detailsHtml({ ...slot, at: first, mode: "in_person" });

    // 2. Cancel it from My bookings, confirming first.
    const list = await expectReplies(e2e, u, () => e2e.em.clickButton(u, html("menu-bookings")), [
      ru("bookings-upcoming-title", { count: 1 }),
      htmlToPlainText(`${bookedDetails}\n${html("bookings-status-line", { status: html("bookings-status-confirmed") })}`),
    ]);
    expect(buttonsOf(list[1]).map((b) => b.data)).toEqual([`mybk:ics:${booked.id}`, `mybk:reschedule:${booked.id}`, `mybk:cancel:${booked.id}`, "menu:open"]);
    const confirmCancel = await expectReplies(e2e, u, () => e2e.em.clickButton(u, html("bookings-button-cancel")), [
      ru("bookings-cancel-confirm", { details: bookedDetails }),
    ]);
    expect(buttonsOf(confirmCancel[0]).map((b) => b.data)).toEqual([`mybk:cancel-yes:${booked.id}`, `mybk:keep:${booked.id}`]);
    // The question takes the booking's place and stays as a record of the answer.
    expect(confirmCancel[0]!.message_id).toBe(list[1]!.message_id);
    await expectReplies(e2e, u, () => e2e.em.clickButton(u, html("bookings-button-cancel-yes")), [
      recorded(ru("bookings-cancel-confirm", { details: bookedDetails }), ru("bookings-button-cancel-yes")),
      ru("bookings-cancelled"),
      ru("bookings-ics-cancelled-caption"),
    ]);
    // The file takes the event it added out of the calendar: same UID, next revision.
    const cancelIcs = lastCalendarFile();
    expect(cancelIcs).toContain("\r\nMETHOD:CANCEL\r\n");
    expect(cancelIcs).toContain(`\r\nUID:booking-${booked.id}@jastar-bot\r\nSEQUENCE:1\r\nSTATUS:CANCELLED\r\n`);
    expect(e2e.em.callsOf("answerCallbackQuery").at(-1)?.params.text).toBe(html("bookings-cancelled-alert"));

    expect(await bookingsOf(u.id)).toMatchObject([{ id: booked.id, status: "cancelled", cancelled_by: "user" }]);
    // What was planned is withdrawn, and nothing is added for a specialist nobody is linked to.
    const withdrawn = planned.map((o) => ({ id: o.id, kind: o.kind, state: "cancelled" }));
    expect((await outboxOf(booked.id)).map(({ id, kind, state }) => ({ id, kind, state }))).toEqual(withdrawn);

    // 3. The same day and time are offered again, and can be booked again: the cancelled row
    // no longer holds the slot.
    await expectReplies(e2e, u, () => e2e.em.clickButton(u, html("button-menu")), [ru("menu-title")]);
    await bookCareer(first, {
      day: (days) => days.find((d) => d === slot.date),
      time: (times) => times.find((t) => t === slot.time),
    });
    const afterRebooking = await bookingsOf(u.id);
    expect(afterRebooking).toHaveLength(2);
    const [, rebooked] = afterRebooking as [Booking, Booking];
    expect(rebooked.id).not.toBe(booked.id);
    expectConfirmedBooking(rebooked, first, slot.date, slot.time);
    expect(rebooked.starts_at).toBe(booked.starts_at);
    await expectPlannedNotices(rebooked);
    expect((await outboxOf(booked.id)).map(({ id, kind, state }) => ({ id, kind, state }))).toEqual(withdrawn);
    const plannedAgain = await outboxOf(rebooked.id);

    // 4. Reschedule it from My bookings to another time of the same day.
    const pastLine = html("bookings-past-line", {
      day: formatDay(slot.date, "ru"),
      time: slot.time,
      service: html("service-career"),
      center: escapeHtml(first.name_ru),
      mode: html("consult-mode-in_person"),
      status: html("bookings-status-cancelled"),
    });
    const list2 = await expectReplies(e2e, u, () => e2e.em.clickButton(u, html("menu-bookings")), [
      ru("bookings-upcoming-title", { count: 1 }),
      htmlToPlainText(`${bookedDetails}\n${html("bookings-status-line", { status: html("bookings-status-confirmed") })}`),
      htmlToPlainText(`${html("bookings-past-title")}\n\n${pastLine}`),
    ]);
    // The booking's own buttons are on its message, above the list of past ones.
    expect(buttonsOf(list2[1]).map((b) => b.data)).toContain(`mybk:reschedule:${rebooked.id}`);
    const askDay = await expectReplies(e2e, u, () => e2e.em.pressButton(u, `mybk:reschedule:${rebooked.id}`, list2[1]!.message_id), [
      ru("bookings-reschedule-ask-day", { details: bookedDetails }),
    ]);
    expect(choicesOf(askDay[0], "rs-day").map((d) => d.value)).toContain(slot.date);
    // The steps take the place of the booking pressed on, above the list of past ones.
    const steps = list2[1]!.message_id;
    expect(askDay[0]!.message_id).toBe(steps);

    // Rescheduling looks at both centers of the district: each button is a time at a center,
    // and the booked time is not offered at the booking's own center.
    const askTime = await expectReplies(e2e, u, () => e2e.em.pressButton(u, `rs-day:${slot.date}`, steps), [
      // With more times than fit, a line says that some are left out.
      expect.stringMatching(new RegExp(`^${literal(ru("consult-ask-time", { day: formatDay(slot.date, "ru") }))}(\n${literal(ru("consult-ask-time-some"))})?$`)),
    ]);
    const offered = choicesOf(askTime[0], "rs-time").map((o) => {
      const [hours, minutes, centerId] = o.value.split(":");
      return { ...o, time: `${hours}:${minutes}`, at: consultants.find((c) => c.center_id === centerId) };
    });
    for (const o of offered) expect(o.text).toBe(`${o.time} · ${o.at?.name_ru}`);
    expect(offered.find((o) => o.time === slot.time && o.at?.id === first.id)).toBeUndefined();
    const target = offered.find((o) => o.time !== slot.time && o.at?.id === first.id);
    expect(target, "another time that day at the same center").toBeDefined();

    const movedDetails = detailsHtml({ date: slot.date, time: target!.time, at: first, mode: "in_person" });
    await expectReplies(e2e, u, () => e2e.em.pressButton(u, `rs-time:${target!.value}`, steps), [
      ru("bookings-reschedule-summary", { old: bookedDetails, new: movedDetails }),
    ]);
    await expectReplies(e2e, u, () => e2e.em.pressButton(u, "rs-ok:yes", steps), [
      recorded(ru("bookings-reschedule-summary", { old: bookedDetails, new: movedDetails }), ru("bookings-button-reschedule-confirm")),
      ru("bookings-rescheduled", { details: movedDetails }),
      ru("bookings-ics-moved-caption"),
      ru("menu-title"),
    ]);

    const afterMove = await bookingsOf(u.id);
    expect(afterMove).toHaveLength(3);
    const [cancelled, old, moved] = afterMove as [Booking, Booking, Booking];
    expect(cancelled).toMatchObject({ id: booked.id, status: "cancelled" });
    expect(old).toMatchObject({ id: rebooked.id, status: "rescheduled", replaced_by: moved.id });
    expectConfirmedBooking(moved, first, slot.date, target!.time);
    expect((await outboxOf(old.id)).map(({ id, kind, state }) => ({ id, kind, state }))).toEqual(
      plannedAgain.map((o) => ({ id: o.id, kind: o.kind, state: "cancelled" })),
    );
    await expectPlannedNotices(moved);
    expect(await readDb(e2e, sql`select count(*) as n from outbox where kind like 'staff_%'`)).toEqual([{ n: 0 }]);
    // One calendar file per booking made or cancelled; the last one moves the rebooked event.
    expect(e2e.em.callsOf("sendDocument")).toHaveLength(4);
    const movedIcs = lastCalendarFile();
    expect(movedIcs).toContain(`\r\nUID:booking-${rebooked.id}@jastar-bot\r\nSEQUENCE:1\r\nSTATUS:CONFIRMED\r\n`);
    expect(movedIcs).toContain(`\r\nDTSTART:${icsUtc(moved.starts_at)}\r\n`);

    // 5. A service manager's stop.
    expect(await bot.stop("SIGTERM")).toBe(0);
  });

  it("shows the help lines before a psychologist's booking goes on", async () => {
    await prepareDatabase();
    const bot = await startBot(e2e.em, botEnv(e2e, BOT_VARIABLES));
    const u = person;

    await expectReplies(e2e, u, () => e2e.em.sendText(u, "/start"), [ru("menu-title")]);
    await expectReplies(e2e, u, () => e2e.em.clickButton(u, html("menu-consult")), [ru("consult-ask-service")]);
    const [, help] = await expectReplies(e2e, u, () => e2e.em.clickButton(u, html("service-psychologist")), [
      recorded(ru("consult-ask-service"), ru("service-psychologist")),
      ru("help-crisis"),
      ru("consult-safety-prompt"),
    ]);
    for (const line of ["150", "111", "112"]) expect(textOf(help!)).toMatch(new RegExp(`\\b${line}\\b`));
    await expectReplies(e2e, u, () => e2e.em.clickButton(u, html("consult-button-continue")), [
      ru("consult-ask-day", { place: html("consult-place-district", { district: html(`district-${DISTRICT}`) }) }),
    ]);
    await expectReplies(e2e, u, () => e2e.em.sendText(u, "/cancel"), [ru("cancelled"), ru("menu-title")]);

    expect(await bot.stop("SIGTERM")).toBe(0);
    expect(await bookingsOf(u.id)).toEqual([]);
  });

  it("leaves a person who books a psychologist from the main menu with five new messages", async () => {
    await prepareDatabase();
    const bot = await startBot(e2e.em, botEnv(e2e, BOT_VARIABLES));
    const u = person;
    await expectReplies(e2e, u, () => e2e.em.sendText(u, "/start"), [ru("menu-title")]);
    const shown = () => e2e.em.messagesTo(u.id).filter((m) => !m.deleted);
    const before = shown().length;

    /** Presses a step's answer on the message that carries it, and waits for what comes of it. */
    const answer = async (data: string) => {
      const mark = e2e.em.calls.length;
      e2e.em.pressButton(u, data);
      await e2e.em.waitForMessageTo(u.id, undefined, WAIT_MS);
      await e2e.em.waitUntilIdle(QUIET_MS, WAIT_MS);
      return e2e.em.shownSince(u.id, mark).at(-1);
    };
    const today = localDateOf(new Date());
    await answer(buttonsOf(e2e.em.lastMessageTo(u.id)).find((b) => b.text === html("menu-consult"))!.data);
    await answer("cs-svc:psychologist");
    const days = await answer("cs-safe:go");
    const day = choicesOf(days, "cs-day").find((d) => /^\d{4}-\d{2}-\d{2}$/.test(d.value) && d.value > today)!;
    const times = await answer(`cs-day:${day.value}`);
    const next = await answer(`cs-time:${choicesOf(times, "cs-time")[0]!.value}`);
    if (choicesOf(next, "cs-mode").length > 0) await answer("cs-mode:in_person");
    const summary = await answer("cs-topic:skip");
    expect(textOf(summary!)).toMatch(new RegExp(`^${literal(ru("consult-summary", { details: "" }).split("\n")[0]!)}`));
    await answer("cs-ok:yes");
    expect(await bookingsOf(u.id)).toMatchObject([{ service: "psychologist", status: "confirmed" }]);

    // What stays: the help lines, the summary as a record of the confirmation, the
    // confirmation itself, the calendar file and the menu. The menu the booking started from
    // is the record of the service chosen; every other step took the place of the one before.
    const added = shown().slice(before);
    expect(added.map((m) => (m.document ? "file" : textOf(m).split("\n")[0]))).toEqual([
      ru("help-crisis").split("\n")[0],
      ru("consult-summary", { details: "" }).split("\n")[0],
      ru("consult-booked", { details: "" }).split("\n")[0],
      "file",
      ru("menu-title"),
    ]);
    expect(textOf(added[1]!)).toMatch(new RegExp(`✔️ ${literal(ru("consult-button-confirm"))}$`));
    // No old step can be pressed again: the records and the confirmation carry no buttons.
    expect(added.slice(1, -1).map(buttonsOf)).toEqual([[], [], []]);
    const started = shown()[before - 1]!;
    expect(textOf(started)).toBe(recorded(ru("consult-ask-service"), ru("service-psychologist")));
    expect(buttonsOf(started)).toEqual([]);
    expect(await bot.stop("SIGTERM")).toBe(0);
  });
});
