import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { noticeRenderers } from "../../src/bot/notices.js";
import { cancelSignup, signUp } from "../../src/db/seats.js";
import type { Language } from "../../src/domain/language.js";
import { createLogger } from "../../src/logger.js";
import { OutboxDispatcher } from "../../src/scheduler/dispatcher.js";
import { insertEvent } from "../support/events.js";
import { insertCenter, insertCenterAdmin } from "../support/fixtures.js";
import { CENTER_ADMIN, CITY_ADMIN, NOBODY, createAdminHarness, type AdminHarness } from "../support/admins.js";
import type { ApiCall } from "../support/harness.js";
import { insertTeaTalkSession } from "../support/teatalk.js";
import { registerUser } from "../support/users.js";

const HOST = 903;
const OTHER_HOST = 904;

let h: AdminHarness;
let concert: number;
let session: number;

beforeEach(async () => {
  // Wednesday 2 December 2026, 10:00 in Almaty.
  h = await createAdminHarness();
  await insertCenter(h.db, { id: "almaly-1", district: "almaly" });
  await insertCenter(h.db, { id: "medeu-1", district: "medeu" });
  await insertCenterAdmin(h.db, { telegramId: CENTER_ADMIN, centerId: "almaly-1", grantedBy: CITY_ADMIN });
  // 10 December, 19:00 in Almaly, two seats; a tea-talk session on 5 December, 18:00 in Medeu.
  concert = await insertEvent(h.db, { centerId: "almaly-1", startsAt: "2026-12-10T14:00:00Z", capacity: 2, title: "Концерт", hostTelegramId: HOST });
  session = await insertTeaTalkSession(h.db, { centerId: "medeu-1", startsAt: "2026-12-05T13:00:00Z", capacity: 10, hostTelegramId: OTHER_HOST });
});
afterEach(async () => {
  await h.cleanup();
});

const t = (lang: Language) => (key: string, vars?: Record<string, string | number>) => h.i18n.t(lang, key, vars);
const ru = t("ru");
const kk = t("kk");

const cityAdmin = () => h.admin();
const centerAdmin = () => h.user({ id: CENTER_ADMIN, first_name: "Center", language_code: "ru" });

async function signUpAs(eventId: number, userId: number, language: Language) {
  await registerUser(h.db, userId, { language });
  return signUp(h.db, { eventId, userId }, { reminderMinutes: 24 * 60 }, h.clock.now());
}

async function eventRow(id: number) {
  return h.db.selectFrom("events").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

async function audit() {
  return h.db.selectFrom("audit_log").selectAll().orderBy("id").execute();
}

async function outbox(kind: string) {
  return h.db.selectFrom("outbox").select(["recipient_id", "state", "due_at", "dedupe_key"]).where("kind", "=", kind).orderBy("id").execute();
}

/** Sends what is due through the bot's own API client, as the scheduler does; returns the calls it made. */
async function dispatch(): Promise<ApiCall[]> {
  const from = h.calls.length;
  const deps = { config: h.config, db: h.db, logger: createLogger("silent"), clock: h.clock, api: h.bot.api, i18n: h.i18n, renderers: noticeRenderers };
  await new OutboxDispatcher(deps, { sleep: async (ms) => h.clock.advance(ms) }).dispatchDue();
  return h.calls.slice(from);
}

const sentTo = (batch: ApiCall[], chatId: number) => batch.filter((c) => c.method === "sendMessage" && c.payload.chat_id === chatId).map((c) => String(c.payload.text));

function refusal(batch: ApiCall[]) {
  return { alert: batch.find((c) => c.method === "answerCallbackQuery")?.payload.text, texts: h.texts(batch) };
}

describe("creating an event", () => {
  it("walks a city administrator through a tea-talk session, answering bad input, and creates it with its audit record", async () => {
    const admin = cityAdmin();
    await admin.send("/admin");
    await admin.click(ru("admin-button-events"));
    await admin.click(ru("evadm-button-new"));
    expect(h.texts(await admin.send("Медеу"))).toContain(ru("need-button"));
    await admin.click("Центр medeu-1");
    await admin.click(ru("event-category-teatalk"));
    await admin.click(ru("teatalk-level-intermediate"));
    expect(h.texts(await admin.send("Я"))).toEqual([ru("admin-text-invalid", { max: 120 })]);
    await admin.send("Жаңа жыл");
    await admin.send("Новый год");
    await admin.click(ru("button-skip"));
    await admin.send("Поговорим о праздниках");
    expect(h.texts(await admin.send("завтра вечером"))).toEqual([ru("evadm-start-unreadable"), ru("evadm-ask-start")]);
    expect(h.texts(await admin.send("01.12 18:00"))).toContain(ru("evadm-start-past"));
    await admin.send("12.12 18:30");
    expect(h.texts(await admin.send("17:00"))).toContain(ru("evadm-end-before-start"));
    await admin.send("20:00");
    // A tea-talk session has at most 40 seats and no "no limit".
    expect(admin.buttons().map((b) => b.text)).not.toContain(ru("evadm-button-no-limit"));
    expect(h.texts(await admin.send("41"))).toEqual([ru("evadm-capacity-invalid", { max: 40 })]);
    await admin.send("12");
    const confirm = h.texts(await admin.send("Айгерім"));
    expect(confirm.at(-1)).toContain("12 декабря, суббота, 18:30–20:00");
    expect(await h.db.selectFrom("events").select("id").where("title_ru", "=", "Новый год").execute()).toEqual([]);
    expect(h.texts(await admin.click(ru("evadm-button-create")))).toContain(ru("evadm-created"));

    const created = await h.db.selectFrom("events").selectAll().where("title_ru", "=", "Новый год").executeTakeFirstOrThrow();
    expect(created).toMatchObject({
      category: "teatalk",
      level: "intermediate",
      center_id: "medeu-1",
      district: "medeu",
      title_kk: "Жаңа жыл",
      description_kk: null,
      description_ru: "Поговорим о праздниках",
      starts_at: "2026-12-12T13:30:00.000Z",
      ends_at: "2026-12-12T15:00:00.000Z",
      capacity: 12,
      host_name: "Айгерім",
      status: "scheduled",
    });
    const [record] = await audit();
    expect(record).toMatchObject({ actor_id: CITY_ADMIN, action: "event.create", subject: `event:${created.id}`, center_id: "medeu-1", before: null });
    expect(JSON.parse(record!.after!)).toMatchObject({ title_ru: "Новый год", capacity: 12 });
  });

  it("lets a city administrator hold a festival at a place elsewhere in the city, which young people then see", async () => {
    const admin = cityAdmin();
    expect(h.texts(await admin.press("evadm:new"))).toEqual([ru("evadm-ask-place-city")]);
    await admin.click(ru("evadm-button-venue"));
    expect(h.texts(await admin.send("П"))).toEqual([ru("admin-text-invalid", { max: 120 })]);
    await admin.send("28 гвардияшы-панфиловшылар атындағы саябақ");
    await admin.send("Парк имени 28 гвардейцев-панфиловцев");
    expect(h.texts(await admin.send("Медеу"))).toContain(ru("need-button"));
    await admin.click(ru("district-medeu"));
    await admin.click(ru("event-category-festival"));
    await admin.send("Жастар фестивалі");
    await admin.send("Фестиваль молодёжи");
    await admin.click(ru("button-skip"));
    await admin.click(ru("button-skip"));
    await admin.send("19.12 12:00");
    await admin.send("18:00");
    await admin.click(ru("evadm-button-no-limit"));
    const confirm = h.texts(await admin.click(ru("button-skip")));
    expect(confirm.at(-1)).toContain("📍 Парк имени 28 гвардейцев-панфиловцев");
    await admin.click(ru("evadm-button-create"));

    const created = await h.db.selectFrom("events").selectAll().where("title_ru", "=", "Фестиваль молодёжи").executeTakeFirstOrThrow();
    expect(created).toMatchObject({
      category: "festival",
      center_id: null,
      venue_kk: "28 гвардияшы-панфиловшылар атындағы саябақ",
      venue_ru: "Парк имени 28 гвардейцев-панфиловцев",
      district: "medeu",
      starts_at: "2026-12-19T07:00:00.000Z",
    });
    expect((await audit()).map((r) => [r.action, r.center_id])).toEqual([["event.create", null]]);

    await registerUser(h.db, 21, { language: "kk" });
    const young = h.user({ id: 21, first_name: "Әсел", language_code: "kk" });
    await young.press("ev:l:all:medeu:all:0");
    expect(young.buttons().map((b) => b.callback_data)).toContain(`ev:e:${created.id}:all:medeu:all:0`);
    const details = h.texts(await young.press(`ev:e:${created.id}:all:medeu:all:0`)).join("\n");
    expect(details).toContain("Жастар фестивалі");
    expect(details).toContain("28 гвардияшы-панфиловшылар атындағы саябақ");
  });

  it("offers a center administrator their own centers only, and an event without a seat limit", async () => {
    const admin = centerAdmin();
    await admin.press("evadm:new");
    expect(admin.buttons().map((b) => b.text)).toEqual(["Центр almaly-1"]);
    // A forged choice of another center is not an answer.
    expect(h.texts(await admin.press("evn-center:medeu-1"))).toContain(ru("need-button"));
    // Nor is a place elsewhere in the city, which is the city administrators' to choose.
    expect(h.texts(await admin.press("evn-center:venue"))).toContain(ru("need-button"));
    await admin.click("Центр almaly-1");
    await admin.click(ru("event-category-concert"));
    await admin.send("Концерт kk");
    await admin.send("Концерт ru");
    await admin.click(ru("button-skip"));
    await admin.click(ru("button-skip"));
    await admin.send("20.12 19:00");
    await admin.send("21:00");
    await admin.click(ru("evadm-button-no-limit"));
    await admin.click(ru("button-skip"));
    await admin.click(ru("evadm-button-create"));
    expect(await h.db.selectFrom("events").select(["center_id", "capacity", "host_name"]).where("title_ru", "=", "Концерт ru").execute()).toEqual([
      { center_id: "almaly-1", capacity: null, host_name: null },
    ]);
  });
});

describe("changing an event", () => {
  it("moves the time, tells each person signed up once in their language, and moves their reminders", async () => {
    await signUpAs(concert, 11, "kk");
    await signUpAs(concert, 12, "ru");
    const before = await outbox("event_reminder");
    expect(before.map((r) => r.due_at)).toEqual(["2026-12-09T14:00:00.000Z", "2026-12-09T14:00:00.000Z"]);

    const admin = centerAdmin();
    await admin.press(`evadm:event:${concert}`);
    await admin.click(ru("evadm-button-time"));
    await admin.send("11.12 18:00");
    const confirm = h.texts(await admin.send("20:00"));
    expect(confirm.at(-1)).toBe(ru("evadm-confirm-time", { day: "11 декабря, пятница", time: "18:00–20:00", count: 2 }));
    expect(h.texts(await admin.click(ru("evadm-button-save")))).toContain(ru("evadm-saved-told", { count: 2 }));

    expect(await eventRow(concert)).toMatchObject({ starts_at: "2026-12-11T13:00:00.000Z", ends_at: "2026-12-11T15:00:00.000Z" });
    expect((await outbox("event_reminder")).map((r) => [r.due_at, r.state])).toEqual([
      ["2026-12-10T13:00:00.000Z", "pending"],
      ["2026-12-10T13:00:00.000Z", "pending"],
    ]);
    expect((await outbox("event_changed")).map((r) => r.recipient_id)).toEqual([11, 12]);
    const [record] = await audit();
    expect(record).toMatchObject({ actor_id: CENTER_ADMIN, action: "event.edit", center_id: "almaly-1" });
    expect(JSON.parse(record!.before!).starts_at).toBe("2026-12-10T14:00:00.000Z");
    expect(JSON.parse(record!.after!).starts_at).toBe("2026-12-11T13:00:00.000Z");

    const sent = await dispatch();
    expect(sentTo(sent, 11)).toHaveLength(1);
    expect(sentTo(sent, 11)[0]).toContain(kk("evadm-notice-changed", { details: "" }).trim());
    expect(sentTo(sent, 11)[0]).toContain("11 желтоқсан, жұма");
    expect(sentTo(sent, 12)).toHaveLength(1);
    expect(sentTo(sent, 12)[0]).toContain("11 декабря, пятница, 18:00–20:00");
    // Told once: nothing more goes out.
    expect(sentTo(await dispatch(), 11)).toEqual([]);
  });

  it("tells of a move to another center, but not once the event is called off before the notice goes", async () => {
    await signUpAs(concert, 11, "ru");
    const admin = cityAdmin();
    await admin.press(`evadm:edit:${concert}:place`);
    expect(h.texts(await admin.click("Центр medeu-1"))).toContain(ru("evadm-saved-told", { count: 1 }));
    expect(await eventRow(concert)).toMatchObject({ center_id: "medeu-1", district: "medeu" });
    expect((await outbox("event_changed")).map((r) => r.recipient_id)).toEqual([11]);

    await admin.press(`evadm:cancel-yes:${concert}`);
    const sent = sentTo(await dispatch(), 11);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain("Мероприятие, на которое вы записались, отменено");
    expect(sent[0]).toContain("Центр medeu-1");
  });

  it("moves an event from a center to a place elsewhere in the city, and tells the people signed up", async () => {
    await signUpAs(concert, 11, "ru");
    const admin = cityAdmin();
    await admin.press(`evadm:edit:${concert}:place`);
    await admin.click(ru("evadm-button-venue"));
    await admin.send("Республика алаңы");
    await admin.send("Площадь Республики");
    expect(h.texts(await admin.click(ru("district-almaly")))).toContain(ru("evadm-saved-told", { count: 1 }));
    expect(await eventRow(concert)).toMatchObject({ center_id: null, venue_ru: "Площадь Республики", venue_kk: "Республика алаңы", district: "almaly" });
    expect((await outbox("event_changed")).map((r) => r.recipient_id)).toEqual([11]);
    expect(sentTo(await dispatch(), 11).join("\n")).toContain("Площадь Республики");
  });

  it("refuses seats fewer than those taken, with a clear message, and changes nothing", async () => {
    await signUpAs(concert, 11, "ru");
    await signUpAs(concert, 12, "ru");
    const admin = cityAdmin();
    await admin.press(`evadm:edit:${concert}:capacity`);
    expect(h.texts(await admin.send("1"))).toContain(ru("evadm-capacity-below", { taken: 2 }));
    expect((await eventRow(concert)).capacity).toBe(2);
    expect(await audit()).toEqual([]);
  });

  it("gives the seats added to the first in line", async () => {
    await signUpAs(concert, 11, "ru");
    await signUpAs(concert, 12, "ru");
    await signUpAs(concert, 13, "ru");
    const admin = cityAdmin();
    await admin.press(`evadm:edit:${concert}:capacity`);
    await admin.send("3");
    expect((await eventRow(concert)).capacity).toBe(3);
    expect(await h.db.selectFrom("event_signups").select("status").where("user_id", "=", 13).executeTakeFirstOrThrow()).toEqual({ status: "offered" });
    // A change of seats alone is no news to those signed up.
    expect(await outbox("event_changed")).toEqual([]);
  });
});

describe("cancelling an event", () => {
  it("tells everyone signed up, offered a seat or waiting, once and in their language, and drops their reminders", async () => {
    await signUpAs(concert, 11, "kk");
    await signUpAs(concert, 12, "ru");
    await signUpAs(concert, 13, "ru");
    // 12 lets their seat go: 13, first in line, is offered it; 14 waits.
    const { id: seat12 } = await h.db.selectFrom("event_signups").select("id").where("user_id", "=", 12).executeTakeFirstOrThrow();
    await cancelSignup(h.db, { signupId: seat12, userId: 12 }, h.clock.now());
    await signUpAs(concert, 14, "kk");
    expect((await h.db.selectFrom("event_signups").select("status").where("event_id", "=", concert).orderBy("id").execute()).map((r) => r.status)).toEqual([
      "confirmed",
      "cancelled",
      "offered",
      "waitlisted",
    ]);

    const admin = cityAdmin();
    await admin.press(`evadm:event:${concert}`);
    await admin.click(ru("evadm-button-cancel-event"));
    const done = h.texts(await admin.click(ru("evadm-button-cancel-yes")));
    expect(done[0]).toContain(ru("evadm-cancelled", { title: "Концерт", count: 3 }));

    expect((await eventRow(concert)).status).toBe("cancelled");
    expect((await outbox("event_reminder")).map((r) => r.state)).toEqual(["cancelled", "cancelled"]);
    expect((await outbox("event_offer")).map((r) => r.state)).toEqual(["cancelled"]);
    expect((await outbox("event_cancelled")).map((r) => r.recipient_id)).toEqual([11, 13, 14]);
    expect(await audit()).toMatchObject([{ action: "event.cancel", subject: `event:${concert}`, before: '{"status":"scheduled"}', after: '{"status":"cancelled"}' }]);

    const sent = await dispatch();
    expect(sentTo(sent, 11)).toHaveLength(1);
    expect(sentTo(sent, 11)[0]).toContain("Сіз жазылған іс-шара болмайды");
    expect(sentTo(sent, 13)[0]).toContain("Мероприятие, на которое вы записались, отменено");
    expect(sentTo(sent, 14)).toHaveLength(1);
    expect(sentTo(sent, 12)).toEqual([]);

    // A second press of the kept button cancels nothing twice.
    expect(h.texts(await admin.press(`evadm:cancel-yes:${concert}`))).toEqual([ru("evadm-gone")]);
    expect(await outbox("event_cancelled")).toHaveLength(3);
    expect(await audit()).toHaveLength(1);
  });
});

describe("who may manage which event", () => {
  it("refuses a center administrator another center's session, whatever button they forge", async () => {
    const admin = centerAdmin();
    for (const data of [`evadm:event:${session}`, `evadm:edit:${session}:title`, `evadm:cancel:${session}`, `evadm:cancel-yes:${session}`]) {
      expect(refusal(await admin.press(data))).toEqual({ alert: ru("staff-not-allowed"), texts: [ru("staff-not-allowed")] });
    }
    expect((await eventRow(session)).status).toBe("scheduled");
    expect(await audit()).toEqual([]);
  });

  it("refuses a center administrator moving their event to another center", async () => {
    const admin = centerAdmin();
    await admin.press(`evadm:edit:${concert}:place`);
    expect(admin.buttons().map((b) => b.text)).toEqual(["Центр almaly-1"]);
  });

  it("refuses someone without a role, and lists no events for them", async () => {
    const person = h.user({ id: NOBODY, first_name: "X", language_code: "ru" });
    for (const data of ["evadm:list:0", "evadm:new", `evadm:cancel-yes:${concert}`, `evadm:edit:${concert}:time`]) {
      expect(refusal(await person.press(data))).toEqual({ alert: ru("staff-not-allowed"), texts: [ru("staff-not-allowed")] });
    }
    expect((await eventRow(concert)).status).toBe("scheduled");
  });

  it("lets an organiser change and cancel their own event from /host, but not someone else's session", async () => {
    const host = h.user({ id: HOST, first_name: "Host", language_code: "ru" });
    await host.send("/host");
    await host.click(ru("evadm-button-mine"));
    await host.click(/Концерт/);
    expect(host.buttons().map((b) => b.text)).not.toContain(ru("evadm-button-place"));
    await host.click(ru("evadm-button-title"));
    await host.send("Жаңа атау");
    // Those signed up are not told of a new title.
    expect(h.texts(await host.send("Новое название"))).toEqual([ru("admin-saved")]);
    expect((await eventRow(concert)).title_ru).toBe("Новое название");
    expect(await audit()).toMatchObject([{ actor_id: HOST, action: "event.edit" }]);

    expect(refusal(await host.press(`evadm:cancel-yes:${session}`)).texts).toEqual([ru("staff-not-allowed")]);
    expect(refusal(await host.press(`evadm:edit:${concert}:place`)).texts).toEqual([ru("staff-not-allowed")]);
    expect((await eventRow(session)).status).toBe("scheduled");

    await host.press(`evadm:cancel:${concert}`);
    await host.click(ru("evadm-button-cancel-yes"));
    expect((await eventRow(concert)).status).toBe("cancelled");
  });
});
