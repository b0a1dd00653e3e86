import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { syncCommandMenus } from "../../src/bot/features/staff/command-menus.js";
import { noticeRenderers } from "../../src/bot/notices.js";
import type { OutboxRow, Specialist } from "../../src/db/schema.js";
import { findUser } from "../../src/db/users.js";
import type { Language } from "../../src/domain/language.js";
import type { NoticeKind } from "../../src/domain/notices.js";
import { bookSlot } from "../../src/db/bookings.js";
import { createLogger } from "../../src/logger.js";
import { OutboxDispatcher } from "../../src/scheduler/dispatcher.js";
import { insertBooking, insertCenter, insertOutboxRow, insertSpecialist } from "../support/fixtures.js";
import { refuseEdits, screenCalls } from "../support/edits.js";
import { BOT_INFO, createHarness, type ApiCall, type Harness } from "../support/harness.js";
import { storedFlow } from "../support/flow-state.js";
import { textNotice } from "../support/notices.js";
import { insertTeaTalkSession } from "../support/teatalk.js";
import { registerUser, signedUpUser } from "../support/users.js";

const ADMIN = 900;
const CENTER = "almaly-1";

let h: Harness;
let psychologist: Specialist;
let lawyer: Specialist;

beforeEach(async () => {
  // Monday 23 November 2026, 12:00 in Almaty (UTC+5).
  h = await createHarness({ env: { ADMIN_IDS: String(ADMIN) }, now: "2026-11-23T07:00:00Z" });
  await insertCenter(h.db, { id: CENTER });
  psychologist = await insertSpecialist(h.db, {
    centerId: CENTER,
    service: "psychologist",
    displayName: "Айжан Серикова",
    slotMinutes: 50,
    hours: [{ start: "09:00", end: "18:00" }],
  });
  lawyer = await insertSpecialist(h.db, {
    centerId: CENTER,
    service: "lawyer",
    displayName: "Ерлан Ахметов",
    slotMinutes: 30,
    hours: [{ start: "09:00", end: "18:00" }],
  });
});
afterEach(async () => {
  await h.cleanup();
});

const ru = (t: string, vars?: Record<string, string | number>) => h.i18n.t("ru", t, vars);
const kk = (t: string, vars?: Record<string, string | number>) => h.i18n.t("kk", t, vars);
const answers = (batch: ApiCall[]) => batch.filter((c) => c.method === "answerCallbackQuery").map((c) => c.payload.text);

const LINK_RE = new RegExp(`https://t\\.me/${BOT_INFO.username}\\?start=(staff_[A-Za-z0-9_-]+)`);

async function link(specialist: Specialist, telegramId: number): Promise<void> {
  await h.db.updateTable("specialists").set({ telegram_id: telegramId }).where("id", "=", specialist.id).execute();
}

async function bookingStatus(id: number): Promise<string> {
  return (await h.db.selectFrom("bookings").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status;
}

describe("invites", () => {
  it("an administrator picks a specialist, the link links them once, and a second use is refused", async () => {
    const admin = h.user({ id: ADMIN, first_name: "Admin", language_code: "ru" });
    expect(h.texts(await admin.send("/invite"))).toEqual([ru("staff-invite-choose-kind")]);
    expect(admin.buttons()).toEqual([
      { text: ru("staff-invite-kind-center-admin"), callback_data: "staff-inv:a:0" },
      { text: ru("staff-invite-kind-specialist"), callback_data: "staff-inv:p:0" },
      { text: ru("staff-invite-kind-host"), callback_data: "staff-inv:h:0" },
      { text: ru("staff-invite-kind-coordinator"), callback_data: "staff-inv:t:0" },
      { text: ru("staff-invite-kind-partner"), callback_data: "card-admin:partners:0" },
      { text: ru("button-back"), callback_data: "adm:home" },
    ]);
    expect(h.texts(await admin.press("staff-inv:p:0"))).toEqual([ru("staff-invite-choose")]);
    // Grouped by center, then by service.
    expect(admin.buttons().map((b) => b.text)).toEqual([
      `Ерлан Ахметов — ${ru("service-lawyer")}, Центр ${CENTER}`,
      `Айжан Серикова — ${ru("service-psychologist")}, Центр ${CENTER}`,
      ru("button-menu"),
    ]);

    const created = await admin.press(`staff-inv:s:${psychologist.id}`);
    expect(answers(created)).toHaveLength(1);
    const [text] = h.texts(created);
    const payload = LINK_RE.exec(text!)?.[1];
    expect(payload).toBeDefined();
    expect(payload!.length).toBeLessThanOrEqual(64);
    // Created Monday 12:00, valid 72 hours.
    expect(text).toContain("26 ноября, четверг, 12:00");
    const invite = await h.db.selectFrom("staff_invites").selectAll().executeTakeFirstOrThrow();
    expect(payload).toBe(`staff_${invite.token}`);
    expect(invite).toMatchObject({ specialist_id: psychologist.id, created_by: ADMIN, expires_at: "2026-11-26T07:00:00.000Z" });

    // The specialist has no account as a young person and needs none; their Kazakh client sets the language.
    const specialist = h.user({ id: 7001, first_name: "Айжан", language_code: "kk" });
    const greeted = await specialist.send(`/start ${payload}`);
    const names = { name: "Айжан Серикова", service: kk("service-psychologist"), center: `Орталық ${CENTER}` };
    expect(h.texts(greeted)).toEqual([kk("staff-linked", names), kk("staff-menu", names)]);
    expect((await h.db.selectFrom("specialists").select("telegram_id").where("id", "=", psychologist.id).executeTakeFirstOrThrow()).telegram_id).toBe(7001);
    expect(await h.db.selectFrom("staff_invites").select(["used_by", "used_at"]).executeTakeFirstOrThrow()).toEqual({
      used_by: 7001,
      used_at: h.clock.now().toISOString(),
    });
    expect(await findUser(h.db, 7001)).toMatchObject({ language: "kk", registered_at: null });
    expect(h.texts(await specialist.send("/staff"))).toEqual([kk("staff-menu", names)]);

    const other = h.user({ id: 7002, first_name: "Other", language_code: "ru" });
    expect(h.texts(await other.send(`/start ${payload}`))).toEqual([ru("staff-invite-used")]);
    expect(h.texts(await other.send("/staff"))).toEqual([ru("staff-only")]);

    // Linked specialists are no longer offered.
    await admin.press("staff-inv:p:0");
    expect(admin.buttons().map((b) => b.text)).toEqual([`Ерлан Ахметов — ${ru("service-lawyer")}, Центр ${CENTER}`, ru("button-menu")]);
    expect(h.texts(await admin.send(`/invite ${psychologist.id}`))).toEqual([ru("staff-invite-already-linked", { name: "Айжан Серикова" })]);
  });

  it("an expired, unknown or malformed link gets a clear answer; other /start payloads go to sign-up", async () => {
    const admin = h.user({ id: ADMIN, first_name: "Admin", language_code: "ru" });
    const [text] = h.texts(await admin.send(`/invite ${lawyer.id}`));
    const payload = LINK_RE.exec(text!)![1]!;

    const late = h.user({ id: 7003, first_name: "Ерлан", language_code: "ru" });
    h.clock.advance(72 * 3_600_000);
    expect(h.texts(await late.send(`/start ${payload}`))).toEqual([ru("staff-invite-expired")]);
    expect(h.texts(await late.send("/start staff_doesNotExist"))).toEqual([ru("staff-invite-unknown")]);
    expect(h.texts(await late.send("/start staff_<script>"))).toEqual([ru("staff-invite-unknown")]);
    expect(h.texts(await late.send("/start staff_"))).toEqual([ru("staff-invite-unknown")]);
    expect((await h.db.selectFrom("specialists").select("telegram_id").where("id", "=", lawyer.id).executeTakeFirstOrThrow()).telegram_id).toBeNull();

    expect(h.texts(await late.send("/start"))).toEqual([ru("signup-choose-language")]);
  });

  it("a person who is not an administrator is refused and nothing is created", async () => {
    const u = h.user({ id: 555, first_name: "Test", language_code: "ru" });
    expect(h.texts(await u.send("/invite"))).toEqual([ru("staff-not-allowed")]);
    expect(h.texts(await u.send(`/invite ${psychologist.id}`))).toEqual([ru("staff-not-allowed")]);
    const forged = await u.press(`staff-inv:s:${psychologist.id}`);
    expect(answers(forged)).toEqual([ru("staff-not-allowed")]);
    expect(await h.db.selectFrom("staff_invites").selectAll().execute()).toEqual([]);
  });

  it("an administrator gets a clear answer for an unknown id or a typo", async () => {
    const admin = h.user({ id: ADMIN, first_name: "Admin", language_code: "ru" });
    expect(h.texts(await admin.send("/invite 9999"))).toEqual([ru("staff-invite-unknown-specialist", { id: "9999" })]);
    expect(h.texts(await admin.send("/invite Айжан"))).toEqual([ru("staff-invite-usage")]);
    expect(await h.db.selectFrom("staff_invites").selectAll().execute()).toEqual([]);
  });

  it("many specialists are chosen center by center, a page at a time", async () => {
    for (let i = 2; i <= 12; i++) {
      await insertCenter(h.db, { id: `c-${String(i).padStart(2, "0")}` });
      await insertSpecialist(h.db, { centerId: `c-${String(i).padStart(2, "0")}`, service: "career", displayName: `Маман ${i}` });
    }
    const admin = h.user({ id: ADMIN, first_name: "Admin", language_code: "ru" });
    expect(h.texts(await admin.press("staff-inv:p:0"))).toEqual([ru("staff-invite-choose-center", { count: 13 })]);
    const firstPage = admin.buttons();
    expect(firstPage).toHaveLength(10);
    expect(firstPage.slice(-2)).toEqual([
      { text: ru("staff-page-next"), callback_data: "staff-inv:p:1" },
      { text: ru("button-menu"), callback_data: "menu:open" },
    ]);
    // Paging, a center and the way back all happen on the one list message.
    const list = admin.messages().at(-1)!.message_id;
    expect(screenCalls(await admin.press("staff-inv:p:1"))).toEqual({ edited: [list], sent: 0 });
    expect(admin.buttons().map((b) => b.text)).toEqual([
      ...["c-09", "c-10", "c-11", "c-12"].map((id) => `Центр ${id} (1)`),
      ru("staff-page-prev"),
      ru("button-menu"),
    ]);
    expect(screenCalls(await admin.click(ru("staff-page-prev")))).toEqual({ edited: [list], sent: 0 });
    expect(screenCalls(await admin.press(`staff-inv:c:${CENTER}:0`))).toEqual({ edited: [list], sent: 0 });
    // The specialists of a center end with the way back to the centers.
    expect(admin.buttons().map((b) => b.callback_data)).toEqual([`staff-inv:s:${lawyer.id}`, `staff-inv:s:${psychologist.id}`, "staff-inv:p:0"]);
    const back = await admin.press("staff-inv:p:0");
    expect(h.texts(back)).toEqual([ru("staff-invite-choose-center", { count: 13 })]);
    expect(screenCalls(back)).toEqual({ edited: [list], sent: 0 });
    expect(admin.messages()).toHaveLength(1);
    expect(h.texts(await admin.press("menu:open"))).toEqual([ru("menu-title")]);
  });

  it("with nobody left to invite, the administrator is told so with the way to the main menu", async () => {
    await link(psychologist, 7001);
    await link(lawyer, 7002);
    const admin = h.user({ id: ADMIN, first_name: "Admin", language_code: "ru" });
    expect(h.texts(await admin.press("staff-inv:p:0"))).toEqual([ru("staff-invite-none")]);
    expect(admin.buttons()).toEqual([{ text: ru("button-menu"), callback_data: "menu:open" }]);
  });
});

describe("agenda", () => {
  let own: { past: number; later: number; cancelled: number; sunday: number; nextMonday: number };
  let lawyerBooking: number;

  beforeEach(async () => {
    await link(psychologist, 7001);
    await link(lawyer, 7002);
    // Staff see first names only.
    await registerUser(h.db, 501, { name: "Айгерим Нурланқызы" });
    await registerUser(h.db, 502, { name: "Тимур" });
    await registerUser(h.db, 503, { name: "Дана Омарова" });
    const p = { specialist: psychologist };
    own = {
      past: await insertBooking(h.db, { ...p, userId: 501, startsAt: "2026-11-23T04:00:00Z", endsAt: "2026-11-23T04:50:00Z", topic: "тревога перед сессией" }),
      later: await insertBooking(h.db, { ...p, userId: 502, startsAt: "2026-11-23T09:00:00Z", endsAt: "2026-11-23T09:50:00Z", mode: "online" }),
      cancelled: await insertBooking(h.db, { ...p, userId: 502, startsAt: "2026-11-23T11:00:00Z", endsAt: "2026-11-23T11:50:00Z", status: "cancelled" }),
      sunday: await insertBooking(h.db, { ...p, userId: 501, startsAt: "2026-11-29T05:00:00Z", endsAt: "2026-11-29T05:50:00Z" }),
      nextMonday: await insertBooking(h.db, { ...p, userId: 501, startsAt: "2026-11-30T05:00:00Z", endsAt: "2026-11-30T05:50:00Z" }),
    };
    lawyerBooking = await insertBooking(h.db, { specialist: lawyer, userId: 503, startsAt: "2026-11-23T04:00:00Z", endsAt: "2026-11-23T04:30:00Z", topic: "развод и алименты" });
  });

  it("today: time, mode, first name, status and the topic, for the assigned specialist only", async () => {
    const s = h.user({ id: 7001, first_name: "Айжан", language_code: "ru" });
    const today = await s.press("staff:today");
    expect(answers(today)).toHaveLength(1);
    const [agenda, marks] = h.texts(today);
    expect(agenda!.split("\n\n")).toEqual([
      ru("staff-agenda-today-title", { day: "23 ноября, понедельник" }),
      "09:00–09:50 · очно · Айгерим · ожидается\nТема: тревога перед сессией",
      // Online: how to reach the person, who has no username, so a button opens their chat.
      `14:00–14:50 · онлайн · Тимур · ожидается\n${ru("staff-contact-no-username")}`,
      "16:00–16:50 · очно · Тимур · отменена",
    ]);
    const agendaMessage = today.find((c) => c.method === "sendMessage" && c.payload.text === agenda)!;
    // The chat buttons stay on the agenda; the way back goes on the last message.
    expect(agendaMessage.payload.reply_markup.inline_keyboard).toEqual([
      [{ text: ru("staff-button-write", { name: "14:00 Тимур" }), url: "tg://user?id=502" }],
    ]);
    // Only the started one waits for a mark.
    expect(marks).toBe(`${ru("staff-marks-title")}\n1. 23 ноября, понедельник, 09:00 — Айгерим`);
    // The last message carries the way back.
    expect(s.buttons().map((b) => b.callback_data)).toEqual([`staff:mark:${own.past}:a`, `staff:mark:${own.past}:n`, "staff:menu"]);

    // The lawyer sees their own day and nothing of the psychologist's.
    const l = h.user({ id: 7002, first_name: "Ерлан", language_code: "ru" });
    const other = h.texts(await l.press("staff:today")).join("\n");
    expect(other).toContain("Дана");
    expect(other).toContain("развод и алименты");
    expect(other).not.toContain("Айгерим");
    expect(other).not.toContain("тревога");
    expect(other).not.toContain("Омарова");
    const otherWeek = h.texts(await l.press("staff:week")).join("\n");
    expect(otherWeek).not.toContain("тревога");
    expect(otherWeek).not.toContain("Тимур");

    // An administrator without a specialist's link has no agenda at all.
    const admin = h.user({ id: ADMIN, first_name: "Admin", language_code: "ru" });
    const refused = await admin.press("staff:today");
    expect(answers(refused)).toEqual([ru("staff-only")]);
    expect(h.texts(refused)).toEqual([ru("staff-only")]);
  });

  it("today: an online consultation's person with a username and a shared phone needs no chat button", async () => {
    await h.db.updateTable("users").set({ username: "timur_99", phone: "+77021234567" }).where("id", "=", 502).execute();
    await h.db.updateTable("bookings").set({ mode: "online" }).where("id", "=", own.cancelled).execute();
    const s = h.user({ id: 7001, first_name: "Айжан", language_code: "ru" });
    const today = await s.press("staff:today");
    const [agenda] = h.texts(today);
    expect(agenda).toContain(
      ["14:00–14:50 · онлайн · Тимур · ожидается", ru("staff-contact-username", { username: "timur_99" }), ru("staff-contact-phone", { phone: "+77021234567" })].join("\n"),
    );
    // A cancelled online one of the same person says nothing of how to reach them.
    expect(agenda!.split("\n\n").at(-1)).toBe("16:00–16:50 · онлайн · Тимур · отменена");
    const agendaMessage = today.find((c) => c.method === "sendMessage" && c.payload.text === agenda)!;
    // No button at all on the agenda: the marks that follow carry the way back.
    expect(agendaMessage.payload.reply_markup).toBeUndefined();
    expect(s.buttons().map((b) => b.callback_data)).toEqual([`staff:mark:${own.past}:a`, `staff:mark:${own.past}:n`, "staff:menu"]);
  });

  it("today without the chat buttons when Telegram refuses one (a person's privacy settings)", async () => {
    h.refuse((call) =>
      ["sendMessage", "editMessageText"].includes(call.method) && JSON.stringify(call.payload.reply_markup ?? {}).includes("tg://user")
        ? { error_code: 400, description: "Bad Request: BUTTON_USER_PRIVACY_RESTRICTED" }
        : undefined,
    );
    const s = h.user({ id: 7001, first_name: "Айжан", language_code: "ru" });
    const today = await s.press("staff:today");
    // The first try is refused as a whole; the same text goes again.
    const [agenda, , refused] = h.texts(today);
    expect(agenda).toContain(`14:00–14:50 · онлайн · Тимур · ожидается\n${ru("staff-contact-no-username")}`);
    expect(refused).toBe(ru("staff-contact-refused-some"));
    const sent = today.filter((c) => c.method === "sendMessage");
    // The refused message, then the same text without buttons, the note, the marks with the way back.
    const keyboards = (calls: typeof sent) => calls.map((c) => c.payload.reply_markup?.inline_keyboard?.flat().map((b: { text: string }) => b.text) ?? []);
    expect(keyboards(sent)).toEqual([
      [ru("staff-button-write", { name: "14:00 Тимур" })],
      [],
      [],
      [ru("staff-button-attended", { n: 1 }), ru("staff-button-no-show", { n: 1 }), ru("button-back")],
    ]);
    expect(sent[1]!.payload.text).toBe(sent[0]!.payload.text);

    // When the refused agenda is the last message, the note after it takes the way back; a week
    // of one message pressed on the menu takes the menu's place, without the chat buttons.
    await s.send("/staff");
    const menu = s.messages().at(-1)!.message_id;
    const week = (await s.press("staff:week")).filter((c) => ["sendMessage", "editMessageText"].includes(c.method));
    expect(week.map((c) => [c.method, c.payload.message_id])).toEqual([
      ["editMessageText", menu],
      ["editMessageText", menu],
      ["sendMessage", undefined],
    ]);
    expect(keyboards(week)).toEqual([[ru("staff-button-write", { name: "14:00 Тимур" }), ru("button-back")], [], [ru("button-back")]]);
    expect(week[1]!.payload.text).toBe(week[0]!.payload.text);
    expect(week[2]!.payload.text).toBe(ru("staff-contact-refused-some"));
    expect(s.buttons().map((b) => b.callback_data)).toEqual(["staff:menu"]);
  });

  it("week: seven Almaty days from today, in Kazakh for a Kazakh specialist, moving with the clock", async () => {
    await h.db.insertInto("users").values({ id: 7001, language: "kk", created_at: "2026-11-01T00:00:00Z", updated_at: "2026-11-01T00:00:00Z" }).execute();
    const s = h.user({ id: 7001, first_name: "Айжан", language_code: "ru" });
    const [week] = h.texts(await s.press("staff:week"));
    const blocks = week!.split("\n\n");
    expect(blocks[0]).toBe(kk("staff-agenda-week-title", { from: "23 қараша, дүйсенбі", to: "29 қараша, жексенбі" }));
    expect(blocks.slice(1)).toEqual([
      [
        "<b>23 қараша, дүйсенбі</b>",
        "09:00–09:50 · бетпе-бет · Айгерим · күтілуде",
        "Тақырыбы: тревога перед сессией",
        "14:00–14:50 · онлайн · Тимур · күтілуде",
        kk("staff-contact-no-username"),
        "16:00–16:50 · бетпе-бет · Тимур · бас тартылды",
      ].join("\n"),
      "<b>29 қараша, жексенбі</b>\n10:00–10:50 · бетпе-бет · Айгерим · күтілуде",
    ]);

    // Late on Sunday evening in Almaty (still Sunday 18:59 UTC) the week runs to Saturday.
    h.clock.set("2026-11-29T18:59:00Z");
    const [later] = h.texts(await s.press("staff:week"));
    expect(later).toContain("<b>30 қараша, дүйсенбі</b>");
    expect(later).not.toContain("23 қараша");
    h.clock.set("2026-11-29T19:00:00Z"); // Monday 00:00 in Almaty
    const [today] = h.texts(await s.press("staff:today"));
    expect(today!.split("\n\n")[0]).toBe(kk("staff-agenda-today-title", { day: "30 қараша, дүйсенбі" }));
  });

  it("marks attended / no-show, only for the assigned specialist, only after the start", async () => {
    const s = h.user({ id: 7001, first_name: "Айжан", language_code: "ru" });
    await s.press("staff:today");

    const marked = await s.press(`staff:mark:${own.past}:a`);
    expect(answers(marked)).toEqual([ru("staff-status-attended")]);
    expect(h.texts(marked)).toEqual([
      `${ru("staff-marked-attended", { when: "23 ноября, понедельник, 09:00", name: "Айгерим" })}\n${ru("staff-mark-correctable-until", { until: "24 ноября, вторник, 12:00" })}`,
    ]);
    expect(await bookingStatus(own.past)).toBe("attended");

    // The same mark pressed again changes nothing.
    const again = await s.press(`staff:mark:${own.past}:a`);
    expect(answers(again)).toEqual([ru("staff-mark-already", { status: ru("staff-status-attended") })]);
    expect(h.texts(again)).toEqual([]);
    expect(await bookingStatus(own.past)).toBe("attended");

    // Forged ids: another specialist's booking, one not started, a cancelled one, nonsense.
    expect(answers(await s.press(`staff:mark:${lawyerBooking}:n`))).toEqual([ru("staff-mark-not-found")]);
    expect(answers(await s.press(`staff:mark:${own.later}:n`))).toEqual([ru("staff-mark-not-started")]);
    expect(answers(await s.press(`staff:mark:${own.cancelled}:n`))).toEqual([ru("staff-mark-not-confirmed")]);
    expect(answers(await s.press("staff:mark:999999:a"))).toEqual([ru("staff-mark-not-found")]);
    expect(answers(await s.press(`staff:mark:${own.later}:x`))).toEqual([ru("stale-button-alert")]);
    expect([await bookingStatus(lawyerBooking), await bookingStatus(own.later), await bookingStatus(own.cancelled)]).toEqual([
      "confirmed",
      "confirmed",
      "cancelled",
    ]);

    // Someone who is not a specialist.
    const stranger = h.user({ id: 555, first_name: "Test", language_code: "ru" });
    expect(answers(await stranger.press(`staff:mark:${lawyerBooking}:n`))).toEqual([ru("staff-only")]);

    // The lawyer marks their own no-show.
    const l = h.user({ id: 7002, first_name: "Ерлан", language_code: "ru" });
    const noShow = await l.press(`staff:mark:${lawyerBooking}:n`);
    expect(h.texts(noShow)[0]!.split("\n")[0]).toBe(ru("staff-marked-no-show", { when: "23 ноября, понедельник, 09:00", name: "Дана" }));
    expect(await bookingStatus(lawyerBooking)).toBe("no_show");
  });
});

describe("staff screens edit in place", () => {
  beforeEach(async () => {
    await link(psychologist, 7001);
    await registerUser(h.db, 501, { name: "Айгерим" });
    await registerUser(h.db, 502, { name: "Тимур" });
    const p = { specialist: psychologist };
    // Two consultations of this morning wait for a mark; it is 12:00.
    await insertBooking(h.db, { ...p, userId: 501, startsAt: "2026-11-23T04:00:00Z", endsAt: "2026-11-23T04:50:00Z" });
    await insertBooking(h.db, { ...p, userId: 502, startsAt: "2026-11-23T05:00:00Z", endsAt: "2026-11-23T05:50:00Z" });
  });

  it("a press on the staff menu turns it into the screen asked for, and Back turns it into the menu again", async () => {
    const s = h.user({ id: 7001, first_name: "Айжан", language_code: "ru" });
    await s.send("/staff");
    const menu = s.messages().at(-1)!.message_id;
    for (const [data, text] of [
      ["staff:blocks", ru("staff-blocks-empty")],
      ["staff:menu", ru("staff-menu", { name: "Айжан Серикова", service: ru("service-psychologist"), center: `Центр ${CENTER}` })],
      ["staff:language", ru("staff-choose-language")],
      ["staff:menu", ru("staff-menu", { name: "Айжан Серикова", service: ru("service-psychologist"), center: `Центр ${CENTER}` })],
      ["staff:week", ru("staff-agenda-week-title", { from: "23 ноября, понедельник", to: "29 ноября, воскресенье" })],
    ]) {
      const batch = await s.press(data!);
      expect(screenCalls(batch)).toEqual({ edited: [menu], sent: 0 });
      expect(h.texts(batch)[0]).toContain(text);
    }
    expect(s.messages()).toHaveLength(1);
    expect(s.buttons().map((b) => b.callback_data)).toEqual(["staff:menu"]);
  });

  it("today's agenda with the marks below it comes as new messages, the menu stays as it was", async () => {
    const s = h.user({ id: 7001, first_name: "Айжан", language_code: "ru" });
    await s.send("/staff");
    const today = await s.press("staff:today");
    expect(screenCalls(today)).toEqual({ edited: [], sent: 2 });
    expect(s.messages()[0]!.reply_markup?.inline_keyboard.flat().map((b) => b.text)).toContain(ru("staff-button-today"));
  });

  it("a mark from the list of several comes below it; a correction of that mark edits its answer", async () => {
    const s = h.user({ id: 7001, first_name: "Айжан", language_code: "ru" });
    await s.press("staff:today");
    const list = s.messages().at(-1)!;
    const [first] = list.reply_markup!.inline_keyboard.flat() as { callback_data: string }[];
    const marked = await s.press(first!.callback_data);
    expect(screenCalls(marked)).toEqual({ edited: [], sent: 1 });
    // The other consultation can still be marked from the list.
    expect(list.reply_markup!.inline_keyboard.flat()).toHaveLength(5);
    const answer = s.messages().at(-1)!.message_id;
    const undone = await s.press(s.buttons().find((b) => b.text === ru("staff-button-unmark"))!.callback_data!);
    expect(screenCalls(undone)).toEqual({ edited: [answer], sent: 0 });
    expect(h.texts(undone)).toEqual([ru("staff-unmarked", { when: "23 ноября, понедельник, 09:00", name: "Айгерим" })]);
  });

  it("a menu Telegram can no longer edit gets the screen as a new message, with no apology", async () => {
    const s = h.user({ id: 7001, first_name: "Айжан", language_code: "ru" });
    await s.send("/staff");
    refuseEdits(h);
    const week = await s.press("staff:week");
    expect(week.map((c) => c.method)).toEqual(["answerCallbackQuery", "editMessageText", "sendMessage"]);
    expect(h.texts(week)[1]).toContain(ru("staff-agenda-week-title", { from: "23 ноября, понедельник", to: "29 ноября, воскресенье" }));
    expect(h.texts(week).join("\n")).not.toContain(ru("error-generic"));
    expect(s.messages()).toHaveLength(2);
  });
});

describe("correcting an attendance mark", () => {
  let past: number;
  const markOf = (id: number) => h.db.selectFrom("bookings").select(["status", "marked_at"]).where("id", "=", id).executeTakeFirstOrThrow();

  beforeEach(async () => {
    await link(psychologist, 7001);
    await registerUser(h.db, 501, { name: "Айгерим" });
    // Today 09:00–09:50 Almaty; it is 12:00.
    past = await insertBooking(h.db, { specialist: psychologist, userId: 501, startsAt: "2026-11-23T04:00:00Z", endsAt: "2026-11-23T04:50:00Z" });
  });

  it("a mark can be changed or undone for 24 hours, from its answer or from today's screen", async () => {
    const s = h.user({ id: 7001, first_name: "Айжан", language_code: "ru" });
    await s.press("staff:today");
    await s.press(`staff:mark:${past}:a`);
    expect(s.buttons()).toEqual([
      { text: ru("staff-button-mark-no-show"), callback_data: `staff:mark:${past}:n` },
      { text: ru("staff-button-unmark"), callback_data: `staff:mark:${past}:u` },
      { text: ru("button-back"), callback_data: "staff:menu" },
    ]);

    // Wrong button: changed to no-show in the evening.
    h.clock.set("2026-11-23T15:00:00Z");
    const changed = await s.press(`staff:mark:${past}:n`);
    expect(answers(changed)).toEqual([ru("staff-status-no_show")]);
    expect(h.texts(changed)).toEqual([
      `${ru("staff-marked-no-show", { when: "23 ноября, понедельник, 09:00", name: "Айгерим" })}\n${ru("staff-mark-correctable-until", { until: "24 ноября, вторник, 20:00" })}`,
    ]);
    expect(await markOf(past)).toEqual({ status: "no_show", marked_at: "2026-11-23T15:00:00.000Z" });

    // Today's screen lists the recent mark with its correction; undone, it waits for a mark again.
    const today = h.texts(await s.press("staff:today"));
    expect(today.at(-1)).toBe(`${ru("staff-corrections-title")}\n1. 23 ноября, понедельник, 09:00 — Айгерим · ${ru("staff-status-no_show")}`);
    expect(s.buttons().map((b) => b.callback_data)).toEqual([`staff:mark:${past}:a`, `staff:mark:${past}:u`, "staff:menu"]);
    const undone = await s.press(`staff:mark:${past}:u`);
    expect(h.texts(undone)).toEqual([ru("staff-unmarked", { when: "23 ноября, понедельник, 09:00", name: "Айгерим" })]);
    expect(await markOf(past)).toEqual({ status: "confirmed", marked_at: null });
    expect(answers(await s.press(`staff:mark:${past}:u`))).toEqual([ru("staff-mark-not-marked")]);
    expect(h.texts(await s.press("staff:today"))[1]).toBe(`${ru("staff-marks-title")}\n1. 23 ноября, понедельник, 09:00 — Айгерим`);
  });

  it("after 24 hours the mark is final: no correction offered, a forged press changes nothing", async () => {
    const s = h.user({ id: 7001, first_name: "Айжан", language_code: "ru" });
    await s.press("staff:today");
    await s.press(`staff:mark:${past}:n`);

    // 23:59:59 later it can still be changed; at 24 hours it cannot.
    h.clock.set("2026-11-24T06:59:59Z");
    expect(h.texts(await s.press("staff:today")).at(-1)).toContain(ru("staff-corrections-title"));
    h.clock.set("2026-11-24T07:00:00Z");
    const today = h.texts(await s.press("staff:today"));
    expect(today.join("\n")).not.toContain(ru("staff-corrections-title"));
    expect(s.buttons().map((b) => b.callback_data)).toEqual(["staff:menu"]);
    for (const code of ["a", "u"]) {
      const forged = await s.press(`staff:mark:${past}:${code}`);
      expect(answers(forged)).toEqual([ru("staff-mark-final")]);
      expect(h.texts(forged)).toEqual([]);
    }
    expect(await markOf(past)).toEqual({ status: "no_show", marked_at: "2026-11-23T07:00:00.000Z" });
  });

  it("a no-show pauses booking only once final; corrected to attended, it never does", async () => {
    // Two older no-shows: one more final one reaches the limit of three.
    for (const day of ["2026-11-02", "2026-11-09"]) {
      await insertBooking(h.db, { specialist: psychologist, userId: 501, startsAt: `${day}T04:00:00Z`, endsAt: `${day}T04:50:00Z`, status: "no_show" });
    }
    const later = await insertBooking(h.db, { specialist: psychologist, userId: 501, startsAt: "2026-11-23T05:00:00Z", endsAt: "2026-11-23T05:50:00Z" });
    const s = h.user({ id: 7001, first_name: "Айжан", language_code: "ru" });
    const person = h.user({ id: 501, first_name: "Айгерим", language_code: "ru" });
    const paused = ru("consult-limit-no-shows", { limit: 3, days: 90 });
    const tryBooking = async () => {
      const texts = h.texts(await person.press("menu:consult"));
      await person.send("/cancel");
      return texts[0];
    };

    // Marked no-show by mistake, corrected an hour later.
    await s.press("staff:today");
    await s.press(`staff:mark:${past}:n`);
    expect(await tryBooking()).not.toBe(paused);
    h.clock.advance(3_600_000);
    await s.press(`staff:mark:${past}:a`);
    h.clock.advance(48 * 3_600_000);
    expect(await tryBooking()).not.toBe(paused);

    // A no-show left as it is counts once it is final.
    h.clock.set("2026-11-23T07:00:00Z");
    await s.press("staff:today");
    await s.press(`staff:mark:${later}:n`);
    expect(await tryBooking()).not.toBe(paused);
    h.clock.set("2026-11-24T07:00:00Z");
    expect(await tryBooking()).toBe(paused);
  });
});

describe("blocking time", () => {
  const blocks = () => h.db.selectFrom("blocked_times").select(["specialist_id", "starts_at", "ends_at"]).execute();

  beforeEach(async () => {
    await link(psychologist, 7001);
    await registerUser(h.db, 501, { name: "Айгерим" });
    // Tuesday 24 November, 10:00–10:50 Almaty.
    await insertBooking(h.db, { specialist: psychologist, userId: 501, startsAt: "2026-11-24T05:00:00Z", endsAt: "2026-11-24T05:50:00Z" });
  });

  it("walks date → start → end → confirm, repeating each step on wrong input", async () => {
    const s = h.user({ id: 7001, first_name: "Айжан", language_code: "ru" });
    expect(h.texts(await s.press("staff:block"))).toEqual([ru("staff-block-ask-date")]);
    const dates = s.buttons().map((b) => b.callback_data);
    expect(dates).toHaveLength(15);
    expect(dates[0]).toBe("stb-date:2026-11-23");
    expect(dates.at(-2)).toBe("stb-date:2026-12-06");
    expect(s.buttons().at(-1)).toEqual({ text: ru("button-back"), callback_data: "staff:menu" });
    expect(h.texts(await s.send("завтра"))).toEqual([ru("need-button"), ru("staff-block-ask-date")]);

    const day = "24 ноября, вторник";
    expect(h.texts(await s.press("stb-date:2026-11-24"))).toEqual([ru("staff-block-ask-start", { day })]);
    const starts = s.buttons().map((b) => b.text);
    expect([starts.length, starts[0], starts.at(-1)]).toEqual([18, "09:00", "17:30"]);
    expect(h.texts(await s.send("утром"))).toEqual([ru("staff-block-start-invalid")]);
    expect(h.texts(await s.sendSticker())).toEqual([ru("need-text"), ru("staff-block-ask-start", { day })]);
    expect(h.texts(await s.send("/profile"))).toEqual([ru("command-mid-flow"), ru("staff-block-ask-start", { day })]);

    expect(h.texts(await s.press("stb-start:10:00"))).toEqual([ru("staff-block-ask-end", { day, start: "10:00" })]);
    const ends = s.buttons().map((b) => b.text);
    expect([ends.length, ends[0], ends.at(-1)]).toEqual([16, "10:30", "18:00"]);
    expect(h.texts(await s.send("09:30"))).toEqual([ru("staff-block-end-invalid", { after: "10:00" })]);
    expect(h.texts(await s.send("25:00"))).toEqual([ru("staff-block-end-invalid", { after: "10:00" })]);
    expect(h.texts(await s.sendPhoto())).toEqual([ru("need-text"), ru("staff-block-ask-end", { day, start: "10:00" })]);

    const range = { day, start: "10:00", end: "12:00" };
    const inside = ru("staff-block-bookings-inside", { count: 1 });
    expect(h.texts(await s.press("stb-end:12:00"))).toEqual([`${ru("staff-block-confirm", range)}\n\n${inside}`]);
    expect(h.texts(await s.send("да"))).toEqual([ru("need-button"), `${ru("staff-block-confirm", range)}\n\n${inside}`]);
    expect(await blocks()).toEqual([]);

    // The question becomes a record of the answer, and the outcome comes below it.
    expect(h.texts(await s.press("stb-ok:yes")).slice(1)).toEqual([`${ru("staff-block-done", range)}\n\n${inside}`]);
    expect(await blocks()).toEqual([{ specialist_id: psychologist.id, starts_at: "2026-11-24T05:00:00.000Z", ends_at: "2026-11-24T07:00:00.000Z" }]);
    // The booking inside stays; the specialist decides about it.
    expect(await h.db.selectFrom("bookings").select("status").execute()).toEqual([{ status: "confirmed" }]);
  });

  it("takes typed times, refuses an end already past, and stores nothing when cancelled", async () => {
    const s = h.user({ id: 7001, first_name: "Айжан", language_code: "ru" });
    await s.press("staff:block");
    const day = "23 ноября, понедельник";
    await s.press("stb-date:2026-11-23");
    // Today it is 12:00: the buttons start there, a typed earlier start is still taken.
    expect(s.buttons()[0]!.text).toBe("12:00");
    expect(h.texts(await s.send("8:00"))).toEqual([ru("staff-block-ask-end", { day, start: "08:00" })]);
    expect(h.texts(await s.send("11.30"))).toEqual([ru("staff-block-end-invalid", { after: "12:00" })]);
    const range = { day, start: "08:00", end: "13:30" };
    expect(h.texts(await s.send("13:30"))).toEqual([ru("staff-block-confirm", range)]);
    // Nothing done: the question itself gives way to saying so, in the same message.
    const dropped = await s.press("stb-ok:no");
    expect(h.texts(dropped)).toEqual([ru("staff-block-dropped")]);
    expect(dropped.filter((c) => c.method === "sendMessage")).toEqual([]);
    expect(await blocks()).toEqual([]);

    await s.press("staff:block");
    await s.press("stb-date:2026-11-25");
    expect(h.texts(await s.send("/cancel"))).toEqual([ru("cancelled"), ru("menu-title")]);
    expect(h.texts(await s.press("stb-start:10:00"))).toEqual([ru("stale-button"), ru("menu-title")]);
    expect(await blocks()).toEqual([]);
  });

  it("lists blocks to remove, each only by its own specialist", async () => {
    await link(lawyer, 7002);
    const start = "2026-11-25T09:00:00.000Z";
    const end = "2026-11-25T10:00:00.000Z";
    const { id } = await h.db
      .insertInto("blocked_times")
      .values({ specialist_id: psychologist.id, starts_at: start, ends_at: end, created_at: start })
      .returning("id")
      .executeTakeFirstOrThrow();

    const l = h.user({ id: 7002, first_name: "Ерлан", language_code: "ru" });
    expect(h.texts(await l.press("staff:blocks"))).toEqual([ru("staff-blocks-empty")]);
    expect(answers(await l.press(`staff:unblock:${id}`))).toEqual([ru("staff-unblock-not-found")]);
    expect(await blocks()).toHaveLength(1);

    const s = h.user({ id: 7001, first_name: "Айжан", language_code: "ru" });
    expect(h.texts(await s.press("staff:blocks"))).toEqual([ru("staff-blocks-title")]);
    const when = "25 ноября, среда, 14:00–15:00";
    expect(s.buttons().map((b) => b.text)).toEqual([ru("staff-button-unblock", { when }), ru("button-back")]);
    // The list shows what is left, headed by what was opened again.
    const list = s.messages().at(-1)!.message_id;
    const unblocked = await s.press(`staff:unblock:${id}`);
    expect(h.texts(unblocked)).toEqual([`${ru("staff-unblocked", { when })}\n\n${ru("staff-blocks-empty")}`]);
    expect(screenCalls(unblocked)).toEqual({ edited: [list], sent: 0 });
    expect(await blocks()).toEqual([]);
    expect(answers(await s.press(`staff:unblock:${id}`))).toEqual([ru("staff-unblock-not-found")]);
  });

  it("the day picker's Back leaves the flow for the staff menu", async () => {
    const s = h.user({ id: 7001, first_name: "Айжан", language_code: "ru" });
    await s.press("staff:block");
    const back = await s.press("staff:menu");
    expect(h.texts(back)).toEqual([ru("staff-menu", { name: "Айжан Серикова", service: ru("service-psychologist"), center: `Центр ${CENTER}` })]);
    expect(answers(back)).toHaveLength(1);
    // The flow is over: a day pressed afterwards is a stale button, and nothing is stored.
    expect(h.texts(await s.press("stb-date:2026-11-24"))).toEqual([ru("stale-button"), ru("menu-title")]);
    expect(await blocks()).toEqual([]);
  });

  it("a specialist without working hours ahead is told there is nothing to block", async () => {
    await h.db.deleteFrom("specialist_hours").where("specialist_id", "=", psychologist.id).execute();
    const s = h.user({ id: 7001, first_name: "Айжан", language_code: "ru" });
    expect(h.texts(await s.press("staff:block"))).toEqual([ru("staff-block-no-days")]);
  });
});

describe("cancelling a consultation", () => {
  it("lists ten a page with arrows, and after a cancellation shows the first page of what is left", async () => {
    await link(psychologist, 7001);
    await registerUser(h.db, 662);
    // Eleven consultations, from Tuesday 24 November on, one a day at 10:00 Almaty.
    const ids: number[] = [];
    for (let day = 0; day < 11; day++) {
      const start = new Date(Date.UTC(2026, 10, 24 + day, 5, 0));
      ids.push(await insertBooking(h.db, { specialist: psychologist, userId: 662, startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 50 * 60_000).toISOString() }));
    }
    const s = h.user({ id: 7001, first_name: "Айжан", language_code: "ru" });
    const listed = () => s.buttons().filter((b) => b.callback_data?.startsWith("staff:cancel:")).map((b) => Number(b.callback_data!.split(":")[2]));
    await s.send("/staff");
    await s.press("staff:cancels:0");
    expect(listed()).toEqual(ids.slice(0, 10));
    expect(s.buttons().slice(-2).map((b) => b.text)).toEqual([ru("staff-page-next"), ru("button-back")]);
    await s.click(ru("staff-page-next"));
    expect(listed()).toEqual(ids.slice(10));
    expect(s.buttons().slice(-2).map((b) => b.text)).toEqual([ru("staff-page-prev"), ru("button-back")]);

    await s.press(`staff:cancel:${ids[10]}`);
    const done = await s.press(`staff:cancel-yes:${ids[10]}`);
    expect(h.texts(done)[0]!.split("\n\n")[1]).toBe(ru("staff-cancel-choose"));
    expect(listed()).toEqual(ids.slice(0, 10));
    expect(s.buttons().map((b) => b.text)).not.toContain(ru("staff-page-next"));
    expect(await bookingStatus(ids[10]!)).toBe("cancelled");
  });

  it("the specialist cancels their own upcoming one after asking; the person is told, offered another time and sent the cancelling calendar file", async () => {
    await link(psychologist, 7001);
    const person = await signedUpUser(h, 661, "kk");
    await h.db.updateTable("users").set({ name: "Айгерим" }).where("id", "=", 661).execute();
    const policy = { limits: h.config.booking, reminderOffsetsMinutes: h.config.reminderOffsetsMinutes };
    // Wednesday 25 November, 14:50 Almaty.
    const booked = await bookSlot(h.db, { userId: 661, specialistId: psychologist.id, startsAt: new Date("2026-11-25T09:50:00Z"), mode: "in_person", topic: null }, policy, h.clock.now());
    if (booked.kind !== "booked") throw new Error(`fixture booking failed: ${booked.kind}`);
    const lawyerBooking = await insertBooking(h.db, { specialist: lawyer, userId: 661, startsAt: "2026-11-26T05:00:00Z", endsAt: "2026-11-26T05:30:00Z" });
    const consultation = "25 ноября, среда, 14:50 — Айгерим";
    // The person put it in their calendar.
    const added = String((await person.press(`mybk:ics:${booked.bookingId}`)).find((c) => c.method === "sendDocument")?.payload.document);
    expect(added).toContain("\r\nMETHOD:PUBLISH\r\n");

    const s = h.user({ id: 7001, first_name: "Айжан", language_code: "ru" });
    await s.send("/staff");
    expect(s.buttons().find((b) => b.text === ru("staff-button-cancel"))?.callback_data).toBe("staff:cancels:0");
    // Each step takes the place of the screen pressed on, as the rest of the staff menu does.
    const list = await s.press("staff:cancels:0");
    expect(list.filter((c) => c.method !== "answerCallbackQuery").map((c) => c.method)).toEqual(["editMessageText"]);
    expect(h.texts(list)).toEqual([ru("staff-cancel-choose")]);
    expect(s.buttons()).toEqual([
      { text: consultation, callback_data: `staff:cancel:${booked.bookingId}` },
      { text: ru("button-back"), callback_data: "staff:menu" },
    ]);

    // Another specialist's booking, pressed through forged buttons, stays as it was.
    expect(answers(await s.press(`staff:cancel:${lawyerBooking}`))).toEqual([ru("staff-cancel-unavailable")]);
    expect(answers(await s.press(`staff:cancel-yes:${lawyerBooking}`))).toEqual([ru("staff-cancel-unavailable")]);
    expect(await bookingStatus(lawyerBooking)).toBe("confirmed");
    // Data no cancel button makes is a stale button, whatever it names.
    for (const data of [`staff:cancel-yes:${booked.bookingId}x`, "staff:cancels:-1", "staff:cancel:"]) {
      expect(answers(await s.press(data))).toEqual([ru("stale-button-alert")]);
    }
    expect(await bookingStatus(booked.bookingId)).toBe("confirmed");

    const asked = await s.press(`staff:cancel:${booked.bookingId}`);
    expect(asked.filter((c) => c.method !== "answerCallbackQuery").map((c) => c.method)).toEqual(["editMessageText"]);
    expect(h.texts(asked)).toEqual([ru("staff-cancel-confirm", { consultation })]);
    expect(await bookingStatus(booked.bookingId)).toBe("confirmed");
    // Done: the question becomes what is left to cancel, headed by what was cancelled.
    const done = await s.press(`staff:cancel-yes:${booked.bookingId}`);
    expect(answers(done)).toEqual([ru("staff-cancelled-alert")]);
    expect(done.filter((c) => c.method !== "answerCallbackQuery").map((c) => c.method)).toEqual(["editMessageText"]);
    expect(h.texts(done)).toEqual([`${ru("staff-cancelled", { consultation })}\n\n${ru("staff-cancel-none")}`]);
    expect(s.buttons()).toEqual([{ text: ru("button-back"), callback_data: "staff:menu" }]);
    expect(await bookingStatus(booked.bookingId)).toBe("cancelled");
    // A second press changes nothing, and the list has nothing left to cancel.
    expect(answers(await s.press(`staff:cancel-yes:${booked.bookingId}`))).toEqual([ru("staff-cancel-unavailable")]);
    expect(h.texts(await s.press("staff:cancels:0"))).toEqual([ru("staff-cancel-none")]);

    // The person hears at once, in their language; their reminders are withdrawn, the specialist is not told of their own act.
    const delivered = await dispatch();
    const sent = delivered.filter((c) => c.method === "sendMessage");
    const when = kk("reminders-when-date", { day: "25 қараша, сәрсенбі", time: "14:50" });
    expect(sent.map((c) => [c.payload.chat_id, c.payload.text])).toEqual([
      [661, `${kk("reminders-cancelled-by-staff", { service: kk("service-psychologist"), when })}\n\n${kk("reminders-cancelled-free-times")}`],
    ]);
    // The same specialist's nearest free times book at once; "another time" leads to booking anew.
    const offered = sent[0]!.payload.reply_markup.inline_keyboard.flat().map((b: { callback_data: string }) => b.callback_data);
    expect(offered.slice(-2)).toEqual(["menu:consult", "menu:open"]);
    expect(offered.slice(0, -2)).toHaveLength(3);
    for (const data of offered.slice(0, -2)) expect(data).toMatch(new RegExp(`^rem:rebook:${booked.bookingId}:${psychologist.id}:\\d+$`));
    // Right after the text comes the file that takes the event out of their calendar.
    expect(delivered.filter((c) => c.method !== "answerCallbackQuery").map((c) => c.method)).toEqual(["sendMessage", "sendDocument"]);
    const file = delivered.find((c) => c.method === "sendDocument")!;
    expect(file.payload).toMatchObject({ chat_id: 661, caption: kk("bookings-ics-cancelled-caption") });
    const cancelling = String(file.payload.document);
    expect(cancelling).toContain("\r\nMETHOD:CANCEL\r\n");
    expect(cancelling).toContain("\r\nSTATUS:CANCELLED\r\n");
    const uid = (ics: string) => /\r\nUID:(.+)\r\n/.exec(ics)?.[1];
    expect(uid(cancelling)).toBe(`booking-${booked.bookingId}@jastar-bot`);
    expect(uid(cancelling)).toBe(uid(added));
    const sequence = (ics: string) => Number(/\r\nSEQUENCE:(\d+)\r\n/.exec(ics)?.[1]);
    expect(sequence(cancelling)).toBeGreaterThan(sequence(added));
    // Sent once: another run has nothing left for them.
    expect((await dispatch()).filter((c) => c.payload.chat_id === 661)).toEqual([]);
    expect(h.texts(await person.press("menu:consult"))).toEqual([kk("consult-ask-service")]);
  });
});

describe("notices to staff", () => {
  let bookingId: number;

  beforeEach(async () => {
    await link(psychologist, 7001);
    await registerUser(h.db, 501, { name: "Айгерим" });
    // Wednesday 25 November, 15:00–15:50 Almaty.
    bookingId = await insertBooking(h.db, {
      specialist: psychologist,
      userId: 501,
      startsAt: "2026-11-25T10:00:00Z",
      endsAt: "2026-11-25T10:50:00Z",
      mode: "online",
      topic: "<не сплю> по ночам",
    });
  });

  async function render(kind: NoticeKind, language: Language, recipientId = 7001) {
    const row: OutboxRow = {
      id: 1,
      kind,
      recipient_id: recipientId,
      payload: JSON.stringify({ bookingId }),
      due_at: h.clock.now().toISOString(),
      expires_at: null,
      state: "sending",
      attempts: 0,
      last_error: null,
      claimed_by: null,
      claimed_at: null,
      sent_at: null,
      essential: 1,
      urgent: 0,
      booking_id: bookingId,
      dedupe_key: `${kind}:${bookingId}`,
      created_at: h.clock.now().toISOString(),
    };
    const notice = await noticeRenderers[kind]!({
      row,
      recipient: await findUser(h.db, row.recipient_id),
      payload: { bookingId },
      language,
      t: (key, vars) => h.i18n.t(language, key, vars),
      db: h.db,
      now: h.clock.now(),
    });
    return textNotice(notice);
  }

  it("a new booking reaches its specialist with Almaty time, service, mode and the topic, in ru and kk", async () => {
    const ruNotice = await render("staff_booking_new", "ru");
    expect(ruNotice?.text.split("\n")).toEqual([
      "🆕 <b>Новая запись</b>",
      "25 ноября, среда, 15:00–15:50",
      "Психолог, онлайн",
      `Центр ${CENTER}`,
      "Имя: Айгерим",
      "Тема: &lt;не сплю&gt; по ночам",
      ru("staff-contact-no-username"),
    ]);
    const kkNotice = await render("staff_booking_new", "kk");
    expect(kkNotice?.text.split("\n")).toEqual([
      "🆕 <b>Жаңа жазылу</b>",
      "25 қараша, сәрсенбі, 15:00–15:50",
      "Психолог, онлайн",
      `Орталық ${CENTER}`,
      "Аты: Айгерим",
      "Тақырыбы: &lt;не сплю&gt; по ночам",
      kk("staff-contact-no-username"),
    ]);

    // After the person erased their data the booking stays, without a name.
    await h.db.updateTable("bookings").set({ user_id: null }).where("id", "=", bookingId).execute();
    expect((await render("staff_booking_new", "ru"))?.text).toContain(`Имя: ${ru("staff-person-unknown")}`);
  });

  it("an online booking tells how to reach the person: a chat button without a username", async () => {
    const notice = await render("staff_booking_new", "ru");
    expect(notice?.reply_markup).toEqual({ inline_keyboard: [[{ text: ru("staff-button-write", { name: "Айгерим" }), url: "tg://user?id=501" }]] });
    // Should Telegram refuse the button (the person's privacy settings), the text says so instead.
    expect(notice?.ifChatLinkRefused).toEqual({ text: `${notice!.text}\n${ru("staff-contact-refused")}` });
  });

  it("an online booking gives the username instead of a button, and the phone the person shared", async () => {
    await h.db.updateTable("users").set({ username: "aigerim_<1>", phone: "+77011234567" }).where("id", "=", 501).execute();
    const notice = await render("staff_booking_new", "kk");
    expect(notice?.text.split("\n").slice(-2)).toEqual([
      kk("staff-contact-username", { username: "aigerim_&lt;1&gt;" }),
      kk("staff-contact-phone", { phone: "+77011234567" }),
    ]);
    expect(notice?.reply_markup).toBeUndefined();
    expect(notice?.ifChatLinkRefused).toBeUndefined();
  });

  it("an in-person booking and a cancellation carry no contact", async () => {
    await h.db.updateTable("users").set({ username: "aigerim", phone: "+77011234567" }).where("id", "=", 501).execute();
    await h.db.updateTable("bookings").set({ mode: "in_person" }).where("id", "=", bookingId).execute();
    const inPerson = await render("staff_booking_new", "ru");
    expect(inPerson?.text).not.toMatch(/aigerim|7701/);
    expect(inPerson?.reply_markup).toBeUndefined();
    await h.db.updateTable("bookings").set({ mode: "online", status: "cancelled", cancelled_by: "user" }).where("id", "=", bookingId).execute();
    const cancelled = await render("staff_booking_cancelled", "ru");
    expect(cancelled?.text).not.toMatch(/aigerim|7701/);
    expect(cancelled?.reply_markup).toBeUndefined();
  });

  it("nobody but the assigned specialist's account gets the details", async () => {
    expect(await render("staff_booking_new", "ru", ADMIN)).toBeNull();
    expect(await render("staff_booking_new", "ru", 7002)).toBeNull();
    // Relinked to another account after the notice was written: the old account gets nothing.
    await link(psychologist, 7009);
    expect(await render("staff_booking_new", "ru", 7001)).toBeNull();
  });

  it("a cancellation is told once it happened; a booking gone or cancelled renders no 'new' notice", async () => {
    expect(await render("staff_booking_cancelled", "kk")).toBeNull();
    await h.db.updateTable("bookings").set({ status: "cancelled", cancelled_by: "user" }).where("id", "=", bookingId).execute();
    expect(await render("staff_booking_new", "ru")).toBeNull();
    const cancelled = await render("staff_booking_cancelled", "kk");
    expect(cancelled?.text.split("\n").slice(0, 2)).toEqual(["❌ <b>Жазылудан бас тартылды</b>", "25 қараша, сәрсенбі, 15:00–15:50"]);
    expect(cancelled?.text).toContain("Тақырыбы: &lt;не сплю&gt; по ночам");
    await h.db.deleteFrom("bookings").where("id", "=", bookingId).execute();
    expect(await render("staff_booking_cancelled", "ru")).toBeNull();
  });
});

describe("staff locale keys built from domain values", () => {
  it("exist in both languages", () => {
    const statuses = ["confirmed", "attended", "no_show", "cancelled", "rescheduled"].map((s) => `staff-status-${s}`);
    const modes = ["in_person", "online"].map((m) => `staff-mode-${m}`);
    const refusals = ["unknown", "used", "expired", "specialist-linked", "account-linked", "host-linked", "no-sessions"].map(
      (r) => `staff-invite-${r}`,
    );
    const marks = ["not-found", "not-started", "not-confirmed", "final", "not-marked"].map((r) => `staff-mark-${r}`);
    for (const language of ["ru", "kk"] as const) {
      // A missing message comes back as "{key}".
      const missing = [...statuses, ...modes, ...refusals, ...marks].filter((key) => h.i18n.translate(language, key) === `{${key}}`);
      expect(missing, language).toEqual([]);
    }
  });
});

/** Sends what is due through the bot's own API client, as the scheduler does; returns the calls it made. */
async function dispatch(): Promise<ApiCall[]> {
  const from = h.calls.length;
  const deps = { config: h.config, db: h.db, logger: createLogger("silent"), clock: h.clock, api: h.bot.api, i18n: h.i18n, renderers: noticeRenderers };
  await new OutboxDispatcher(deps, { sleep: async (ms) => h.clock.advance(ms) }).dispatchDue();
  return h.calls.slice(from);
}

/** What an administrator does to a specialist who leaves. */
async function deactivate(specialist: Specialist): Promise<void> {
  await h.db.updateTable("specialists").set({ active: 0 }).where("id", "=", specialist.id).execute();
}

describe("the staff side from /start and from inside a flow", () => {
  const menuOf = (t: typeof ru) => t("staff-menu", { name: "Айжан Серикова", service: t("service-psychologist"), center: `Центр ${CENTER}` });

  it("a specialist's /start opens the staff menu, whose last button leads to the visitor's side", async () => {
    await link(psychologist, 7001);
    const s = h.user({ id: 7001, first_name: "Айжан", language_code: "ru" });
    expect(h.texts(await s.send("/start"))).toEqual([menuOf(ru)]);
    expect(s.buttons().at(-1)).toEqual({ text: ru("staff-button-visitor"), callback_data: "menu:open" });
    expect(h.texts(await s.press("menu:open"))).toEqual([ru("menu-title")]);
    // Booking for themselves needs the visitor's sign-up, offered from there.
    expect(h.texts(await s.press("menu:consult"))).toEqual([ru("need-signup")]);
    expect(await findUser(h.db, 7001)).toBeUndefined();

    // Once deactivated, /start is the visitor's again.
    await h.db.updateTable("specialists").set({ active: 0 }).where("id", "=", psychologist.id).execute();
    expect(h.texts(await s.send("/start"))).toEqual([ru("signup-choose-language")]);
  });

  it("a tea-talk host's /start opens the host's side, with the way to the visitor's side", async () => {
    // A session tomorrow at 18:00 Almaty, hosted by this account.
    await insertTeaTalkSession(h.db, { centerId: CENTER, startsAt: "2026-11-24T13:00:00Z", hostTelegramId: 7300 });
    const host = h.user({ id: 7300, first_name: "Айгерім", language_code: "kk" });
    expect(h.texts(await host.send("/start"))).toEqual([kk("teatalk-host-start")]);
    expect(host.buttons()).toEqual([
      { text: kk("teatalk-host-button-today"), callback_data: "tt:host" },
      { text: kk("evadm-button-mine"), callback_data: "evadm:mine" },
      { text: kk("staff-button-visitor"), callback_data: "menu:open" },
    ]);
    // Nothing today: said so, with the way to the sessions ahead and to the main menu.
    expect(h.texts(await host.press("tt:host"))).toEqual([kk("teatalk-host-none")]);
    expect(host.buttons()).toEqual([
      { text: kk("evadm-button-mine"), callback_data: "evadm:mine" },
      { text: kk("button-menu"), callback_data: "menu:open" },
    ]);

    // After the last session is over, the host is a visitor like anyone.
    h.clock.set("2026-11-25T00:00:00Z");
    expect(h.texts(await host.send("/start"))).toEqual([kk("signup-choose-language")]);
  });

  it("/staff inside a flow leaves it, says so in one line, and opens the staff menu", async () => {
    await link(psychologist, 7001);
    const s = h.user({ id: 7001, first_name: "Айжан", language_code: "ru" });
    await s.press("staff:block");
    await s.press("stb-date:2026-11-24");
    expect(h.texts(await s.send("/staff"))).toEqual([ru("flow-left"), menuOf(ru)]);
    // The step's buttons are stale now, and nothing was blocked.
    expect(h.texts(await s.press("stb-start:10:00"))).toEqual([ru("stale-button"), ru("menu-title")]);
    expect(await h.db.selectFrom("blocked_times").selectAll().execute()).toEqual([]);
  });

  it("/host inside a flow leaves it for the host's screen", async () => {
    await insertTeaTalkSession(h.db, { centerId: CENTER, startsAt: "2026-11-23T13:00:00Z", hostTelegramId: 7300 });
    const host = await signedUpUser(h, 7300, "ru");
    await host.press("menu:consult");
    expect(h.texts(await host.send("/host"))).toEqual([
      ru("flow-left"),
      ru("teatalk-host-title", { day: "23 ноября, понедельник" }),
      expect.stringContaining(ru("teatalk-host-no-participants")),
    ]);
  });

  it("someone without the role keeps their flow: the step is asked again", async () => {
    const u = h.user({ id: 7400, first_name: "Дана", language_code: "ru" });
    expect(h.texts(await u.send("/start"))).toEqual([ru("signup-choose-language")]);
    expect(h.texts(await u.send("/staff"))).toEqual([ru("command-mid-flow"), ru("signup-choose-language")]);
    expect(h.texts(await u.send("/host"))).toEqual([ru("command-mid-flow"), ru("signup-choose-language")]);
  });
});

describe("no staff screen is a dead end", () => {
  it("every screen a staff button opens ends with a way back", async () => {
    await link(psychologist, 7001);
    await registerUser(h.db, 501, { name: "Айгерим" });
    await insertBooking(h.db, { specialist: psychologist, userId: 501, startsAt: "2026-11-23T04:00:00Z", endsAt: "2026-11-23T04:50:00Z" });
    const s = h.user({ id: 7001, first_name: "Айжан", language_code: "ru" });
    const wayBack = () => s.buttons().map((b) => b.callback_data).filter((d) => d === "staff:menu" || d === "menu:open");
    for (const button of ["staff:today", "staff:week", "staff:blocks", "staff:cancels:0", "staff:language", "staff:block"]) {
      await s.send("/staff");
      await s.press(button);
      expect(wayBack(), button).toHaveLength(1);
    }
    await s.send("/cancel");
    const stranger = h.user({ id: 555, first_name: "Test", language_code: "ru" });
    await stranger.press("staff:today");
    expect(stranger.buttons()).toEqual([{ text: ru("button-menu"), callback_data: "menu:open" }]);

    const admin = h.user({ id: ADMIN, first_name: "Admin", language_code: "ru" });
    await admin.press(`staff-inv:s:${lawyer.id}`);
    expect(admin.buttons()).toEqual([{ text: ru("button-menu"), callback_data: "menu:open" }]);
    expect(h.texts(await admin.send(`/invite ${psychologist.id}`))).toEqual([ru("staff-invite-already-linked", { name: "Айжан Серикова" })]);
    expect(admin.buttons()).toEqual([{ text: ru("button-menu"), callback_data: "menu:open" }]);
  });
});

describe("per-chat command menus", () => {
  const BASE = ["start", "menu", "profile", "help", "mydata", "deleteme", "cancel"];
  const menuCalls = (batch: ApiCall[]) => batch.filter((c) => c.method === "setMyCommands" || c.method === "deleteMyCommands");
  /** The chat-scoped menus a batch set, by language ("" for any other). */
  const chatMenus = (batch: ApiCall[], chatId: number): Record<string, { command: string; description: string }[]> =>
    Object.fromEntries(
      menuCalls(batch)
        .filter((c) => c.method === "setMyCommands" && c.payload.scope?.type === "chat" && c.payload.scope.chat_id === chatId)
        .map((c) => [c.payload.language_code ?? "", c.payload.commands as { command: string; description: string }[]]),
    );
  const resets = (batch: ApiCall[], chatId: number) =>
    menuCalls(batch)
      .filter((c) => c.method === "deleteMyCommands" && c.payload.scope?.chat_id === chatId)
      .map((c) => c.payload.language_code ?? "");

  it("a specialist gets /staff in their menu as soon as the invite links them, in both languages", async () => {
    const admin = h.user({ id: ADMIN, first_name: "Admin", language_code: "ru" });
    const [text] = h.texts(await admin.send(`/invite ${psychologist.id}`));
    const payload = LINK_RE.exec(text!)![1]!;
    const specialist = h.user({ id: 7001, first_name: "Айжан", language_code: "kk" });
    const linked = await specialist.send(`/start ${payload}`);
    const menus = chatMenus(linked, 7001);
    expect(Object.keys(menus).sort()).toEqual(["", "kk", "ru"]);
    for (const [lang, commands] of Object.entries(menus)) {
      const language = lang === "" ? "ru" : lang;
      expect(commands.map((c) => c.command)).toEqual([...BASE, "staff"]);
      expect(commands.at(-1)!.description).toBe(h.i18n.t(language, "command-staff"));
    }
    expect(menus.kk!.at(-1)!.description).not.toBe(menus.ru!.at(-1)!.description);
  });

  it("an administrator's /start sets /invite and /admin for them and goes on to the sign-up; nobody else gets a menu of their own", async () => {
    const admin = h.user({ id: ADMIN, first_name: "Admin", language_code: "ru" });
    const started = await admin.send("/start");
    expect(h.texts(started)).toEqual([ru("signup-choose-language")]);
    expect(chatMenus(started, ADMIN).ru!.map((c) => c.command)).toEqual([...BASE, "invite", "admin"]);

    const visitor = h.user({ id: 7400, first_name: "Дана", language_code: "ru" });
    expect(menuCalls(await visitor.send("/start"))).toEqual([]);
  });

  it("a tea-talk host gets /host; a specialist who hosts gets both", async () => {
    await link(psychologist, 7001);
    await insertTeaTalkSession(h.db, { centerId: CENTER, startsAt: "2026-11-24T13:00:00Z", hostTelegramId: 7300 });
    await insertTeaTalkSession(h.db, { centerId: CENTER, startsAt: "2026-11-25T13:00:00Z", hostSpecialistId: psychologist.id });
    const host = h.user({ id: 7300, first_name: "Айгерім", language_code: "kk" });
    expect(chatMenus(await host.send("/start"), 7300).kk!.map((c) => c.command)).toEqual([...BASE, "host"]);
    const s = h.user({ id: 7001, first_name: "Айжан", language_code: "ru" });
    expect(chatMenus(await s.send("/start"), 7001).ru!.map((c) => c.command)).toEqual([...BASE, "staff", "host"]);
  });

  it("a deactivated specialist's own menu is removed when they next come", async () => {
    await link(psychologist, 7001);
    await h.db.updateTable("specialists").set({ active: 0 }).where("id", "=", psychologist.id).execute();
    const s = h.user({ id: 7001, first_name: "Айжан", language_code: "ru" });
    const refused = await s.send("/staff");
    expect(h.texts(refused)).toEqual([ru("staff-only")]);
    expect(resets(refused, 7001).sort()).toEqual(["", "kk", "ru"]);
    expect(resets(await s.send("/start"), 7001).sort()).toEqual(["", "kk", "ru"]);
  });

  it("at start-up every current or former staff member's menu is put right", async () => {
    await link(psychologist, 7001);
    await link(lawyer, 7002);
    await h.db.updateTable("specialists").set({ active: 0 }).where("id", "=", lawyer.id).execute();
    await insertTeaTalkSession(h.db, { centerId: CENTER, startsAt: "2026-11-24T13:00:00Z", hostTelegramId: 7300 });
    // Hosted a session last week and none since.
    await insertTeaTalkSession(h.db, { centerId: CENTER, startsAt: "2026-11-16T13:00:00Z", hostTelegramId: 7301 });
    const from = h.calls.length;
    await syncCommandMenus(h.bot.api, (lang, key) => h.i18n.t(lang, key), { config: h.config, db: h.db, clock: h.clock, logger: createLogger("silent") });
    const batch = h.calls.slice(from);
    expect(chatMenus(batch, ADMIN).kk!.map((c) => c.command)).toEqual([...BASE, "invite", "admin"]);
    expect(chatMenus(batch, 7001).kk!.map((c) => c.command)).toEqual([...BASE, "staff"]);
    expect(chatMenus(batch, 7300).ru!.map((c) => c.command)).toEqual([...BASE, "host"]);
    expect(resets(batch, 7002).sort()).toEqual(["", "kk", "ru"]);
    expect(resets(batch, 7301).sort()).toEqual(["", "kk", "ru"]);
    expect(menuCalls(batch)).toHaveLength(5 * 3);
  });
});

describe("the staff screen's language", () => {
  it("after a switch, everything on the staff menu is in the new language, the center's name included", async () => {
    await link(psychologist, 7001);
    const s = h.user({ id: 7001, first_name: "Айжан", language_code: "ru" });
    const names = (t: typeof ru, center: string) => ({ name: "Айжан Серикова", service: t("service-psychologist"), center });
    expect(h.texts(await s.send("/staff"))).toEqual([ru("staff-menu", names(ru, `Центр ${CENTER}`))]);
    await s.press("staff:language");
    expect(h.texts(await s.press("staff:set-language:kk"))).toEqual([kk("staff-menu", names(kk, `Орталық ${CENTER}`))]);
    expect(s.buttons().map((b) => b.text)).toContain(kk("staff-button-today"));
    expect((await findUser(h.db, 7001))?.language).toBe("kk");
    // And back, within the same minute.
    await s.press("staff:language");
    expect(h.texts(await s.press("staff:set-language:ru"))).toEqual([ru("staff-menu", names(ru, `Центр ${CENTER}`))]);
  });

  it("a specialist who also has a profile switches there and the staff screen follows", async () => {
    await link(psychologist, 7001);
    await registerUser(h.db, 7001, { language: "ru" });
    const s = h.user({ id: 7001, first_name: "Айжан", language_code: "ru" });
    await s.press("profile:set-language:kk");
    const names = { name: "Айжан Серикова", service: kk("service-psychologist"), center: `Орталық ${CENTER}` };
    expect(h.texts(await s.send("/staff"))).toEqual([kk("staff-menu", names)]);
  });
});

describe("a deactivated specialist", () => {
  it("gets no notice of a cancellation, and what was queued for them is withdrawn", async () => {
    await link(psychologist, 931);
    const person = await signedUpUser(h, 661, "ru");
    await h.db.updateTable("users").set({ name: "Айгерим" }).where("id", "=", 661).execute();
    const booked = await bookSlot(
      h.db,
      { userId: 661, specialistId: psychologist.id, startsAt: new Date("2026-11-25T09:50:00Z"), mode: "in_person", topic: "тревога" },
      { limits: h.config.booking, reminderOffsetsMinutes: h.config.reminderOffsetsMinutes },
      h.clock.now(),
    );
    if (booked.kind !== "booked") throw new Error(`fixture booking failed: ${booked.kind}`);
    const outbox = () => h.db.selectFrom("outbox").select(["kind", "recipient_id", "state"]).orderBy("id").execute();
    expect((await outbox()).filter((o) => o.recipient_id === 931)).toEqual([{ kind: "staff_booking_new", recipient_id: 931, state: "pending" }]);

    await deactivate(psychologist);
    // The "new booking" notice is withdrawn with the deactivation; the person's own reminders stay.
    expect(await outbox()).toEqual([
      { kind: "booking_reminder", recipient_id: 661, state: "pending" },
      { kind: "booking_reminder", recipient_id: 661, state: "pending" },
      { kind: "booking_feedback", recipient_id: 661, state: "pending" },
      { kind: "staff_booking_new", recipient_id: 931, state: "cancelled" },
    ]);

    await person.press(`mybk:cancel:${booked.bookingId}`);
    // After the record of the question answered.
    expect(h.texts(await person.press(`mybk:cancel-yes:${booked.bookingId}`)).slice(1)).toEqual([
      ru("bookings-cancelled"),
      ru("bookings-ics-cancelled-caption"),
    ]);
    expect(await bookingStatus(booked.bookingId)).toBe("cancelled");
    expect((await outbox()).filter((o) => o.recipient_id === 931)).toEqual([{ kind: "staff_booking_new", recipient_id: 931, state: "cancelled" }]);
    expect((await dispatch()).filter((c) => c.payload.chat_id === 931)).toEqual([]);
  });

  it("is not sent a notice that was queued before, even if it escaped the withdrawal", async () => {
    await link(psychologist, 931);
    await registerUser(h.db, 662, { name: "Айгерим" });
    const bookingId = await insertBooking(h.db, {
      specialist: psychologist,
      userId: 662,
      startsAt: "2026-11-25T10:00:00Z",
      endsAt: "2026-11-25T10:50:00Z",
      topic: "тревога",
    });
    await deactivate(psychologist);
    await insertOutboxRow(h.db, {
      kind: "staff_booking_new",
      recipientId: 931,
      dueAt: h.clock.now().toISOString(),
      payload: { bookingId },
      essential: true,
      bookingId,
    });
    expect((await dispatch()).filter((c) => c.payload.chat_id === 931)).toEqual([]);
    expect(await h.db.selectFrom("outbox").select("state").where("recipient_id", "=", 931).execute()).toEqual([{ state: "cancelled" }]);
  });

  it("cannot be given or use an invite", async () => {
    const admin = h.user({ id: ADMIN, first_name: "Admin", language_code: "ru" });
    const [text] = h.texts(await admin.send(`/invite ${psychologist.id}`));
    const payload = LINK_RE.exec(text!)![1]!;
    await deactivate(psychologist);

    expect(h.texts(await admin.send(`/invite ${psychologist.id}`))).toEqual([ru("staff-invite-unknown-specialist", { id: String(psychologist.id) })]);
    const pressed = await admin.press(`staff-inv:s:${psychologist.id}`);
    expect(h.texts(pressed)).toEqual([ru("staff-invite-unknown-specialist", { id: String(psychologist.id) })]);
    const leaving = h.user({ id: 932, first_name: "Айжан", language_code: "ru" });
    expect(h.texts(await leaving.send(`/start ${payload}`))).toEqual([ru("staff-invite-unknown")]);
    expect(await h.db.selectFrom("specialists").select("telegram_id").where("id", "=", psychologist.id).executeTakeFirstOrThrow()).toEqual({
      telegram_id: null,
    });
    expect(await h.db.selectFrom("staff_invites").selectAll().execute()).toHaveLength(1);
  });

  // A block-time flow begun while active, at each of its steps when the deactivation comes.
  const BLOCK_STEPS: { step: string; reach: string[]; answer: string }[] = [
    { step: "date", reach: [], answer: "stb-date:2026-11-24" },
    { step: "start", reach: ["stb-date:2026-11-24"], answer: "stb-start:10:00" },
    { step: "end", reach: ["stb-date:2026-11-24", "stb-start:10:00"], answer: "stb-end:12:00" },
    { step: "confirmation", reach: ["stb-date:2026-11-24", "stb-start:10:00", "stb-end:12:00"], answer: "stb-ok:yes" },
  ];

  it.each(BLOCK_STEPS)("cannot finish blocking time: the $step step refuses and the flow ends", async ({ reach, answer }) => {
    await link(psychologist, 931);
    const member = h.user({ id: 931, first_name: "Айжан", language_code: "ru" });
    await member.press("staff:block");
    for (const data of reach) await member.press(data);

    await deactivate(psychologist);
    expect(h.texts(await member.press(answer)).slice(1)).toEqual([ru("staff-only")]);
    expect(await storedFlow(h, 931)).toBeUndefined();
    expect(await h.db.selectFrom("blocked_times").selectAll().execute()).toEqual([]);
  });

  it("loses the staff side at once, agenda and sensitive topics included", async () => {
    await h.db.updateTable("specialists").set({ telegram_id: 931 }).where("id", "=", psychologist.id).execute();
    const member = h.user({ id: 931, first_name: "Айжан", language_code: "ru" });
    expect(h.texts(await member.send("/staff"))[0]).not.toBe(h.i18n.t("ru", "staff-only"));

    await deactivate(psychologist);
    expect(h.texts(await member.send("/staff"))).toEqual([h.i18n.t("ru", "staff-only")]);
    const press = await member.press("staff:today");
    expect(press.find((c) => c.method === "answerCallbackQuery")?.payload.text).toBe(h.i18n.t("ru", "staff-only"));
  });
});
