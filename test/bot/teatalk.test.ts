import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { noticeRenderers } from "../../src/bot/notices.js";
import type { Language } from "../../src/domain/language.js";
import { TEATALK_LEVELS } from "../../src/domain/teatalk.js";
import { createLogger } from "../../src/logger.js";
import { OutboxDispatcher } from "../../src/scheduler/dispatcher.js";
import { refuseEdits, screenCalls } from "../support/edits.js";
import { insertEvent } from "../support/events.js";
import { insertCenter } from "../support/fixtures.js";
import { createHarness, type ApiCall, type Harness } from "../support/harness.js";
import { insertTeaTalkSession } from "../support/teatalk.js";
import { registerUser } from "../support/users.js";

// Monday 23 November 2026, 09:00 in Almaty.
let h: Harness;
let almaly: number;
let medeu: number;
const HOST = 7100;

beforeEach(async () => {
  h = await createHarness({ now: "2026-11-23T04:00:00Z" });
  await insertCenter(h.db, { id: "almaly-1", district: "almaly" });
  await insertCenter(h.db, { id: "medeu-1", district: "medeu" });
  // Tuesday 18:30 in Almaly, beginners, two seats; Wednesday 12:00 in Medeu, intermediate.
  almaly = await insertTeaTalkSession(h.db, {
    centerId: "almaly-1",
    startsAt: "2026-11-24T13:30:00Z",
    capacity: 2,
    level: "beginner",
    topicRu: "Знакомство",
    topicKk: "Танысайық",
    hostName: "Айгерім",
    hostTelegramId: HOST,
  });
  medeu = await insertTeaTalkSession(h.db, {
    centerId: "medeu-1",
    startsAt: "2026-11-25T07:00:00Z",
    capacity: 10,
    level: "intermediate",
    topicRu: "Еда & чай",
    topicKk: "Тағам мен шай",
  });
  // Neither is listed: one is beyond the two weeks, the other called off.
  await insertTeaTalkSession(h.db, { centerId: "almaly-1", startsAt: "2026-12-10T13:30:00Z" });
  await insertTeaTalkSession(h.db, { centerId: "medeu-1", startsAt: "2026-11-26T13:30:00Z", status: "cancelled" });
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

/** Sends what is due through the bot's own API client, as the scheduler does; returns the calls it made. */
async function dispatch(): Promise<ApiCall[]> {
  const from = h.calls.length;
  const deps = { config: h.config, db: h.db, logger: createLogger("silent"), clock: h.clock, api: h.bot.api, i18n: h.i18n, renderers: noticeRenderers };
  await new OutboxDispatcher(deps, { sleep: async (ms) => h.clock.advance(ms) }).dispatchDue();
  return h.calls.slice(from);
}

async function signupsOf(sessionId: number) {
  return h.db.selectFrom("event_signups").select(["id", "user_id", "status"]).where("event_id", "=", sessionId).orderBy("id").execute();
}

async function person(id: number, language: Language = "ru", name = "Айдана Серикова") {
  await registerUser(h.db, id, { language, name });
  return h.user({ id, first_name: name.split(" ")[0]!, language_code: language });
}

const almalyRu = {
  day: "24 ноября, вторник",
  time: "18:30–20:00",
  center: "Центр almaly-1",
  district: "Алмалинский район",
  level: "Начальный уровень",
  topic: "Знакомство",
};
const medeuRu = {
  day: "25 ноября, среда",
  time: "12:00–13:30",
  center: "Центр medeu-1",
  district: "Медеуский район",
  level: "Средний уровень",
  topic: "Еда &amp; чай",
};

describe("the tea-talk menu and the clubs list", () => {
  it("opens from the main menu with the clubs and the Kazakh practice entry", async () => {
    const u = h.user({ id: 501, first_name: "Гость", language_code: "ru" });
    const opened = await u.press("menu:teatalk");
    expect(answer(opened)).toBeDefined();
    expect(h.texts(opened)).toEqual([ru("teatalk-menu")]);
    expect(u.buttons().map((b) => b.callback_data)).toEqual(["tt:clubs", "practice:open", "tt:my", "menu:open"]);
  });

  it("lists the next two weeks' sessions with seats, and filters them by district and level, in Russian", async () => {
    expect(h.i18n.t("ru", "district-almaly")).toBe(almalyRu.district);
    const u = h.user({ id: 502, first_name: "Гость", language_code: "ru" });
    const title = (district: string, level: string) => ru("teatalk-list-title", { days: 14, district, level });
    const line = (n: number, facts: typeof almalyRu, seats: string) => ru("teatalk-list-line", { n, ...facts, seats });
    const all = ru("teatalk-filter-all");

    expect(h.texts(await u.press("tt:clubs"))).toEqual([
      [
        title(all, all),
        line(1, almalyRu, ru("teatalk-seats-free", { free: 2 })),
        line(2, medeuRu, ru("teatalk-seats-free", { free: 10 })),
        ru("teatalk-list-hint"),
      ].join("\n\n"),
    ]);
    expect(u.buttons().map((b) => b.callback_data)).toEqual([
      `tt:s:${almaly}:all:all:0`,
      `tt:s:${medeu}:all:all:0`,
      "tt:fd:all:all",
      "tt:fl:all:all",
      "tt:my",
      "menu:teatalk",
      "menu:open",
    ]);

    expect(h.texts(await u.press("tt:fd:all:all"))).toEqual([ru("teatalk-choose-district")]);
    // The picker ends with a way back to the list as it was, and to the main menu.
    expect(u.buttons().slice(-2).map((b) => [b.text, b.callback_data])).toEqual([
      [ru("button-back"), "tt:l:all:all:0"],
      [ru("button-menu"), "menu:open"],
    ]);
    const medeuOnly = await u.click(ru("district-medeu"));
    expect(h.texts(medeuOnly)).toEqual([
      [title(ru("district-medeu"), all), line(1, medeuRu, ru("teatalk-seats-free", { free: 10 })), ru("teatalk-list-hint")].join("\n\n"),
    ]);

    // The district stays when the level changes: Medeu has no beginners' session.
    expect(h.texts(await u.press("tt:fl:medeu:all"))).toEqual([ru("teatalk-choose-level")]);
    expect(u.buttons().slice(-2).map((b) => b.callback_data)).toEqual(["tt:l:all:medeu:0", "menu:open"]);
    expect(h.texts(await u.click(ru("teatalk-level-beginner")))).toEqual([
      [title(ru("district-medeu"), ru("teatalk-level-beginner")), ru("teatalk-list-empty")].join("\n\n"),
    ]);
    await u.press("tt:fl:medeu");
    await u.click(ru("teatalk-all-levels"));
    await u.press("tt:fd:all");
    expect(h.texts(await u.click(ru("teatalk-all-districts")))[0]).toContain(line(2, medeuRu, ru("teatalk-seats-free", { free: 10 })));
  });

  it("speaks Kazakh to a Kazakh speaker, level names included", async () => {
    const u = await person(503, "kk");
    const list = h.texts(await u.press("tt:l:beginner:all"));
    expect(list).toEqual([
      [
        kk("teatalk-list-title", { days: 14, district: kk("teatalk-filter-all"), level: "Бастапқы деңгей" }),
        kk("teatalk-list-line", {
          n: 1,
          day: "24 қараша, сейсенбі",
          time: "18:30–20:00",
          center: "Орталық almaly-1",
          district: "Алмалы ауданы",
          level: "Бастапқы деңгей",
          topic: "Танысайық",
          seats: kk("teatalk-seats-free", { free: 2 }),
        }),
        kk("teatalk-list-hint"),
      ].join("\n\n"),
    ]);
    expect(TEATALK_LEVELS.map((l) => kk(`teatalk-level-${l}`))).toEqual(["Бастапқы деңгей", "Орта деңгей", "Жоғары деңгей"]);
    expect(TEATALK_LEVELS.map((l) => ru(`teatalk-level-${l}`))).toEqual(["Начальный уровень", "Средний уровень", "Продвинутый уровень"]);
    expect(u.buttons().map((b) => b.text)).toContain(kk("teatalk-button-level", { level: "Бастапқы деңгей" }));
  });
});

describe("the list's filters", () => {
  it("stay set when going into a session and back, and after signing up there", async () => {
    const u = await person(504);
    const title = ru("teatalk-list-title", { days: 14, district: ru("district-almaly"), level: ru("teatalk-level-beginner") });
    await u.press("tt:clubs");
    await u.press("tt:fd:all:all");
    await u.click(ru("district-almaly"));
    await u.press("tt:fl:almaly:all");
    const filtered = await u.click(ru("teatalk-level-beginner"));
    expect(h.texts(filtered)[0]!.startsWith(title)).toBe(true);

    await u.click("1");
    const back = await u.click(ru("teatalk-button-to-list"));
    expect(h.texts(back)[0]!.startsWith(title)).toBe(true);

    await u.click("1");
    const joined = await u.click(ru("teatalk-button-join"));
    expect(h.texts(joined).at(-1)).toBe(ru("teatalk-joined", { when: ru("reminders-when-tomorrow", { time: "18:30" }), center: "Центр almaly-1" }));
    expect((await signupsOf(almaly)).map((s) => [s.user_id, s.status])).toEqual([[504, "confirmed"]]);
    const again = await u.click(ru("teatalk-button-to-list"));
    expect(h.texts(again)[0]!.startsWith(title)).toBe(true);
    // Every button of the way fits Telegram's 64 bytes.
    for (const b of u.buttons()) expect(Buffer.byteLength(b.callback_data!)).toBeLessThanOrEqual(64);
  });

  it("shows a long list a page at a time, numbered on across pages", async () => {
    // Eight more sessions in Medeu make nine there: a full page and one more.
    for (let day = 0; day < 8; day++) {
      await insertTeaTalkSession(h.db, { centerId: "medeu-1", startsAt: new Date(Date.parse("2026-11-27T13:30:00Z") + day * 86_400_000) });
    }
    const u = await person(506);
    const first = await u.press("tt:l:all:medeu:0");
    expect(h.texts(first)[0]).toContain(ru("teatalk-list-page", { page: 1, pages: 2 }));
    const numbers = (buttons: { text: string }[]) => buttons.map((b) => b.text).filter((text) => /^\d+$/.test(text));
    expect(numbers(u.buttons())).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
    expect(u.buttons().find((b) => b.text === ru("teatalk-button-next"))?.callback_data).toBe("tt:l:all:medeu:1");
    expect(u.buttons().find((b) => b.text === ru("teatalk-button-prev"))).toBeUndefined();

    const second = await u.press("tt:l:all:medeu:1");
    expect(h.texts(second)[0]).toContain(ru("teatalk-list-page", { page: 2, pages: 2 }));
    expect(numbers(u.buttons())).toEqual(["9"]);
    expect(u.buttons().find((b) => b.text === ru("teatalk-button-prev"))?.callback_data).toBe("tt:l:all:medeu:0");
    expect(u.buttons().find((b) => b.text === ru("teatalk-button-next"))).toBeUndefined();

    // A page the list no longer has (sessions were called off since) shows the last one.
    expect(h.texts(await u.press("tt:l:all:medeu:5"))[0]).toContain(ru("teatalk-list-page", { page: 2, pages: 2 }));
    expect(numbers(u.buttons())).toEqual(["9"]);
  });

  it("keeps the page too, and old buttons without a place open the whole list", async () => {
    const u = await person(505);
    expect(h.texts(await u.press(`tt:s:${medeu}:intermediate:medeu:0`))[0]).toContain("Центр medeu-1");
    expect(u.buttons().find((b) => b.text === ru("teatalk-button-to-list"))?.callback_data).toBe("tt:l:intermediate:medeu:0");
    await u.press(`tt:s:${medeu}`);
    expect(u.buttons().find((b) => b.text === ru("teatalk-button-to-list"))?.callback_data).toBe("tt:l:all:all:0");
    // A place no list could have made is stale, and signs up nobody.
    const forged = await u.press(`tt:join:${medeu}:expert:moon:0`);
    expect(answer(forged)).toMatchObject({ text: ru("stale-button-alert") });
    expect(await signupsOf(medeu)).toEqual([]);
  });
});

describe("the tea-talk screens", () => {
  it("take the place of the one their button was pressed on: menu, list, filters, card and back", async () => {
    const u = await person(530);
    await u.send("/menu");
    const screen = u.messages().at(-1)!.message_id;
    const title = ru("teatalk-list-title", { days: 14, district: ru("district-almaly"), level: ru("teatalk-filter-all") });
    for (const [label, text] of [
      [ru("menu-teatalk"), ru("teatalk-menu")],
      [ru("teatalk-button-clubs"), ru("teatalk-list-title", { days: 14, district: ru("teatalk-filter-all"), level: ru("teatalk-filter-all") })],
      [ru("teatalk-button-district", { district: ru("teatalk-filter-all") }), ru("teatalk-choose-district")],
      [ru("district-almaly"), title],
      [ru("teatalk-button-level", { level: ru("teatalk-filter-all") }), ru("teatalk-choose-level")],
      [ru("button-back"), title],
      ["1", ru("teatalk-details", almalyRu)],
      [ru("teatalk-button-to-list"), title],
      [ru("teatalk-button-my"), ru("teatalk-my-none")],
    ]) {
      const batch = await u.click(label!);
      expect(screenCalls(batch)).toEqual({ edited: [screen], sent: 0 });
      expect(h.texts(batch)[0]).toContain(text);
    }
    expect(u.messages()).toHaveLength(1);
  });

  it("asking to cancel replaces the sign-up's card, and the answer replaces the question", async () => {
    const u = await person(531);
    await u.press(`tt:join:${almaly}`);
    await u.press("tt:my");
    const card = u.messages().at(-1)!.message_id;
    expect(screenCalls(await u.click(ru("teatalk-button-cancel")))).toEqual({ edited: [card], sent: 0 });
    const kept = await u.click(ru("teatalk-button-keep"));
    expect(screenCalls(kept)).toEqual({ edited: [card], sent: 0 });
    expect(h.texts(kept)).toEqual([ru("teatalk-kept")]);
    expect((await signupsOf(almaly)).map((s) => s.status)).toEqual(["confirmed"]);
  });

  it("a screen Telegram can no longer edit comes as a new message, with no apology", async () => {
    const u = await person(532);
    await u.press("tt:clubs");
    refuseEdits(h);
    const page = await u.click(ru("teatalk-button-district", { district: ru("teatalk-filter-all") }));
    expect(page.map((c) => c.method)).toEqual(["answerCallbackQuery", "editMessageText", "sendMessage"]);
    expect(h.texts(page)).toEqual([ru("teatalk-choose-district"), ru("teatalk-choose-district")]);
    expect(u.messages()).toHaveLength(2);
    expect(u.buttons().map((b) => b.text)).toContain(ru("district-almaly"));
  });
});

describe("signing up", () => {
  it("needs an account first and signs up nobody without one", async () => {
    const guest = h.user({ id: 510, first_name: "Гость", language_code: "ru" });
    const pressed = await guest.press(`tt:join:${almaly}`);
    expect(answer(pressed)).toBeDefined();
    expect(h.texts(pressed)).toEqual([ru("need-signup")]);
    expect(guest.buttons().map((b) => b.callback_data)).toEqual([`signup:event_${almaly}`]);
    expect(await signupsOf(almaly)).toEqual([]);
  });

  it("gives a seat while there is one, then the waitlist with its position, and cancels after asking", async () => {
    const [a, b, c] = [await person(511), await person(512), await person(513, "kk", "Ерлан")];
    const card = await a.press(`tt:s:${almaly}`);
    expect(h.texts(card)[0]).toContain(ru("teatalk-seats-of", { free: 2, capacity: 2 }));
    expect(h.texts(card)[0]).toContain(ru("teatalk-host-line", { host: "Айгерім" }));
    const cardId = a.messages().at(-1)!.message_id;
    const joined = await a.click(ru("teatalk-button-join"));
    expect(answer(joined)).toMatchObject({ text: ru("teatalk-joined-alert") });
    // The card stays as a record of the press, without its buttons; the confirmation comes below it.
    expect(h.texts(joined)).toEqual([
      expect.stringContaining(`\n\n✔️ ${ru("teatalk-button-join")}`),
      ru("teatalk-joined", { when: ru("reminders-when-tomorrow", { time: "18:30" }), center: "Центр almaly-1" }),
    ]);
    expect(screenCalls(joined)).toEqual({ edited: [cardId], sent: 1 });
    expect(a.messages().find((m) => m.message_id === cardId)!.reply_markup).toBeUndefined();

    // A second press signs up nobody twice.
    expect(h.texts(await a.press(`tt:join:${almaly}`))).toEqual([ru("teatalk-already-confirmed")]);
    await b.press(`tt:join:${almaly}`);

    const full = await c.press(`tt:s:${almaly}`);
    expect(h.texts(full)[0]).toContain(kk("teatalk-seats-full", { waiting: 0 }));
    const waiting = await c.click(kk("teatalk-button-join-waitlist"));
    expect(answer(waiting)).toMatchObject({ text: kk("teatalk-waitlisted-alert") });
    expect(h.texts(waiting).slice(1)).toEqual([kk("teatalk-waitlisted", { position: 1 })]);
    expect((await signupsOf(almaly)).map((s) => [s.user_id, s.status])).toEqual([
      [511, "confirmed"],
      [512, "confirmed"],
      [513, "waitlisted"],
    ]);
    expect(h.texts(await c.press("tt:my"))).toEqual([
      kk("teatalk-my-title", { count: 1 }),
      expect.stringContaining(kk("teatalk-status-waitlisted", { position: 1 })),
    ]);

    // Cancelling asks first; "keep" keeps.
    const [mine] = await signupsOf(almaly);
    expect(h.texts(await a.press("tt:my"))[1]).toContain(ru("teatalk-status-confirmed"));
    const asked = await a.press(`tt:cancel:${mine!.id}`);
    expect(h.texts(asked)[0]).toContain(ru("teatalk-cancel-confirm", { details: "" }).trim());
    expect(h.texts(await a.press(`tt:keep:${mine!.id}`))).toEqual([ru("teatalk-kept")]);
    expect((await signupsOf(almaly))[0]!.status).toBe("confirmed");

    await a.press(`tt:cancel:${mine!.id}`);
    const cancelled = await a.click(ru("teatalk-button-cancel-yes"));
    expect(answer(cancelled)).toMatchObject({ text: ru("teatalk-cancelled-alert") });
    expect(h.texts(cancelled)).toEqual([ru("teatalk-cancelled")]);
    expect((await signupsOf(almaly)).map((s) => s.status)).toEqual(["cancelled", "confirmed", "offered"]);

    // The freed seat is offered to the first in line, in their language, and taken with the button.
    const offerRow = await h.db.selectFrom("outbox").selectAll().where("kind", "=", "teatalk_offer").executeTakeFirstOrThrow();
    expect(offerRow).toMatchObject({ recipient_id: 513, essential: 1, urgent: 1, expires_at: "2026-11-23T06:00:00.000Z" });
    const sent = await dispatch();
    const kkDetails = kk("teatalk-details", {
      day: "24 қараша, сейсенбі",
      time: "18:30–20:00",
      center: "Орталық almaly-1",
      district: "Алмалы ауданы",
      level: "Бастапқы деңгей",
      topic: "Танысайық",
    });
    expect(h.texts(sent)).toEqual([kk("teatalk-offer", { details: kkDetails, deadline: "11:00" })]);
    const [, , offered] = await signupsOf(almaly);
    expect(c.buttons().map((x) => x.callback_data)).toEqual([`tt:accept:${offered!.id}`, `tt:decline:${offered!.id}`]);
    // The offer, the person's sign-ups and the session's card answer it with the same row of buttons.
    const offerRows = (keyboard: any[][]) => keyboard.map((row) => row.map((x) => x.callback_data));
    const answerRow = [`tt:accept:${offered!.id}`, `tt:decline:${offered!.id}`];
    expect(offerRows(sent.find((x) => x.method === "sendMessage")!.payload.reply_markup.inline_keyboard)).toEqual([answerRow]);
    await c.press("tt:my");
    expect(offerRows(c.messages().at(-1)!.reply_markup!.inline_keyboard)).toEqual([answerRow, ["tt:clubs", "menu:open"]]);
    await c.press(`tt:s:${almaly}`);
    expect(offerRows(c.messages().at(-1)!.reply_markup!.inline_keyboard)[0]).toEqual(answerRow);

    // Someone else cannot take it.
    const forged = await b.press(`tt:accept:${offered!.id}`);
    expect(answer(forged)).toMatchObject({ text: ru("stale-button-alert") });
    expect(h.texts(forged)).toEqual([ru("teatalk-offer-not-active")]);

    const accepted = await c.click(kk("teatalk-button-accept"));
    expect(answer(accepted)).toMatchObject({ text: kk("teatalk-offer-accepted-alert") });
    expect(h.texts(accepted)).toEqual([
      expect.stringContaining(`\n\n✔️ ${kk("teatalk-button-accept")}`),
      kk("teatalk-offer-accepted", { when: kk("reminders-when-tomorrow", { time: "18:30" }), center: "Орталық almaly-1" }),
    ]);
    // And from there, on to the person's sign-ups, the list or the menu.
    expect(c.buttons().map((x) => x.callback_data)).toEqual(["tt:my", "tt:l:all:all:0", "menu:open"]);
    expect((await signupsOf(almaly)).map((s) => s.status)).toEqual(["cancelled", "confirmed", "confirmed"]);
  });

  it("says an offer has expired when it is accepted too late", async () => {
    const [a, b, c] = [await person(521), await person(522), await person(523)];
    for (const u of [a, b, c]) await u.press(`tt:join:${almaly}`);
    const [first] = await signupsOf(almaly);
    await a.press(`tt:cancel:${first!.id}`);
    await a.press(`tt:cancel-yes:${first!.id}`);
    await dispatch();
    h.clock.advance(2 * 3_600_000);
    const late = await c.click(ru("teatalk-button-accept"));
    expect(answer(late)).toMatchObject({ text: ru("teatalk-offer-expired-alert") });
    expect(h.texts(late)[0]).toBe(ru("teatalk-offer-expired"));
    expect((await signupsOf(almaly)).map((s) => s.status)).toEqual(["cancelled", "confirmed", "cancelled"]);
  });

  it("sends the reminder three hours before, with a way out", async () => {
    const a = await person(531);
    await a.press(`tt:join:${almaly}`);
    h.clock.set("2026-11-24T10:30:00Z");
    const sent = await dispatch();
    const [mine] = await signupsOf(almaly);
    expect(h.texts(sent)).toEqual([
      ru("teatalk-reminder", {
        when: ru("reminders-when-in-hours", { hours: 3, time: "18:30" }),
        details: ru("teatalk-details", { ...almalyRu }),
      }),
    ]);
    expect(a.buttons().map((b) => b.callback_data)).toEqual([`tt:cancel:${mine!.id}`]);
  });
});

describe("another appointment at that time", () => {
  it("refuses a session while the person waits for another at that time, and shows the list", async () => {
    // A second Tuesday 18:30 session, in Medeu; the Almaly one is full and the person waits in line.
    const other = await insertTeaTalkSession(h.db, { centerId: "medeu-1", startsAt: "2026-11-24T13:30:00Z", capacity: 5 });
    await (await person(520)).press(`tt:join:${almaly}`);
    await (await person(521)).press(`tt:join:${almaly}`);
    const u = await person(522, "kk", "Ерлан");
    await u.press(`tt:join:${almaly}`);

    const refused = await u.press(`tt:join:${other}`);
    expect(answer(refused)).toMatchObject({ text: kk("appointment-overlap-alert") });
    const clash = kk("appointment-overlap", { what: kk("appointment-teatalk"), day: "24 қараша, сейсенбі", start: "18:30", end: "20:00", then: "session" });
    expect(clash).toContain("Басқа кездесуді таңдаңыз.");
    expect(h.texts(refused)[0]).toBe(clash);
    expect(h.texts(refused)[1]).toMatch(/tea talk клубтары/);
    expect(u.buttons().map((b) => b.callback_data)).toContain(`tt:s:${medeu}:all:all:0`);
    expect(await signupsOf(other)).toEqual([]);
    expect((await signupsOf(almaly)).map((s) => [s.user_id, s.status])).toContainEqual([522, "waitlisted"]);
  });
});

describe("forged and stale buttons", () => {
  it("get a clear answer and change nothing", async () => {
    const [a, b] = [await person(541), await person(542)];
    await a.press(`tt:join:${almaly}`);
    const [mine] = await signupsOf(almaly);

    const unknown = await b.press("tt:s:99999");
    expect(answer(unknown)).toMatchObject({ text: ru("teatalk-not-found-alert") });
    expect(h.texts(unknown)[0]).toBe(ru("teatalk-not-found"));
    expect(h.texts(await b.press("tt:join:99999"))[0]).toBe(ru("teatalk-not-found"));
    // A concert's id is not a club's session, and is not shown as one.
    const concert = await insertEvent(h.db, { startsAt: "2026-11-28T13:00:00Z", centerId: "almaly-1" });
    const notSession = await b.press(`tt:s:${concert}`);
    expect(answer(notSession)).toMatchObject({ text: ru("teatalk-not-found-alert") });
    expect(h.texts(notSession)[0]).toBe(ru("teatalk-not-found"));

    for (const data of [`tt:cancel:${mine!.id}`, `tt:cancel-yes:${mine!.id}`, `tt:keep:${mine!.id}`]) {
      const forged = await b.press(data);
      expect(answer(forged)).toMatchObject({ text: ru("stale-button-alert") });
      expect(h.texts(forged)).toEqual([ru("teatalk-signup-not-found")]);
    }
    expect(h.texts(await b.press(`tt:decline:${mine!.id}`))).toEqual([ru("teatalk-offer-not-active")]);
    expect((await signupsOf(almaly)).map((s) => [s.user_id, s.status])).toEqual([[541, "confirmed"]]);

    const cancelled = (await h.db.selectFrom("events").select("id").where("status", "=", "cancelled").executeTakeFirstOrThrow()).id;
    const closed = await b.press(`tt:join:${cancelled}`);
    expect(answer(closed)).toMatchObject({ text: ru("teatalk-closed-alert") });
    expect(h.texts(closed)).toEqual([ru("teatalk-closed")]);

    // After the session has started: no sign-up, no cancelling.
    h.clock.set("2026-11-24T13:31:00Z");
    expect(h.texts(await b.press(`tt:join:${almaly}`))).toEqual([ru("teatalk-closed")]);
    expect(h.texts(await a.press(`tt:cancel-yes:${mine!.id}`))).toEqual([ru("teatalk-signup-not-active")]);

    // Data no list could have made goes to the catch-all.
    const malformed = await b.press("tt:l:expert:mars:0");
    expect(answer(malformed)).toMatchObject({ text: ru("stale-button-alert") });
    expect(await signupsOf(cancelled)).toEqual([]);
    expect((await signupsOf(almaly)).map((s) => [s.user_id, s.status])).toEqual([[541, "confirmed"]]);
  });
});

describe("the host", () => {
  it("sees today's participants by first name and marks them after the start; nobody else can", async () => {
    const [a, b] = [await person(551, "ru", "Айдана Серикова"), await person(552, "ru", "Тимур Ахметов")];
    await a.press(`tt:join:${almaly}`);
    await b.press(`tt:join:${almaly}`);
    const [sa, sb] = await signupsOf(almaly);
    const host = h.user({ id: HOST, first_name: "Айгерім", language_code: "ru" });

    // Monday: the session is tomorrow.
    expect(h.texts(await host.send("/host"))).toEqual([ru("teatalk-host-none")]);
    expect(host.buttons().map((b) => b.callback_data)).toEqual(["evadm:mine", "menu:open"]);

    h.clock.set("2026-11-24T12:00:00Z");
    const before = await host.send("/host");
    expect(h.texts(before)).toEqual([
      ru("teatalk-host-title", { day: "24 ноября, вторник" }),
      [
        ru("teatalk-details", almalyRu),
        ru("teatalk-host-count", { count: 2, capacity: 2 }),
        ru("teatalk-host-participant", { n: 1, name: "Айдана", status: ru("teatalk-host-status-confirmed") }),
        ru("teatalk-host-participant", { n: 2, name: "Тимур", status: ru("teatalk-host-status-confirmed") }),
        ru("teatalk-host-before-start"),
      ].join("\n"),
    ]);
    // The last session's message ends with the way back to the main menu.
    expect(host.buttons().map((x) => x.callback_data)).toEqual(["tt:host", `evadm:event:${almaly}`, "evadm:mine", "menu:open"]);
    const early = await host.press(`tt:mark:${sa!.id}:a`);
    expect(answer(early)).toMatchObject({ text: ru("teatalk-mark-not-started"), show_alert: true });

    h.clock.set("2026-11-24T13:35:00Z");
    await host.press("tt:host");
    expect(host.buttons().map((x) => x.callback_data)).toEqual([
      `tt:mark:${sa!.id}:a`,
      `tt:mark:${sa!.id}:n`,
      `tt:mark:${sb!.id}:a`,
      `tt:mark:${sb!.id}:n`,
      "tt:host",
      `evadm:event:${almaly}`,
      "evadm:mine",
      "menu:open",
    ]);

    // A participant pressing the host's button changes nothing.
    const forged = await a.press(`tt:mark:${sa!.id}:a`);
    expect(answer(forged)).toMatchObject({ text: ru("teatalk-mark-not-found"), show_alert: true });

    const marked = await host.press(`tt:mark:${sa!.id}:a`);
    expect(answer(marked)).toMatchObject({ text: ru("teatalk-host-status-attended") });
    expect(h.texts(marked)).toEqual([ru("teatalk-marked-attended", { name: "Айдана" })]);
    await host.press(`tt:mark:${sb!.id}:n`);
    const again = await host.press(`tt:mark:${sa!.id}:n`);
    expect(answer(again)).toMatchObject({ text: ru("teatalk-mark-already", { status: ru("teatalk-host-status-attended") }), show_alert: true });
    expect((await signupsOf(almaly)).map((s) => s.status)).toEqual(["attended", "no_show"]);
  });
});
