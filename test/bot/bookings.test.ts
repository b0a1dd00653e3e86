import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bookSlot } from "../../src/db/bookings.js";
import type { BookingStatus, Specialist } from "../../src/db/schema.js";
import type { Language } from "../../src/domain/language.js";
import type { BookingMode, ServiceCode } from "../../src/domain/services.js";
import { formatDay } from "../../src/domain/time.js";
import { bookingDetailsText, type BookingByHand } from "../support/booking-texts.js";
import { insertBooking, insertCenter, insertSpecialist, insertWeekdayConsultants } from "../support/fixtures.js";
import { createHarness, recorded, type ApiCall, type Harness, type HarnessUser } from "../support/harness.js";
import { registerUser, signedUpUser } from "../support/users.js";

// Monday 23 November 2026, 09:00 in Almaty (04:00Z); bookable from 11:00 today.
let h: Harness;
let psychologist: Specialist;
let careerAlmaly1: Specialist;
let careerAlmaly2: Specialist;
const PSYCHOLOGIST_TELEGRAM_ID = 9001;

beforeEach(async () => {
  h = await createHarness();
  await insertCenter(h.db, { id: "medeu-1", district: "medeu" });
  await insertCenter(h.db, { id: "almaly-1", district: "almaly" });
  await insertCenter(h.db, { id: "almaly-2", district: "almaly" });
  // Medeu-1's psychologist (10:00, 10:50, 11:40) and Almaly-1's career consultant (10:00, 10:45).
  ({ psychologist, career: careerAlmaly1 } = await insertWeekdayConsultants(h.db, {
    psychologistCenterId: "medeu-1",
    psychologistTelegramId: PSYCHOLOGIST_TELEGRAM_ID,
    careerCenterId: "almaly-1",
  }));
  // A second career consultant in Almaly (weekdays, 45 minutes): 10:45 and 11:30 in Almaly-2.
  // A third in Medeu (12:00) is in another district.
  careerAlmaly2 = await insertSpecialist(h.db, {
    centerId: "almaly-2",
    service: "career",
    slotMinutes: 45,
    telegramId: 9002,
    hours: [{ start: "10:45", end: "12:15" }],
    weekdays: [1, 2, 3, 4, 5],
  });
  await insertSpecialist(h.db, { centerId: "medeu-1", service: "career", slotMinutes: 45, hours: [{ start: "12:00", end: "13:00" }], weekdays: [1, 2, 3, 4, 5] });
});
afterEach(async () => {
  await h.cleanup();
});

const t = (lang: Language) => (key: string, vars?: Record<string, string | number>) => h.i18n.t(lang, key, vars);
const ru = t("ru");
const kk = t("kk");
const POLICY = () => ({ limits: h.config.booking, reminderOffsetsMinutes: h.config.reminderOffsetsMinutes });
const details = (lang: Language, b: BookingByHand) => bookingDetailsText(h, lang, b);

/** Books through the repository, as the booking flow would. */
async function book(userId: number, specialist: Specialist, startsAt: string, extra: { mode?: BookingMode; topic?: string } = {}) {
  const result = await bookSlot(
    h.db,
    { userId, specialistId: specialist.id, startsAt: new Date(startsAt), mode: extra.mode ?? "in_person", topic: extra.topic ?? null },
    POLICY(),
    h.clock.now(),
  );
  if (result.kind !== "booked") throw new Error(`fixture booking failed: ${result.kind}`);
  return result.bookingId;
}

const data = (u: HarnessUser) => u.buttons().map((b) => b.callback_data);
const labels = (u: HarnessUser) => u.buttons().map((b) => b.text);
const documentOf = (batch: ApiCall[]) => String(batch.find((c) => c.method === "sendDocument")?.payload.document ?? "");
const alertOf = (batch: ApiCall[]) => batch.filter((c) => c.method === "answerCallbackQuery").map((c) => c.payload.text);
const bookingRow = (id: number) => h.db.selectFrom("bookings").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const snapshot = async () => ({
  bookings: await h.db.selectFrom("bookings").selectAll().orderBy("id").execute(),
  outbox: await h.db.selectFrom("outbox").selectAll().orderBy("id").execute(),
});

describe("my bookings", () => {
  it("lists upcoming bookings with their buttons and the latest past ones with their status", async () => {
    const u = await signedUpUser(h, 601, "ru");
    const psych = await book(601, psychologist, "2026-11-24T05:00:00Z", { mode: "online", topic: "сон" });
    const careerId = await book(601, careerAlmaly1, "2026-11-25T05:45:00Z");
    const past = (startsAt: string, status: BookingStatus, specialist: Specialist = careerAlmaly1) =>
      insertBooking(h.db, { specialist, userId: 601, startsAt, endsAt: new Date(new Date(startsAt).getTime() + 45 * 60_000).toISOString(), status });
    await past("2026-11-16T05:00:00Z", "attended", psychologist);
    await past("2026-11-20T05:00:00Z", "cancelled");
    await past("2026-11-18T05:00:00Z", "no_show");
    await past("2026-11-19T05:00:00Z", "rescheduled");

    const batch = await u.press("menu:bookings");

    const line = (date: string, time: string, service: ServiceCode, center: string, status: BookingStatus) =>
      ru("bookings-past-line", {
        day: formatDay(date, "ru"),
        time,
        service: ru(`service-${service}`),
        center,
        mode: ru("consult-mode-in_person"),
        status: ru(`bookings-status-${status}`),
      });
    const statusLine = ru("bookings-status-line", { status: ru("bookings-status-confirmed") });
    expect(h.texts(batch)).toEqual([
      ru("bookings-upcoming-title", { count: 2 }),
      `${details("ru", { date: "2026-11-24", time: "10:00", service: "psychologist", center: "Центр medeu-1", address: "адрес", mode: "online", topic: "сон" })}\n${statusLine}`,
      `${details("ru", { date: "2026-11-25", time: "10:45", service: "career", center: "Центр almaly-1", address: "адрес", mode: "in_person" })}\n${statusLine}`,
      // Newest first; the moved booking is shown by its replacement, not here.
      [
        ru("bookings-past-title"),
        "",
        line("2026-11-20", "10:00", "career", "Центр almaly-1", "cancelled"),
        line("2026-11-18", "10:00", "career", "Центр almaly-1", "no_show"),
        line("2026-11-16", "10:00", "psychologist", "Центр medeu-1", "attended"),
      ].join("\n"),
    ]);
    const keyboards = u
      .messages()
      .slice(-4)
      .map((m) => m.reply_markup?.inline_keyboard.flat().map((b: any) => b.callback_data) ?? []);
    expect(keyboards).toEqual([
      [],
      [`mybk:ics:${psych}`, `mybk:reschedule:${psych}`, `mybk:cancel:${psych}`],
      [`mybk:ics:${careerId}`, `mybk:reschedule:${careerId}`, `mybk:cancel:${careerId}`],
      ["menu:open"],
    ]);
  });

  it("offers to book when there is nothing ahead", async () => {
    const u = await signedUpUser(h, 602, "kk");
    expect(h.texts(await u.press("menu:bookings"))).toEqual([kk("bookings-none-upcoming")]);
    expect(data(u)).toEqual(["menu:consult", "menu:open"]);
    const stranger = h.user({ id: 699, first_name: "Тест", language_code: "ru" });
    expect(h.texts(await stranger.press("menu:bookings"))).toEqual([ru("need-signup")]);
  });

  it("sends the calendar file again for a confirmed booking", async () => {
    const u = await signedUpUser(h, 603, "ru");
    const id = await book(603, psychologist, "2026-11-24T05:00:00Z", { topic: "личное" });
    const batch = await u.press(`mybk:ics:${id}`);
    expect(h.texts(batch)).toEqual([ru("consult-ics-caption")]);
    const ics = String(batch.find((c) => c.method === "sendDocument")?.payload.document);
    expect(ics).toContain(`\r\nUID:booking-${id}@jastar-bot\r\n`);
    expect(ics).toContain("\r\nDTSTART:20261124T050000Z\r\nDTEND:20261124T055000Z\r\n");
    expect(ics).toContain("\r\nLOCATION:адрес\r\n");
    expect(ics).not.toContain("личное");
  });
});

describe("cancelling", () => {
  it("asks first, then cancels, withdraws the reminders, tells the specialist and frees the slot", async () => {
    const u = await signedUpUser(h, 610, "ru");
    const id = await book(610, psychologist, "2026-11-24T05:00:00Z");
    const bookingDetails = details("ru", { date: "2026-11-24", time: "10:00", service: "psychologist", center: "Центр medeu-1", address: "адрес", mode: "in_person" });

    expect(h.texts(await u.press(`mybk:cancel:${id}`))).toEqual([ru("bookings-cancel-confirm", { details: bookingDetails })]);
    expect(data(u)).toEqual([`mybk:cancel-yes:${id}`, `mybk:keep:${id}`]);
    expect(h.texts(await u.press(`mybk:keep:${id}`))).toEqual([ru("bookings-kept")]);
    expect((await bookingRow(id)).status).toBe("confirmed");

    await u.press(`mybk:cancel:${id}`);
    h.clock.set("2026-11-23T06:00:00Z");
    const batch = await u.press(`mybk:cancel-yes:${id}`);
    expect(alertOf(batch)).toEqual([ru("bookings-cancelled-alert")]);
    // The question stays as a record of the answer, above the confirmation and the file.
    expect(h.texts(batch)).toEqual([
      recorded(ru("bookings-cancel-confirm", { details: bookingDetails }), ru("bookings-button-cancel-yes")),
      ru("bookings-cancelled"),
      ru("bookings-ics-cancelled-caption"),
    ]);
    // The file removes the event the booking's file added: same UID, next revision.
    const ics = documentOf(batch);
    expect(ics).toContain("\r\nMETHOD:CANCEL\r\n");
    expect(ics).toContain(`\r\nUID:booking-${id}@jastar-bot\r\nSEQUENCE:1\r\nSTATUS:CANCELLED\r\n`);
    expect(ics).toContain("\r\nDTSTART:20261124T050000Z\r\n");

    expect(await bookingRow(id)).toMatchObject({ status: "cancelled", cancelled_by: "user", updated_at: "2026-11-23T06:00:00.000Z" });
    const outbox = await h.db.selectFrom("outbox").selectAll().where("booking_id", "=", id).orderBy("id").execute();
    expect(outbox.map((o) => [o.kind, o.state])).toEqual([
      ["booking_reminder", "cancelled"],
      ["booking_reminder", "cancelled"],
      ["booking_feedback", "cancelled"],
      ["staff_booking_new", "cancelled"],
      ["staff_booking_cancelled", "pending"],
    ]);
    expect(outbox.at(-1)).toMatchObject({ recipient_id: PSYCHOLOGIST_TELEGRAM_ID, payload: JSON.stringify({ bookingId: id }) });

    // The time is on offer again.
    const other = await signedUpUser(h, 611, "ru");
    await other.press("menu:consult");
    await other.press("cs-svc:psychologist");
    await other.press("cs-safe:go");
    await other.press("cs-dist:medeu");
    await other.press("cs-day:2026-11-24");
    expect(labels(other).slice(0, -2)).toEqual(["10:00", "10:50", "11:40"]);

    // Pressing the old buttons again changes nothing: the booking is said to be cancelled, and
    // the file that takes it out comes again (after a crash, the first may never have gone).
    const outboxBefore = await h.db.selectFrom("outbox").selectAll().orderBy("id").execute();
    const again = await u.press(`mybk:cancel-yes:${id}`);
    expect(alertOf(again)).toEqual([ru("bookings-cancelled-alert")]);
    expect(h.texts(again).slice(-2)).toEqual([ru("bookings-cancelled"), ru("bookings-ics-cancelled-caption")]);
    expect(documentOf(again)).toContain(`\r\nUID:booking-${id}@jastar-bot\r\nSEQUENCE:1\r\nSTATUS:CANCELLED\r\n`);
    expect(await bookingRow(id)).toMatchObject({ status: "cancelled", cancelled_by: "user", updated_at: "2026-11-23T06:00:00.000Z" });
    expect(await h.db.selectFrom("outbox").selectAll().orderBy("id").execute()).toEqual(outboxBefore);
  });
});

describe("rescheduling", () => {
  it("moves a booking to a new time in the same district, keeping the same person where possible", async () => {
    const u = await signedUpUser(h, 620, "ru");
    const oldId = await book(620, careerAlmaly1, "2026-11-24T05:00:00Z", { topic: "резюме" });
    const current = details("ru", { date: "2026-11-24", time: "10:00", service: "career", center: "Центр almaly-1", address: "адрес", mode: "in_person", topic: "резюме" });

    expect(h.texts(await u.press(`mybk:reschedule:${oldId}`))).toEqual([ru("bookings-reschedule-ask-day", { details: current })]);
    // Today Almaly-2's 11:30 is still bookable, so the whole window of weekdays is open.
    expect(data(u).slice(0, -2)).toEqual(
      ["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04"].map(
        (d) => `rs-day:${d}`,
      ),
    );
    expect(h.texts(await u.send("вторник"))).toEqual([ru("need-button"), ru("bookings-reschedule-ask-day", { details: current })]);

    expect(h.texts(await u.press("rs-day:2026-11-24"))).toEqual([ru("consult-ask-time", { day: "24 ноября, вторник" })]);
    // 10:00 is the booking itself; 10:45 is free at both centers, each offered with its center;
    // Medeu's 12:00 is in another district.
    expect(labels(u).slice(0, -2)).toEqual(["10:45 · Центр almaly-1", "10:45 · Центр almaly-2", "11:30 · Центр almaly-2"]);

    const moved = details("ru", { date: "2026-11-24", time: "11:30", service: "career", center: "Центр almaly-2", address: "адрес", mode: "in_person", topic: "резюме" });
    expect(h.texts(await u.press("rs-time:11:30:almaly-2"))).toEqual([ru("bookings-reschedule-summary", { old: current, new: moved })]);
    expect((await bookingRow(oldId)).status).toBe("confirmed");

    const batch = await u.press("rs-ok:yes");
    expect(h.texts(batch)).toEqual([
      recorded(ru("bookings-reschedule-summary", { old: current, new: moved }), ru("bookings-button-reschedule-confirm")),
      ru("bookings-rescheduled", { details: moved }),
      ru("bookings-ics-moved-caption"),
      ru("menu-title"),
    ]);
    const old = await bookingRow(oldId);
    expect(old).toMatchObject({ status: "rescheduled", replaced_by: expect.any(Number) });
    expect(await bookingRow(old.replaced_by!)).toMatchObject({
      user_id: 620,
      specialist_id: careerAlmaly2.id,
      center_id: "almaly-2",
      starts_at: "2026-11-24T06:30:00.000Z",
      status: "confirmed",
      topic: "резюме",
    });
    const states = await h.db.selectFrom("outbox").select(["booking_id", "kind", "state"]).orderBy("id").execute();
    expect(states.filter((o) => o.booking_id === oldId && o.kind.startsWith("booking_")).every((o) => o.state === "cancelled")).toBe(true);
    expect(states.filter((o) => o.booking_id === old.replaced_by).map((o) => [o.kind, o.state])).toEqual([
      ["booking_reminder", "pending"],
      ["booking_reminder", "pending"],
      ["booking_feedback", "pending"],
      ["staff_booking_new", "pending"],
    ]);
    // The file moves the event the first one added: the old booking's UID at the next revision.
    const ics = documentOf(batch);
    expect(ics).toContain("\r\nMETHOD:PUBLISH\r\n");
    expect(ics).toContain(`\r\nUID:booking-${oldId}@jastar-bot\r\nSEQUENCE:1\r\nSTATUS:CONFIRMED\r\n`);
    expect(ics).toContain("\r\nDTSTART:20261124T063000Z\r\n");
  });

  it("leaves the booking alone if the new time is taken meanwhile, and offers the nearest ones", async () => {
    const u = await signedUpUser(h, 630, "kk");
    const oldId = await book(630, careerAlmaly1, "2026-11-24T05:00:00Z");
    await u.press(`mybk:reschedule:${oldId}`);
    await u.press("rs-day:2026-11-25");
    await u.press("rs-time:10:00:almaly-1");
    // Someone else takes Wednesday 10:00 before the confirmation.
    await registerUser(h.db, 631);
    await book(631, careerAlmaly1, "2026-11-25T05:00:00Z");
    const before = await snapshot();

    expect(h.texts(await u.press("rs-ok:yes"))).toEqual([kk("consult-slot-taken")]);
    expect(await snapshot()).toEqual(before);
    // Nearest to Wed 10:00: Wed 10:45 at either center (45 min), Wed 11:30 (1.5 h), Tue 11:30 (22.5 h).
    expect(labels(u).slice(0, -2)).toEqual([
      "24 қараша, сейсенбі, 11:30 · Орталық almaly-2",
      "25 қараша, сәрсенбі, 10:45 · Орталық almaly-1",
      "25 қараша, сәрсенбі, 10:45 · Орталық almaly-2",
      "25 қараша, сәрсенбі, 11:30 · Орталық almaly-2",
    ]);

    await u.press("rs-alt:1");
    await u.press("rs-ok:yes");
    const old = await bookingRow(oldId);
    expect(old.status).toBe("rescheduled");
    expect(await bookingRow(old.replaced_by!)).toMatchObject({ specialist_id: careerAlmaly1.id, starts_at: "2026-11-25T05:45:00.000Z", status: "confirmed" });
  });

  it("refuses a new time overlapping the person's other booking, naming it, and shows the times again", async () => {
    const u = await signedUpUser(h, 635, "ru");
    const oldId = await book(635, careerAlmaly1, "2026-11-24T05:00:00Z");
    // A psychologist on Wednesday 10:00–10:50.
    await book(635, psychologist, "2026-11-25T05:00:00Z");
    await u.press(`mybk:reschedule:${oldId}`);
    await u.press("rs-day:2026-11-25");
    // Almaly has two centers with career consultants, so each time names its center.
    await u.press("rs-time:10:45:almaly-1");
    const before = await snapshot();

    const refused = await u.press("rs-ok:yes");
    // After the summary's record.
    expect(h.texts(refused).slice(1)).toEqual([
      ru("appointment-overlap", {
        what: ru("appointment-consultation", { service: ru("service-psychologist") }),
        day: "25 ноября, среда",
        start: "10:00",
        end: "10:50",
        then: "time",
      }),
      ru("consult-ask-time", { day: "25 ноября, среда" }),
    ]);
    expect(await snapshot()).toEqual(before);

    // 11:30 at Almaly-2 begins after the psychologist's time ends.
    await u.press("rs-time:11:30:almaly-2");
    expect(h.texts(await u.press("rs-ok:yes"))[1]).toMatch(/Запись перенесена/);
    expect((await bookingRow(oldId)).status).toBe("rescheduled");
  });

  it("keeps the booking when the person goes back or cancels", async () => {
    const u = await signedUpUser(h, 640, "ru");
    const id = await book(640, psychologist, "2026-11-24T05:00:00Z");
    const before = await snapshot();
    await u.press(`mybk:reschedule:${id}`);
    const kept = [ru("bookings-reschedule-kept"), ru("menu-title")];
    // Each time after the record of the step left.
    expect(h.texts(await u.press("rs-day:back")).slice(1)).toEqual(kept);
    await u.press(`mybk:reschedule:${id}`);
    await u.press("rs-day:2026-11-25");
    expect(h.texts(await u.press("rs-time:back"))[0]).toMatch(/Перенос записи/);
    await u.press("rs-day:2026-11-25");
    await u.press("rs-time:10:50");
    expect(h.texts(await u.press("rs-ok:cancel")).slice(1)).toEqual(kept);
    expect(await snapshot()).toEqual(before);
  });
});

describe("the calendar file of a moved booking", () => {
  it("is sent again under the first booking's UID and the revision of the move", async () => {
    const u = await signedUpUser(h, 680, "kk");
    const first = await book(680, careerAlmaly1, "2026-11-24T05:00:00Z");
    await u.press(`mybk:reschedule:${first}`);
    await u.press("rs-day:2026-11-25");
    // Almaly has two centers with career consultants, so each time names its center.
    await u.press("rs-time:10:00:almaly-1");
    await u.press("rs-ok:yes");
    const moved = (await bookingRow(first)).replaced_by!;

    const batch = await u.press(`mybk:ics:${moved}`);
    expect(h.texts(batch)).toEqual([kk("consult-ics-caption")]);
    const ics = documentOf(batch);
    expect(ics).toContain(`\r\nUID:booking-${first}@jastar-bot\r\nSEQUENCE:1\r\nSTATUS:CONFIRMED\r\n`);
    expect(ics).toContain("\r\nDTSTART:20261125T050000Z\r\n");
    expect(ics).toContain(`\r\nSUMMARY:${kk("consult-ics-summary", { service: kk("service-career") })}\r\n`);
    expect(ics).toContain("\r\nLOCATION:мекенжай\r\n");

    // Cancelled afterwards: the same event is removed, one revision later.
    await u.press(`mybk:cancel:${moved}`);
    const cancelled = documentOf(await u.press(`mybk:cancel-yes:${moved}`));
    expect(cancelled).toContain("\r\nMETHOD:CANCEL\r\n");
    expect(cancelled).toContain(`\r\nUID:booking-${first}@jastar-bot\r\nSEQUENCE:2\r\nSTATUS:CANCELLED\r\n`);
  });
});

describe("authorisation of booking buttons", () => {
  it("refuses someone else's booking and nonsense ids, changing nothing", async () => {
    const owner = await signedUpUser(h, 650, "ru");
    const intruder = await signedUpUser(h, 651, "ru");
    const id = await book(650, psychologist, "2026-11-24T05:00:00Z", { topic: "личное" });
    const before = await snapshot();

    for (const action of ["cancel", "cancel-yes", "keep", "reschedule", "ics"]) {
      for (const raw of [String(id), "99999"]) {
        const batch = await intruder.press(`mybk:${action}:${raw}`);
        expect(alertOf(batch), `${action}:${raw}`).toEqual([ru("bookings-not-found-alert")]);
        expect(h.texts(batch), `${action}:${raw}`).toEqual([ru("bookings-not-found")]);
        expect(batch.some((c) => c.method === "sendDocument")).toBe(false);
      }
      // Data no button carries is a stale button, whatever it names.
      for (const raw of ["abc", "-1", ""]) {
        const batch = await intruder.press(`mybk:${action}:${raw}`);
        expect(alertOf(batch), `${action}:${raw}`).toEqual([ru("stale-button-alert")]);
        expect(h.texts(batch), `${action}:${raw}`).toEqual([ru("stale-button"), ru("menu-title")]);
        expect(batch.some((c) => c.method === "sendDocument")).toBe(false);
      }
    }
    // No reschedule flow was started for the intruder.
    expect(h.texts(await intruder.send("25"))).toEqual([ru("unknown-message"), ru("menu-title")]);
    expect(await snapshot()).toEqual(before);
    // The owner can still act on it.
    expect(h.texts(await owner.press(`mybk:cancel:${id}`))[0]).toMatch(/Отменить эту запись/);
  });

  it("refuses a cancelled or past booking as no longer active", async () => {
    const u = await signedUpUser(h, 660, "ru");
    const cancelled = await book(660, psychologist, "2026-11-24T05:00:00Z");
    await u.press(`mybk:cancel:${cancelled}`);
    await u.press(`mybk:cancel-yes:${cancelled}`);
    const soon = await book(660, careerAlmaly1, "2026-11-24T05:45:00Z");
    h.clock.set("2026-11-24T06:00:00Z"); // Tuesday 11:00: the career consultation has begun
    const before = await snapshot();

    for (const [action, id] of [
      ["cancel", cancelled],
      ["reschedule", cancelled],
      ["ics", cancelled],
      ["cancel", soon],
      ["cancel-yes", soon],
      ["reschedule", soon],
    ] as const) {
      const batch = await u.press(`mybk:${action}:${id}`);
      expect(alertOf(batch), `${action}:${id}`).toEqual([ru("bookings-not-active-alert")]);
      expect(h.texts(batch), `${action}:${id}`).toEqual([ru("bookings-not-active")]);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("an online booking moved says again that the specialist will write in Telegram", async () => {
    await registerUser(h.db, 640, { language: "ru" });
    const u = h.user({ id: 640, first_name: "Тест", language_code: "ru", username: "test640" });
    const id = await book(640, psychologist, "2026-11-24T05:00:00Z", { mode: "online" });
    await u.press(`mybk:reschedule:${id}`);
    await u.press("rs-day:2026-11-25");
    await u.press("rs-time:10:50");
    const moved = details("ru", { date: "2026-11-25", time: "10:50", service: "psychologist", center: "Центр medeu-1", address: "адрес", mode: "online" });
    expect(h.texts(await u.press("rs-ok:yes"))[1]).toBe(`${ru("bookings-rescheduled", { details: moved })}\n\n${ru("consult-online-how")}`);
  });

  it("re-checks the booking when a reschedule starts after it was cancelled elsewhere", async () => {
    const u = await signedUpUser(h, 670, "ru");
    const id = await book(670, psychologist, "2026-11-24T05:00:00Z");
    await u.press(`mybk:reschedule:${id}`);
    await u.press("rs-day:2026-11-25");
    await u.press("rs-time:10:00");
    // Cancelled by staff while the person was choosing.
    await h.db.updateTable("bookings").set({ status: "cancelled", cancelled_by: "specialist" }).where("id", "=", id).execute();
    expect(h.texts(await u.press("rs-ok:yes")).slice(1)).toEqual([ru("bookings-not-active"), ru("menu-title")]);
    expect(await h.db.selectFrom("bookings").select("status").where("user_id", "=", 670).execute()).toEqual([{ status: "cancelled" }]);
  });
});
