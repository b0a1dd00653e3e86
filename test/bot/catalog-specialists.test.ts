import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Specialist } from "../../src/db/schema.js";
import type { Language } from "../../src/domain/language.js";
import { formatDay } from "../../src/domain/time.js";
import { insertBooking, insertSpecialist } from "../support/fixtures.js";
import { CENTER_ADMIN, CITY_ADMIN, NOBODY, alerts, createAdminHarness, type AdminHarness } from "../support/admins.js";
import { registerUser } from "../support/users.js";

const PERSON = 910;

let h: AdminHarness;
let almaly: Specialist;

beforeEach(async () => {
  // Wednesday 2 December 2026, 10:00 in Almaty.
  h = await createAdminHarness({ catalog: true });
  almaly = await insertSpecialist(h.db, {
    centerId: "almaly-1",
    service: "career",
    displayName: "Асель",
    slotMinutes: 45,
    hours: [{ start: "10:00", end: "13:00" }],
    weekdays: [1, 2, 3, 4, 5],
  });
  await registerUser(h.db, PERSON);
});
afterEach(async () => {
  await h.cleanup();
});

const t = (lang: Language) => (key: string, vars?: Record<string, string | number>) => h.i18n.t(lang, key, vars);
const ru = t("ru");
const kk = t("kk");

const audit = () => h.db.selectFrom("audit_log").selectAll().orderBy("id").execute();
const hoursOf = (id: number) =>
  h.db.selectFrom("specialist_hours").select(["weekday", "start_time", "end_time"]).where("specialist_id", "=", id).orderBy("weekday").orderBy("start_time").execute();
const overridesOf = (id: number) =>
  h.db.selectFrom("specialist_overrides").select(["date", "kind", "start_time", "end_time"]).where("specialist_id", "=", id).orderBy("date").orderBy("start_time").execute();

/** Monday 7 December, 11:00–11:45 in Almaty: inside Асель's weekly hours. */
const bookMonday = () =>
  insertBooking(h.db, { specialist: almaly, userId: PERSON, startsAt: "2026-12-07T06:00:00Z", endsAt: "2026-12-07T06:45:00Z" });

describe("a center's specialists", () => {
  it("are added by the center's administrator with their service, and recorded", async () => {
    await h.grantCenter(CENTER_ADMIN, "medeu-1");
    const admin = h.user({ id: CENTER_ADMIN, first_name: "Center", language_code: "kk" });
    await admin.press("cat:center:medeu-1");
    expect(h.texts(await admin.click(kk("catalog-button-specialists")))).toEqual([
      kk("catalog-specialists-none", { center: "Медеу ауданының №1 жастар орталығы" }),
    ]);
    await admin.click(kk("catalog-button-new-specialist"));
    expect(h.texts(await admin.send("А"))).toEqual([kk("catalog-specialist-name-invalid", { max: 80 })]);
    await admin.send("Айгерім  С.");
    await admin.click(kk("service-lawyer"));
    const done = await admin.click(kk("catalog-yes"));
    expect(h.texts(done)).toContain(kk("catalog-specialist-added", { name: "Айгерім С." }));

    const added = await h.db.selectFrom("specialists").selectAll().where("center_id", "=", "medeu-1").execute();
    expect(added).toMatchObject([{ display_name: "Айгерім С.", service: "lawyer", online: 1, active: 1, slot_minutes: 30, telegram_id: null }]);
    expect(await audit()).toMatchObject([{ actor_id: CENTER_ADMIN, action: "specialist.add", subject: `specialist:${added[0]!.id}`, center_id: "medeu-1" }]);
  });

  it("have their weekday hours set in one or more ranges, or a day off, checked and recorded", async () => {
    const admin = h.admin();
    await admin.press(`cat:spec:${almaly.id}`);
    expect(h.texts(await admin.click(ru("catalog-weekday-6")))).toEqual([ru("catalog-ask-weekday", { day: ru("catalog-weekday-6") })]);
    expect(h.texts(await admin.send("13:00-10:00"))).toEqual([ru("catalog-ranges-invalid")]);
    expect(h.texts(await admin.send("10:00-13:00, 12:00-14:00"))).toEqual([ru("catalog-ranges-invalid")]);
    const saved = h.texts(await admin.send("10:00-13:00, 14:00–18:00"));
    expect(saved[0]).toBe(ru("catalog-saved"));
    expect(saved[1]).toContain(`${ru("catalog-weekday-6")}: 10:00–13:00, 14:00–18:00`);
    expect((await hoursOf(almaly.id)).filter((r) => r.weekday === 6)).toEqual([
      { weekday: 6, start_time: "10:00", end_time: "13:00" },
      { weekday: 6, start_time: "14:00", end_time: "18:00" },
    ]);

    await admin.click(ru("catalog-weekday-5"));
    await admin.click(ru("catalog-button-day-off"));
    expect((await hoursOf(almaly.id)).filter((r) => r.weekday === 5)).toEqual([]);
    const entries = await audit();
    expect(entries.map((e) => [e.action, JSON.parse(e.before!), JSON.parse(e.after!)])).toEqual([
      ["specialist.hours", { weekday: 6, ranges: [] }, { weekday: 6, ranges: [{ start: "10:00", end: "13:00" }, { start: "14:00", end: "18:00" }] }],
      ["specialist.hours", { weekday: 5, ranges: [{ start: "10:00", end: "13:00" }] }, { weekday: 5, ranges: [] }],
    ]);
  });

  it("say how many bookings new hours leave outside, change only when confirmed, and keep the bookings", async () => {
    const booking = await bookMonday();
    const admin = h.admin();
    await admin.press(`cat:spec:${almaly.id}`);
    await admin.click(ru("catalog-weekday-1"));
    expect(h.texts(await admin.send("14:00-18:00"))).toEqual([ru("catalog-bookings-outside", { count: 1 })]);
    await admin.click(ru("button-cancel"));
    expect((await hoursOf(almaly.id)).filter((r) => r.weekday === 1)).toEqual([{ weekday: 1, start_time: "10:00", end_time: "13:00" }]);
    expect(await audit()).toEqual([]);

    // Hours that still hold the booking ask nothing.
    await admin.press(`cat:spec:${almaly.id}`);
    await admin.click(ru("catalog-weekday-1"));
    expect(h.texts(await admin.send("11:00-12:00"))[0]).toBe(ru("catalog-saved"));

    await admin.click(ru("catalog-weekday-1"));
    await admin.send("14:00-18:00");
    await admin.click(ru("catalog-button-save-anyway"));
    expect((await hoursOf(almaly.id)).filter((r) => r.weekday === 1)).toEqual([{ weekday: 1, start_time: "14:00", end_time: "18:00" }]);
    const kept = await h.db.selectFrom("bookings").select("status").where("id", "=", booking).executeTakeFirstOrThrow();
    expect(kept.status).toBe("confirmed");
  });

  it("get a date off or other hours on a date, with the same warning, and the date can be removed again", async () => {
    await bookMonday();
    const admin = h.admin(CITY_ADMIN, "kk");
    await admin.press(`cat:dates:${almaly.id}`);
    await admin.click(kk("catalog-button-new-date"));
    expect(h.texts(await admin.send("01.12.2026"))).toEqual([kk("catalog-date-invalid")]);
    expect(h.texts(await admin.send("32.12"))).toEqual([kk("catalog-date-invalid")]);
    const monday = formatDay("2026-12-07", "kk");
    expect(h.texts(await admin.send("7.12"))).toEqual([kk("catalog-ask-date-hours", { day: monday })]);
    expect(h.texts(await admin.click(kk("catalog-button-day-off")))).toContain(kk("catalog-bookings-outside", { count: 1 }));
    const saved = h.texts(await admin.click(kk("catalog-button-save-anyway")));
    expect(saved).toContain(kk("catalog-saved"));
    expect(saved.at(-1)).toContain(`${monday}: ${kk("catalog-day-off")}`);
    expect(await overridesOf(almaly.id)).toEqual([{ date: "2026-12-07", kind: "off", start_time: null, end_time: null }]);

    // Other hours on a date replace the day off.
    await admin.click(kk("catalog-button-new-date"));
    await admin.send("07.12.2026");
    expect(h.texts(await admin.send("10:30-12:00"))).toContain(kk("catalog-saved"));
    expect(await overridesOf(almaly.id)).toEqual([{ date: "2026-12-07", kind: "hours", start_time: "10:30", end_time: "12:00" }]);

    await admin.click(`🗑 ${monday}`);
    await admin.click(kk("catalog-button-remove-date"));
    expect(await overridesOf(almaly.id)).toEqual([]);
    expect((await audit()).map((a) => a.action)).toEqual(["specialist.date", "specialist.date", "specialist.date.remove"]);
  });

  it("leave the list when deactivated: their upcoming bookings are cancelled and the people told", async () => {
    const booking = await bookMonday();
    const admin = h.admin();
    await admin.press(`cat:spec:${almaly.id}`);
    expect(h.texts(await admin.click(ru("catalog-button-deactivate")))).toEqual([ru("catalog-deactivate-confirm", { name: "Асель", count: 1 })]);
    const done = h.texts(await admin.click(ru("catalog-button-deactivate-yes")));
    expect(done[0]).toContain(ru("catalog-specialist-deactivated", { name: "Асель", count: 1 }));

    expect(await h.db.selectFrom("specialists").select("active").where("id", "=", almaly.id).executeTakeFirstOrThrow()).toEqual({ active: 0 });
    expect(await h.db.selectFrom("bookings").select(["status", "cancelled_by"]).where("id", "=", booking).executeTakeFirstOrThrow()).toEqual({
      status: "cancelled",
      cancelled_by: "specialist",
    });
    const notices = await h.db.selectFrom("outbox").select(["kind", "recipient_id"]).where("booking_id", "=", booking).where("state", "=", "pending").execute();
    expect(notices.map((n) => n.kind).sort()).toEqual(["booking_calendar_cancelled", "booking_cancelled_by_staff"]);
    expect(await audit()).toMatchObject([{ action: "specialist.deactivate", subject: `specialist:${almaly.id}`, center_id: "almaly-1" }]);
    // A kept button of theirs says they are gone.
    expect(alerts(await admin.press(`cat:spec:${almaly.id}`))).toEqual([ru("catalog-specialist-gone")]);
  });
});

describe("who may change a specialist", () => {
  it("refuses another center's administrator and anyone else, and changes nothing", async () => {
    await h.grantCenter(CENTER_ADMIN, "medeu-1");
    const booking = await bookMonday();
    await h.db.insertInto("specialist_overrides").values({ specialist_id: almaly.id, date: "2026-12-08", kind: "off", start_time: null, end_time: null }).execute();
    const forged = [
      "cat:specs:almaly-1",
      "cat:spec-new:almaly-1",
      `cat:spec:${almaly.id}`,
      `cat:day:${almaly.id}:1`,
      `cat:dates:${almaly.id}`,
      `cat:date-new:${almaly.id}`,
      `cat:date-del:${almaly.id}:2026-12-08`,
      `cat:date-del-yes:${almaly.id}:2026-12-08`,
      `cat:spec-off:${almaly.id}`,
      `cat:spec-off-yes:${almaly.id}`,
    ];
    const dump = async () => ({
      specialists: await h.db.selectFrom("specialists").selectAll().execute(),
      hours: await hoursOf(almaly.id),
      overrides: await overridesOf(almaly.id),
      booking: await h.db.selectFrom("bookings").selectAll().where("id", "=", booking).execute(),
    });
    const before = await dump();
    for (const id of [CENTER_ADMIN, NOBODY]) {
      const person = h.user({ id, first_name: "Someone", language_code: "ru" });
      for (const data of forged) {
        const batch = await person.press(data);
        expect(alerts(batch), data).toEqual([ru("staff-not-allowed")]);
        // A flow it might have opened would take this as an answer.
        await person.send("10:00-11:00");
      }
    }
    expect(await dump()).toEqual(before);
    expect(await audit()).toEqual([]);
  });
});
