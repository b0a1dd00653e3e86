import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { noticeRenderers } from "../../src/bot/notices.js";
import type { Language } from "../../src/domain/language.js";
import { createLogger } from "../../src/logger.js";
import { OutboxDispatcher } from "../../src/scheduler/dispatcher.js";
import { insertEvent } from "../support/events.js";
import { insertCenter } from "../support/fixtures.js";
import { createHarness, type ApiCall, type Harness } from "../support/harness.js";
import { insertTeaTalkSession } from "../support/teatalk.js";
import { registerUser } from "../support/users.js";

// Monday 23 November 2026, 09:00 in Almaty.
let h: Harness;
let concert: number;
let festival: number;
let run: number;
let called: number;
const ORGANISER = 7200;

beforeEach(async () => {
  h = await createHarness({ now: "2026-11-23T04:00:00Z" });
  await insertCenter(h.db, { id: "almaly-1", district: "almaly" });
  await insertCenter(h.db, { id: "medeu-1", district: "medeu" });
  // Tomorrow 19:00 in Almaly, one seat; Saturday 12:00 in a park, no limit; today 18:00 in Medeu.
  concert = await insertEvent(h.db, {
    centerId: "almaly-1",
    startsAt: "2026-11-24T14:00:00Z",
    capacity: 1,
    category: "concert",
    title: "Акустика & джаз",
    hostTelegramId: ORGANISER,
  });
  festival = await insertEvent(h.db, { startsAt: "2026-11-28T07:00:00Z", minutes: 360, capacity: null, category: "festival", title: "Фестиваль", district: "medeu" });
  run = await insertEvent(h.db, { centerId: "medeu-1", startsAt: "2026-11-23T13:00:00Z", capacity: 20, category: "sport", title: "Пробежка" });
  // Not listed: called off, or beyond the month ahead.
  called = await insertEvent(h.db, { centerId: "almaly-1", startsAt: "2026-11-25T13:00:00Z", status: "cancelled", title: "Отменённое" });
  await insertEvent(h.db, { centerId: "almaly-1", startsAt: "2027-01-20T13:00:00Z", title: "Далёкое" });
});
afterEach(async () => {
  await h.cleanup();
});

const t = (lang: Language) => (key: string, vars?: Record<string, string | number>) => h.i18n.t(lang, key, vars);
const ru = t("ru");
const kk = t("kk");

function answer(batch: ApiCall[]): Record<string, any> | undefined {
  return batch.find((c) => c.method === "answerCallbackQuery")?.payload;
}

const documentOf = (batch: ApiCall[]) => String(batch.find((c) => c.method === "sendDocument")?.payload.document ?? "");

/** Sends what is due through the bot's own API client, as the scheduler does; returns the calls it made. */
async function dispatch(): Promise<ApiCall[]> {
  const from = h.calls.length;
  const deps = { config: h.config, db: h.db, logger: createLogger("silent"), clock: h.clock, api: h.bot.api, i18n: h.i18n, renderers: noticeRenderers };
  await new OutboxDispatcher(deps, { sleep: async (ms) => h.clock.advance(ms) }).dispatchDue();
  return h.calls.slice(from);
}

async function signupsOf(eventId: number) {
  return h.db.selectFrom("event_signups").select(["id", "user_id", "status"]).where("event_id", "=", eventId).orderBy("id").execute();
}

async function person(id: number, language: Language = "ru", name = "Айдана Серикова") {
  await registerUser(h.db, id, { language, name });
  return h.user({ id, first_name: name.split(" ")[0]!, language_code: language });
}

const concertRu = {
  title: "Акустика &amp; джаз",
  category: "Концерт",
  day: "24 ноября, вторник",
  time: "19:00–21:00",
  place: "Центр almaly-1",
  district: "Алмалинский район",
};
const festivalRu = { title: "Фестиваль", category: "Фестиваль", day: "28 ноября, суббота", time: "12:00–18:00", place: "Парк", district: "Медеуский район" };
const runRu = { title: "Пробежка", category: "Спорт", day: "23 ноября, понедельник", time: "18:00–20:00", place: "Центр medeu-1", district: "Медеуский район" };
const start = "all:all:all:0";

describe("the events list", () => {
  it("opens from the main menu instead of \"coming soon\", with seats, filters and the way to one's own", async () => {
    const u = h.user({ id: 501, first_name: "Гость", language_code: "ru" });
    const opened = await u.press("menu:events");
    expect(answer(opened)).toBeDefined();
    const title = ru("events-list-title", { category: ru("events-all-categories"), district: ru("events-all-districts"), period: ru("events-period-all") });
    expect(h.texts(opened)).toEqual([
      [
        title,
        ru("events-list-line", { n: 1, ...runRu, seats: ru("events-seats-free", { free: 20 }) }),
        ru("events-list-line", { n: 2, ...concertRu, seats: ru("events-seats-free", { free: 1 }) }),
        ru("events-list-line", { n: 3, ...festivalRu, seats: ru("events-seats-open") }),
        ru("events-list-hint"),
      ].join("\n\n"),
    ]);
    expect(u.buttons().map((b) => b.callback_data)).toEqual([
      `ev:e:${run}:${start}`,
      `ev:e:${concert}:${start}`,
      `ev:e:${festival}:${start}`,
      `ev:fc:${start}`,
      `ev:fd:${start}`,
      `ev:fp:${start}`,
      "ev:my",
      "menu:open",
    ]);
  });

  it("filters by category, district and days, keeping the other filters", async () => {
    const u = h.user({ id: 502, first_name: "Гость", language_code: "ru" });
    await u.press("menu:events");
    expect(h.texts(await u.press(`ev:fc:${start}`))).toEqual([ru("events-choose-category")]);
    await u.click(ru("event-category-concert"));
    expect(u.buttons().map((b) => b.callback_data).filter((d) => d!.startsWith("ev:e:"))).toEqual([`ev:e:${concert}:concert:all:all:0`]);

    await u.press("ev:fd:concert:all:all:0");
    await u.click(ru("district-medeu"));
    const none = h.calls.at(-1)!;
    expect(String(none.payload.text)).toContain(ru("events-list-empty"));

    await u.press("ev:fc:all:medeu:all:0");
    await u.click(ru("events-all-categories"));
    expect(u.buttons().map((b) => b.callback_data).filter((d) => d!.startsWith("ev:e:"))).toEqual([
      `ev:e:${run}:all:medeu:all:0`,
      `ev:e:${festival}:all:medeu:all:0`,
    ]);

    expect(h.texts(await u.press("ev:fp:all:medeu:all:0"))).toEqual([ru("events-choose-period")]);
    await u.click(ru("events-period-today"));
    expect(u.buttons().map((b) => b.callback_data).filter((d) => d!.startsWith("ev:e:"))).toEqual([`ev:e:${run}:all:medeu:today:0`]);
    await u.press("ev:l:all:all:weekend:0");
    expect(u.buttons().map((b) => b.callback_data).filter((d) => d!.startsWith("ev:e:"))).toEqual([`ev:e:${festival}:all:all:weekend:0`]);
    await u.press("ev:l:all:all:tomorrow:0");
    expect(u.buttons().map((b) => b.callback_data).filter((d) => d!.startsWith("ev:e:"))).toEqual([`ev:e:${concert}:all:all:tomorrow:0`]);
  });

  it("pages through many events, reading a page at a time, and a page beyond the end shows the last", async () => {
    const more: number[] = [];
    for (let i = 0; i < 8; i++) {
      more.push(await insertEvent(h.db, { centerId: "almaly-1", startsAt: new Date(Date.UTC(2026, 11, 1 + i, 13)), category: "education", title: `Урок ${i + 1}` }));
    }
    const u = h.user({ id: 503, first_name: "Гость", language_code: "kk" });
    const first = await u.press("ev:l:education:all:all:0");
    expect(h.texts(first)[0]).toContain(kk("events-list-page", { page: 1, pages: 2 }));
    expect(u.buttons().map((b) => b.text).slice(0, 6)).toEqual(["1", "2", "3", "4", "5", "6"]);
    expect(u.buttons().find((b) => b.text === kk("events-button-next"))?.callback_data).toBe("ev:l:education:all:all:1");
    expect(u.buttons().find((b) => b.text === kk("events-button-prev"))).toBeUndefined();

    const second = await u.click(kk("events-button-next"));
    expect(h.texts(second)[0]).toContain(kk("events-list-page", { page: 2, pages: 2 }));
    expect(u.buttons().map((b) => b.text).slice(0, 2)).toEqual(["7", "8"]);
    expect(u.buttons()[0]!.callback_data).toBe(`ev:e:${more[6]}:education:all:all:1`);
    expect(u.buttons().find((b) => b.text === kk("events-button-next"))).toBeUndefined();

    await u.press("ev:l:education:all:all:9");
    expect(u.buttons()[0]!.callback_data).toBe(`ev:e:${more[6]}:education:all:all:1`);
  });
});

describe("an event's card and signing up", () => {
  it("shows the details, signs up, sends a calendar file, and cancelling takes it out again", async () => {
    const a = await person(511);
    const card = await a.press(`ev:e:${concert}:${start}`);
    const text = h.texts(card)[0]!;
    expect(text).toContain(ru("events-details", concertRu));
    expect(text).toContain(ru("events-card-organiser", { host: "Организатор" }));
    expect(text).toContain(ru("events-card-seats-of", { free: 1, capacity: 1 }));
    expect(text).toContain(ru("events-card-address", { address: "адрес" }));
    expect(text).toContain("Описание");
    expect(a.buttons().map((b) => b.callback_data)).toEqual([`ev:join:${concert}:${start}`, `ev:map:${concert}`, `ev:l:${start}`, "menu:open"]);
    const pin = await a.press(`ev:map:${concert}`);
    expect(pin.find((c) => c.method === "sendVenue")?.payload).toMatchObject({
      latitude: 43.25,
      longitude: 76.92,
      title: "Акустика & джаз",
      address: "Центр almaly-1, адрес",
    });
    await a.press(`ev:e:${concert}:${start}`);

    const joined = await a.click(ru("events-button-join"));
    expect(answer(joined)).toMatchObject({ text: ru("events-joined-alert") });
    expect(h.texts(joined).at(-1)).toBe(
      ru("events-joined", { title: concertRu.title, when: ru("reminders-when-tomorrow", { time: "19:00" }), place: "Центр almaly-1" }),
    );
    const [mine] = await signupsOf(concert);
    expect(mine).toMatchObject({ user_id: 511, status: "confirmed" });
    // The reminder waits in the outbox, a day before, gone at the start.
    expect(await h.db.selectFrom("outbox").select(["kind", "due_at", "expires_at", "dedupe_key"]).where("recipient_id", "=", 511).execute()).toEqual([
      { kind: "event_reminder", due_at: "2026-11-23T14:00:00.000Z", expires_at: "2026-11-24T14:00:00.000Z", dedupe_key: `event_reminder:${mine!.id}` },
    ]);

    const file = await a.click(ru("events-button-calendar"));
    const ics = documentOf(file);
    expect(h.texts(file)).toEqual([ru("events-ics-caption")]);
    expect(ics).toContain("METHOD:PUBLISH\r\n");
    expect(ics).toContain(`\r\nUID:event-signup-${mine!.id}@jastar-bot\r\n`);
    expect(ics).toContain("\r\nSEQUENCE:0\r\n");
    expect(ics).toContain("\r\nDTSTART:20261124T140000Z\r\n");
    expect(ics).toContain("\r\nSUMMARY:Акустика & джаз\r\n");

    // Signing up again finds the seat already there.
    const again = await a.press(`ev:join:${concert}:${start}`);
    expect(h.texts(again)).toEqual([ru("events-already-confirmed")]);

    const asked = await a.press(`ev:cancel:${mine!.id}`);
    expect(h.texts(asked)).toEqual([ru("events-cancel-confirm", { details: ru("events-details", concertRu) })]);
    const cancelled = await a.click(ru("events-button-cancel-yes"));
    expect(answer(cancelled)).toMatchObject({ text: ru("events-cancelled-alert") });
    expect(h.texts(cancelled)).toEqual([ru("events-cancelled"), ru("events-ics-cancelled-caption")]);
    const out = documentOf(cancelled);
    expect(out).toContain("METHOD:CANCEL\r\n");
    expect(out).toContain(`\r\nUID:event-signup-${mine!.id}@jastar-bot\r\n`);
    expect(out).toContain("\r\nSEQUENCE:1\r\n");
    expect((await signupsOf(concert)).map((s) => s.status)).toEqual(["cancelled"]);
    expect(await h.db.selectFrom("outbox").select("state").where("recipient_id", "=", 511).execute()).toEqual([{ state: "cancelled" }]);
  });

  it("asks a visitor without an account to sign up first, and comes back to the event afterwards", async () => {
    const guest = h.user({ id: 512, first_name: "Гость", language_code: "ru" });
    const pressed = await guest.press(`ev:join:${concert}:${start}`);
    expect(h.texts(pressed)).toEqual([ru("need-signup")]);
    expect(guest.buttons().map((b) => b.callback_data)).toEqual([`signup:event_${concert}`]);
    expect(await signupsOf(concert)).toEqual([]);
  });

  it("names no address and shows no map where the center's are placeholders, nor at a venue without a point", async () => {
    await insertCenter(h.db, { id: "turksib-1", district: "turksib", placeholder: 1 });
    const placeholder = await insertEvent(h.db, { centerId: "turksib-1", startsAt: "2026-11-26T13:00:00Z" });
    const u = h.user({ id: 518, first_name: "Гость", language_code: "ru" });
    for (const id of [placeholder, festival]) {
      const card = await u.press(`ev:e:${id}`);
      expect(h.texts(card)[0]).not.toContain(ru("events-card-address", { address: "адрес" }));
      expect(u.buttons().map((b) => b.callback_data)).not.toContain(`ev:map:${id}`);
    }
  });

  it("lets anyone join an event without a seat limit", async () => {
    for (const id of [513, 514, 515]) {
      const u = await person(id);
      await u.press(`ev:join:${festival}`);
    }
    expect((await signupsOf(festival)).map((s) => s.status)).toEqual(["confirmed", "confirmed", "confirmed"]);
    const u = h.user({ id: 516, first_name: "Гость", language_code: "ru" });
    expect(h.texts(await u.press(`ev:e:${festival}`))[0]).toContain(ru("events-card-seats-open"));
  });

  it("lets one leave an event without a seat limit: no seat to pass on to anyone", async () => {
    const u = await person(519);
    await u.press(`ev:join:${festival}`);
    const [mine] = await signupsOf(festival);
    const cancelled = await u.press(`ev:cancel-yes:${mine!.id}`);
    expect(answer(cancelled)).toMatchObject({ text: ru("events-cancelled-alert") });
    expect(h.texts(cancelled)[0]).toBe(ru("events-cancelled"));
    expect((await signupsOf(festival)).map((s) => s.status)).toEqual(["cancelled"]);
  });

  it("lists the person's own events with where they stand", async () => {
    const a = await person(517);
    expect(h.texts(await a.press("ev:my"))).toEqual([ru("events-my-none")]);
    await a.press(`ev:join:${concert}`);
    await a.press(`ev:join:${festival}`);
    const mine = await a.press("ev:my");
    expect(h.texts(mine)[0]).toBe(ru("events-my-title", { count: 2 }));
    expect(h.texts(mine)[1]).toBe(`${ru("events-details", concertRu)}\n\n${ru("events-status-confirmed")}`);
    expect(h.texts(mine)[2]).toBe(`${ru("events-details", festivalRu)}\n\n${ru("events-status-confirmed")}`);
  });
});

describe("the waitlist", () => {
  it("offers the freed seat to the first in line, who takes it; nobody else can", async () => {
    const [a, b, c] = [await person(521), await person(522, "kk", "Нұрлан Ахметов"), await person(523)];
    await a.press(`ev:join:${concert}`);
    const waiting = await b.press(`ev:e:${concert}`);
    expect(b.buttons()[0]!.text).toBe(kk("events-button-join-waitlist"));
    expect(h.texts(waiting)[0]).toContain(kk("events-card-seats-full", { waiting: 0 }));
    const listed = await b.click(kk("events-button-join-waitlist"));
    expect(answer(listed)).toMatchObject({ text: kk("events-waitlisted-alert") });
    expect(h.texts(listed).at(-1)).toBe(kk("events-waitlisted", { position: 1 }));
    await c.press(`ev:join:${concert}`);
    expect(h.texts(await c.press(`ev:e:${concert}`))[0]).toContain(ru("events-status-waitlisted", { position: 2 }));

    const [first] = await signupsOf(concert);
    await a.press(`ev:cancel:${first!.id}`);
    await a.press(`ev:cancel-yes:${first!.id}`);
    expect((await signupsOf(concert)).map((s) => s.status)).toEqual(["cancelled", "offered", "waitlisted"]);
    const offer = await h.db.selectFrom("outbox").selectAll().where("kind", "=", "event_offer").executeTakeFirstOrThrow();
    expect(offer).toMatchObject({ recipient_id: 522, essential: 1, urgent: 1, expires_at: "2026-11-23T06:00:00.000Z" });

    const sent = await dispatch();
    const kkDetails = kk("events-details", {
      title: "Акустика &amp; джаз (kk)",
      category: "Концерт",
      day: "24 қараша, сейсенбі",
      time: "19:00–21:00",
      place: "Орталық almaly-1",
      district: "Алмалы ауданы",
    });
    expect(h.texts(sent)).toEqual([kk("events-offer", { details: kkDetails, deadline: "11:00" })]);
    const [, offered] = await signupsOf(concert);
    expect(b.buttons().map((x) => x.callback_data)).toEqual([`ev:accept:${offered!.id}`, `ev:decline:${offered!.id}`]);

    // Someone else's offer, or someone else's sign-up, changes nothing.
    const forged = await c.press(`ev:accept:${offered!.id}`);
    expect(answer(forged)).toMatchObject({ text: ru("stale-button-alert") });
    expect(h.texts(forged)).toEqual([ru("events-offer-not-active")]);
    const notMine = await c.press(`ev:cancel:${offered!.id}`);
    expect(answer(notMine)).toMatchObject({ text: ru("stale-button-alert") });
    expect(h.texts(notMine)).toEqual([ru("events-signup-not-found")]);
    expect((await signupsOf(concert)).map((s) => s.status)).toEqual(["cancelled", "offered", "waitlisted"]);

    const accepted = await b.click(kk("events-button-accept"));
    expect(answer(accepted)).toMatchObject({ text: kk("events-offer-accepted-alert") });
    expect(h.texts(accepted).at(-1)).toBe(
      kk("events-offer-accepted", { title: "Акустика &amp; джаз (kk)", when: kk("reminders-when-tomorrow", { time: "19:00" }), place: "Орталық almaly-1" }),
    );
    expect((await signupsOf(concert)).map((s) => s.status)).toEqual(["cancelled", "confirmed", "waitlisted"]);
    const again = await b.press(`ev:accept:${offered!.id}`);
    expect(answer(again)).toMatchObject({ text: kk("events-already-confirmed") });
  });

  it("passes a declined offer on to the next in line, and says a late answer has expired", async () => {
    const [a, b, c] = [await person(531), await person(532), await person(533)];
    for (const u of [a, b, c]) await u.press(`ev:join:${concert}`);
    const [first, second, third] = await signupsOf(concert);
    await a.press(`ev:cancel-yes:${first!.id}`);
    await dispatch();
    const declined = await b.click(ru("events-button-decline"));
    expect(h.texts(declined).at(-1)).toBe(ru("events-offer-declined"));
    expect((await signupsOf(concert)).map((s) => s.status)).toEqual(["cancelled", "cancelled", "offered"]);

    await dispatch();
    h.clock.advance(3 * 3_600_000);
    const late = await c.press(`ev:accept:${third!.id}`);
    expect(answer(late)).toMatchObject({ text: ru("events-offer-expired-alert") });
    expect(h.texts(late)[0]).toBe(ru("events-offer-expired"));
    expect((await signupsOf(concert)).map((s) => s.status)).toEqual(["cancelled", "cancelled", "cancelled"]);
    expect(second!.status).toBe("waitlisted");
  });
});

describe("the reminder", () => {
  it("is sent by the outbox a day before, with a way out", async () => {
    const a = await person(541);
    await a.press(`ev:join:${concert}`);
    const [mine] = await signupsOf(concert);
    h.clock.set("2026-11-23T14:00:00Z");
    const sent = await dispatch();
    expect(h.texts(sent)).toEqual([
      ru("events-reminder", { when: ru("reminders-when-tomorrow", { time: "19:00" }), details: ru("events-details", concertRu) }),
    ]);
    expect(a.buttons().map((b) => b.callback_data)).toEqual([`ev:cancel:${mine!.id}`]);
  });
});

describe("stale and forged buttons", () => {
  it("answer an unknown event, a cancelled one and a sign-up that is over, and change nothing", async () => {
    const a = await person(551);
    const unknown = await a.press(`ev:e:999999:${start}`);
    expect(answer(unknown)).toBeDefined();
    expect(h.texts(unknown)).toEqual([ru("events-not-found")]);

    const card = await a.press(`ev:e:${called}`);
    expect(h.texts(card)[0]).toContain(ru("events-card-cancelled"));
    expect(a.buttons().map((b) => b.callback_data)).toEqual([`ev:map:${called}`, `ev:l:${start}`, "menu:open"]);
    const join = await a.press(`ev:join:${called}`);
    expect(answer(join)).toMatchObject({ text: ru("events-closed-alert") });
    expect(h.texts(join)).toEqual([ru("events-closed")]);
    const gone = await a.press(`ev:join:999999`);
    expect(answer(gone)).toMatchObject({ text: ru("events-not-found-alert") });
    expect(await signupsOf(called)).toEqual([]);

    // A sign-up whose event was called off since cannot be cancelled or put in a calendar.
    await a.press(`ev:join:${festival}`);
    const [mine] = await signupsOf(festival);
    await h.db.updateTable("events").set({ status: "cancelled" }).where("id", "=", festival).execute();
    for (const data of [`ev:cancel:${mine!.id}`, `ev:cancel-yes:${mine!.id}`, `ev:ics:${mine!.id}`]) {
      const pressed = await a.press(data);
      expect(answer(pressed)).toMatchObject({ text: ru("stale-button-alert") });
      expect(h.texts(pressed)).toEqual([ru("events-signup-not-active")]);
    }
    expect((await signupsOf(festival)).map((s) => s.status)).toEqual(["confirmed"]);
  });

  it("opens a tea-talk session as the clubs show it, and never joins it from an event button", async () => {
    await insertCenter(h.db, { id: "auezov-1", district: "auezov" });
    const session = await insertTeaTalkSession(h.db, { centerId: "auezov-1", startsAt: "2026-11-24T13:30:00Z" });
    const a = await person(561);
    const card = await a.press(`ev:e:${session}`);
    expect(h.texts(card)[0]).toContain(ru("teatalk-card-title"));
    expect(a.buttons()[0]!.callback_data).toBe(`tt:join:${session}:all:all:0`);
    const join = await a.press(`ev:join:${session}`);
    expect(answer(join)).toMatchObject({ text: ru("events-not-found-alert") });
    expect(await signupsOf(session)).toEqual([]);
  });
});

describe("the organiser", () => {
  it("sees today's event under /host and marks who came after the start; nobody else can", async () => {
    const [a, b] = [await person(571), await person(572, "ru", "Тимур Беков")];
    await a.press(`ev:join:${concert}`);
    await b.press(`ev:join:${concert}`);
    const [seat] = await signupsOf(concert);
    const organiser = h.user({ id: ORGANISER, first_name: "Ольга", language_code: "ru" });

    h.clock.set("2026-11-24T10:00:00Z");
    const before = await organiser.send("/host");
    expect(h.texts(before)).toEqual([
      ru("teatalk-host-title", { day: "24 ноября, вторник" }),
      [
        ru("events-details", concertRu),
        ru("teatalk-host-count", { count: 1, capacity: 1 }),
        ru("teatalk-host-participant", { n: 1, name: "Айдана", status: ru("teatalk-host-status-confirmed") }),
        ru("teatalk-host-before-start"),
      ].join("\n"),
    ]);

    h.clock.set("2026-11-24T14:10:00Z");
    await organiser.send("/host");
    expect(organiser.buttons().map((x) => x.callback_data)).toEqual([`tt:mark:${seat!.id}:a`, `tt:mark:${seat!.id}:n`, "tt:host", `evadm:event:${concert}`, "evadm:mine", "menu:open"]);
    const forged = await a.press(`tt:mark:${seat!.id}:a`);
    expect(answer(forged)).toMatchObject({ text: ru("teatalk-mark-not-found"), show_alert: true });
    const marked = await organiser.press(`tt:mark:${seat!.id}:a`);
    expect(h.texts(marked)).toEqual([ru("teatalk-marked-attended", { name: "Айдана" })]);
    expect((await signupsOf(concert)).map((s) => s.status)).toEqual(["attended", "waitlisted"]);
  });

  it("marks a large event a screenful at a time", async () => {
    const big = await insertEvent(h.db, { startsAt: "2026-11-25T07:00:00Z", capacity: null, category: "festival", hostTelegramId: ORGANISER });
    for (let id = 600; id < 645; id++) {
      const u = await person(id);
      await u.press(`ev:join:${big}`);
    }
    const organiser = h.user({ id: ORGANISER, first_name: "Ольга", language_code: "ru" });
    h.clock.set("2026-11-25T08:00:00Z");
    const day = await organiser.send("/host");
    const text = h.texts(day).find((x) => x.includes(ru("teatalk-host-count-open", { count: 45 })))!;
    expect(text).toContain(ru("teatalk-host-many", { attended: 0, noShow: 0, waiting: 45, shown: 40 }));
    const marks = () => organiser.buttons().filter((x) => x.callback_data!.startsWith("tt:mark:"));
    expect(marks()).toHaveLength(80);
    const signups = await signupsOf(big);
    expect(marks()[0]!.callback_data).toBe(`tt:mark:${signups[0]!.id}:a`);
    for (const s of signups.slice(0, 40)) await organiser.press(`tt:mark:${s.id}:a`);
    await organiser.send("/host");
    expect(marks()).toHaveLength(10);
    expect(marks()[0]!.callback_data).toBe(`tt:mark:${signups[40]!.id}:a`);
  });
});

describe("the person's data", () => {
  it("names an event in /mydata and /deleteme, and erasing cancels it and frees its seat", async () => {
    const [a, b] = [await person(581), await person(582)];
    await a.press(`ev:join:${concert}`);
    await b.press(`ev:join:${concert}`);

    const data = await a.send("/mydata");
    const readable = String(data.find((c) => c.method === "sendDocument")?.payload.document ?? "");
    expect(readable).toContain(
      ru("mydata-signup", {
        when: "24.11.2026, 19:00–21:00",
        center: "Центр almaly-1",
        kind: ru("event-category-concert"),
        topic: "Акустика & джаз",
        status: ru("mydata-signup-status-confirmed"),
      }),
    );

    const asked = await a.send("/deleteme");
    const item = ru("deleteme-event-item", { day: "24 ноября, вторник", time: "19:00", title: concertRu.title, center: "Центр almaly-1" });
    expect(h.texts(asked)).toEqual([`${ru("deleteme-cancels", { items: item })}\n\n${ru("deleteme-confirm")}`]);
    await a.press("privacy:erase:yes");
    expect((await signupsOf(concert)).map((s) => s.status)).toEqual(["cancelled", "offered"]);
  });
});
