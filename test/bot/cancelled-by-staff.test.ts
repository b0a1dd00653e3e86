import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { noticeRenderers } from "../../src/bot/notices.js";
import { cancelBookingByStaff } from "../../src/db/bookings.js";
import type { Specialist } from "../../src/db/schema.js";
import { seedCatalog } from "../../src/db/seed/index.js";
import { createLogger } from "../../src/logger.js";
import { OutboxDispatcher } from "../../src/scheduler/dispatcher.js";
import { insertBooking, insertSpecialist } from "../support/fixtures.js";
import { createHarness, type ApiCall, type Harness } from "../support/harness.js";
import { signedUpUser } from "../support/users.js";
import { bookingDetailsText } from "../support/booking-texts.js";

const CITY_ADMIN = 900;
const PERSON = 661;
const OTHER = 662;

let h: Harness;
let asel: Specialist;
let dana: Specialist;
let lawyer: Specialist;

const weekdays = [1, 2, 3, 4, 5] as const;

beforeEach(async () => {
  // Wednesday 2 December 2026, 10:00 in Almaty.
  h = await createHarness({ env: { ADMIN_IDS: String(CITY_ADMIN) }, now: "2026-12-02T05:00:00Z" });
  await seedCatalog(h.db);
  // Career consultations of 45 minutes from 10:00 to 13:00: 10:00, 10:45, 11:30, 12:15.
  const career = { centerId: "almaly-1", service: "career" as const, slotMinutes: 45, online: false, hours: [{ start: "10:00", end: "13:00" }], weekdays: [...weekdays] };
  asel = await insertSpecialist(h.db, { ...career, displayName: "Асель" });
  dana = await insertSpecialist(h.db, { ...career, displayName: "Дана" });
  lawyer = await insertSpecialist(h.db, { centerId: "almaly-1", service: "lawyer", slotMinutes: 30, hours: [{ start: "10:00", end: "13:00" }], weekdays: [...weekdays] });
});
afterEach(async () => {
  await h.cleanup();
});

const ru = (key: string, vars?: Record<string, string | number>) => h.i18n.t("ru", key, vars);

/** Sends what is due through the bot's own API client, as the scheduler does; returns the calls it made. */
async function dispatch(): Promise<ApiCall[]> {
  const from = h.calls.length;
  const deps = { config: h.config, db: h.db, logger: createLogger("silent"), clock: h.clock, api: h.bot.api, i18n: h.i18n, renderers: noticeRenderers };
  await new OutboxDispatcher(deps, { sleep: async (ms) => h.clock.advance(ms) }).dispatchDue();
  return h.calls.slice(from);
}

/** Monday 7 December at `time` in Almaty, as a UTC instant. */
const monday = (time: string) => new Date(`2026-12-07T${time}:00+05:00`).toISOString();
const minutes = (instant: string) => new Date(instant).getTime() / 60_000;

/** Асель's consultation with the person on Monday at 11:30, cancelled by her. */
async function cancelledMonday(): Promise<number> {
  const id = await insertBooking(h.db, { specialist: asel, userId: PERSON, startsAt: monday("11:30"), endsAt: monday("12:15"), topic: "резюме" });
  expect(await cancelBookingByStaff(h.db, { bookingId: id, specialistId: asel.id }, h.clock.now())).toEqual({ kind: "cancelled" });
  return id;
}

const noticeButtons = (delivered: ApiCall[]) =>
  delivered.find((c) => c.method === "sendMessage")!.payload.reply_markup.inline_keyboard.flat() as { text: string; callback_data: string }[];

describe("a consultation cancelled by its specialist", () => {
  it("comes with the same specialist's nearest free times, which book at once", async () => {
    const person = await signedUpUser(h, PERSON, "ru");
    const cancelled = await cancelledMonday();
    const delivered = await dispatch();
    const buttons = noticeButtons(delivered);
    // Never the cancelled time itself; the nearest others, in time order.
    expect(buttons.map((b) => b.callback_data)).toEqual([
      `rem:rebook:${cancelled}:${asel.id}:${minutes(monday("10:00"))}`,
      `rem:rebook:${cancelled}:${asel.id}:${minutes(monday("10:45"))}`,
      `rem:rebook:${cancelled}:${asel.id}:${minutes(monday("12:15"))}`,
      "menu:consult",
      "menu:open",
    ]);
    expect(buttons[1]!.text).toBe("🗓 7 декабря, понедельник, 10:45");

    const booked = await person.click("🗓 7 декабря, понедельник, 10:45");
    const rows = await h.db.selectFrom("bookings").selectAll().where("user_id", "=", PERSON).where("status", "=", "confirmed").execute();
    expect(rows).toMatchObject([{ specialist_id: asel.id, starts_at: monday("10:45"), mode: "in_person", topic: "резюме", center_id: "almaly-1" }]);
    const center = (await h.db.selectFrom("centers").select("name_ru").where("id", "=", "almaly-1").executeTakeFirstOrThrow()).name_ru;
    const details = bookingDetailsText(h, "ru", { date: "2026-12-07", time: "10:45", service: "career", center, address: null, mode: "in_person", topic: "резюме" });
    expect(h.texts(booked)).toContain(ru("consult-booked", { details }));
    expect(booked.map((c) => c.method)).toContain("sendDocument");
    // The notice became a record: its other times cannot book a second consultation by mistake.
    const record = booked.find((c) => c.method === "editMessageText")!;
    expect(record.payload.reply_markup).toBeUndefined();
    // Its reminders are scheduled as for any booking.
    const reminders = await h.db.selectFrom("outbox").select("kind").where("booking_id", "=", rows[0]!.id).execute();
    expect(reminders.map((r) => r.kind)).toContain("booking_reminder");
  });

  it("offers the same service's times at the center when the specialist has none left", async () => {
    await signedUpUser(h, PERSON, "ru");
    const admin = h.user({ id: CITY_ADMIN, first_name: "Admin", language_code: "ru" });
    await insertBooking(h.db, { specialist: asel, userId: PERSON, startsAt: monday("11:30"), endsAt: monday("12:15") });
    // Асель leaves: her consultation is cancelled as if she had cancelled it.
    await admin.press(`cat:spec-off-yes:${asel.id}`);
    const buttons = noticeButtons(await dispatch());
    const offered = buttons.filter((b) => b.callback_data.startsWith("rem:rebook:"));
    expect(offered).toHaveLength(3);
    for (const b of offered) expect(b.callback_data.split(":")[3]).toBe(String(dana.id));
    expect(offered.map((b) => b.callback_data.split(":")[4])).toContain(String(minutes(monday("11:30"))));
  });

  it("books nothing for a forged, someone else's or taken time, and says so", async () => {
    const person = await signedUpUser(h, PERSON, "ru");
    const other = await signedUpUser(h, OTHER, "ru");
    const cancelled = await cancelledMonday();
    const at = minutes(monday("10:45"));
    const confirmedOf = (user: number) => h.db.selectFrom("bookings").select("id").where("user_id", "=", user).where("status", "=", "confirmed").execute();

    // Another service's specialist, a specialist of no such id, someone else's cancelled booking.
    for (const [who, data] of [
      [person, `rem:rebook:${cancelled}:${lawyer.id}:${at}`],
      [person, `rem:rebook:${cancelled}:99999:${at}`],
      [other, `rem:rebook:${cancelled}:${asel.id}:${at}`],
    ] as const) {
      const batch = await who.press(data);
      expect(batch.find((c) => c.method === "answerCallbackQuery")?.payload.text).toBe(ru("stale-button-alert"));
      expect(h.texts(batch)).toEqual([ru("reminders-rebook-taken")]);
    }
    // Someone else took 10:45 meanwhile.
    await insertBooking(h.db, { specialist: asel, userId: OTHER, startsAt: monday("10:45"), endsAt: monday("11:30") });
    expect(h.texts(await person.press(`rem:rebook:${cancelled}:${asel.id}:${at}`))).toEqual([ru("reminders-rebook-taken")]);
    // A time that is no slot of hers.
    expect(h.texts(await person.press(`rem:rebook:${cancelled}:${asel.id}:${at + 5}`))).toEqual([ru("reminders-rebook-taken")]);
    expect(await confirmedOf(PERSON)).toEqual([]);
  });
});
