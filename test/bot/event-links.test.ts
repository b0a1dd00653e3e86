import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eventCardText } from "../../src/bot/features/events/format.js";
import { sessionCard } from "../../src/bot/features/teatalk/format.js";
import { findEvent } from "../../src/db/events.js";
import { findUser } from "../../src/db/users.js";
import type { Language } from "../../src/domain/language.js";
import { formatDay } from "../../src/domain/time.js";
import { insertEvent } from "../support/events.js";
import { insertCenter, insertSpecialist } from "../support/fixtures.js";
import { createHarness, type ApiCall, type Harness } from "../support/harness.js";
import { decodeQr } from "../support/qr.js";
import { insertTeaTalkSession } from "../support/teatalk.js";
import { signedUpUser, signUpByButtons } from "../support/users.js";

const ADMIN = 9001;
const LINK = "https://t.me/jastar_test_bot?start=";

// Monday 23 November 2026, 09:00 in Almaty.
let h: Harness;
let concert: number;
beforeEach(async () => {
  h = await createHarness({ now: "2026-11-23T04:00:00Z", env: { ADMIN_IDS: String(ADMIN) } });
  await insertCenter(h.db, { id: "almaly-1", district: "almaly" });
  // Tomorrow 19:00 at the Almaly center.
  concert = await insertEvent(h.db, { centerId: "almaly-1", startsAt: "2026-11-24T14:00:00Z", title: "Акустика & джаз" });
});
afterEach(async () => {
  await h.cleanup();
});

const t = (lang: Language) => (key: string, vars?: Record<string, string | number>) => h.i18n.t(lang, key, vars);
const ru = t("ru");
const kk = t("kk");

const photos = (batch: ApiCall[]) => batch.filter((c) => c.method === "sendPhoto");

/** The event's card as the reader sees it, in their language. */
async function cardOf(eventId: number, lang: Language): Promise<string> {
  return eventCardText(t(lang), lang, (await findEvent(h.db, eventId))!);
}

describe("a link to an event", () => {
  it("signs a new person up first, then lands them on the event's card, where they can sign up for it", async () => {
    const u = h.user({ id: 801, first_name: "Дана", language_code: "kk" });
    expect(h.texts(await u.send(`/start event_${concert}`))).toEqual([kk("signup-choose-language")]);
    const texts = h.texts(await signUpByButtons(h, u, "kk"));
    expect(texts.slice(1)).toEqual([kk("signup-done", { name: "Дана" }), await cardOf(concert, "kk")]);
    expect(await findUser(h.db, 801)).toMatchObject({ name: "Дана", district: "almaly" });

    await u.click(kk("events-button-join"));
    const signups = await h.db.selectFrom("event_signups").select(["event_id", "status"]).where("user_id", "=", 801).execute();
    expect(signups).toEqual([{ event_id: concert, status: "confirmed" }]);
  });

  it("shows the card to a new person who only looks around, and brings them back to it when they sign up to join", async () => {
    const u = h.user({ id: 808, first_name: "Test", language_code: "ru" });
    await u.send(`/start event_${concert}`);
    await u.press("su-lang:ru");
    expect(h.texts(await u.press("su-start:browse"))).toEqual([await cardOf(concert, "ru")]);
    expect(h.texts(await u.click(ru("events-button-join")))).toEqual([ru("need-signup")]);
    expect(u.buttons().map((b) => b.callback_data)).toEqual([`signup:event_${concert}`]);
    await u.click(ru("button-signup"));
    expect(h.texts(await signUpByButtons(h, u, "ru")).slice(-1)).toEqual([await cardOf(concert, "ru")]);
    await u.click(ru("events-button-join"));
    const signups = await h.db.selectFrom("event_signups").select("status").where("user_id", "=", 808).execute();
    expect(signups).toEqual([{ status: "confirmed" }]);
  });

  it("takes someone signed up straight to the card", async () => {
    const u = await signedUpUser(h, 802, "ru");
    expect(h.texts(await u.send(`/start event_${concert}`))).toEqual([await cardOf(concert, "ru")]);
    expect(u.buttons().map((b) => b.text)).toEqual([ru("events-button-join"), ru("events-button-map"), ru("events-button-to-list"), ru("button-menu")]);
  });

  it("opens a tea-talk session's card for a tea-talk session's link", async () => {
    const session = await insertTeaTalkSession(h.db, { centerId: "almaly-1", startsAt: "2026-11-25T13:00:00Z", topicRu: "Кино" });
    const u = await signedUpUser(h, 803, "ru");
    const card = sessionCard(ru, "ru", (await findEvent(h.db, session))!);
    expect(h.texts(await u.send(`/start event_${session}`))).toEqual([card]);
    expect(u.buttons().map((b) => b.text)).toContain(ru("teatalk-button-join"));
  });

  it("says plainly when the link is broken or its event unknown, with the main menu", async () => {
    const u = await signedUpUser(h, 804, "ru");
    for (const payload of ["event_abc", "event_0", "event_-1", `event_${concert}x`, "event_1e3", "event_999", "event_"]) {
      expect(h.texts(await u.send(`/start ${payload}`)), payload).toEqual([ru("link-not-found"), ru("menu-title")]);
    }
  });

  it("says when the event was called off or is over, with the main menu, and shows one under way", async () => {
    const called = await insertEvent(h.db, { centerId: "almaly-1", startsAt: "2026-11-25T13:00:00Z", status: "cancelled", title: "Лекция" });
    // Yesterday 18:00–20:00, and today 08:00–10:00 (now 09:00).
    const over = await insertEvent(h.db, { centerId: "almaly-1", startsAt: "2026-11-22T13:00:00Z", title: "Квиз" });
    const underWay = await insertEvent(h.db, { centerId: "almaly-1", startsAt: "2026-11-23T03:00:00Z", title: "Зарядка" });
    const u = await signedUpUser(h, 805, "kk");
    expect(h.texts(await u.send(`/start event_${called}`))).toEqual([
      kk("link-event-cancelled", { title: "Лекция (kk)", day: formatDay("2026-11-25", "kk") }),
      kk("menu-title"),
    ]);
    expect(h.texts(await u.send(`/start event_${over}`))).toEqual([kk("link-event-over", { title: "Квиз (kk)", day: formatDay("2026-11-22", "kk") }), kk("menu-title")]);
    expect(h.texts(await u.send(`/start event_${underWay}`))).toEqual([`${await cardOf(underWay, "kk")}\n\n${kk("events-card-closed")}`]);
  });

  it("tells a new person after sign-up that the event was called off", async () => {
    const called = await insertEvent(h.db, { centerId: "almaly-1", startsAt: "2026-11-25T13:00:00Z", status: "cancelled", title: "Лекция" });
    const u = h.user({ id: 806, first_name: "Test", language_code: "ru" });
    await u.send(`/start event_${called}`);
    expect(h.texts(await signUpByButtons(h, u, "ru")).slice(1)).toEqual([
      ru("signup-done", { name: "Test" }),
      ru("link-event-cancelled", { title: "Лекция", day: formatDay("2026-11-25", "ru") }),
      ru("menu-title"),
    ]);
  });
});

describe("link and QR for an event", () => {
  it("gives an administrator the event's link and a QR image that reads back as it", async () => {
    const admin = h.user({ id: ADMIN, first_name: "Admin", language_code: "ru" });
    await admin.press(`ev:e:${concert}`);
    const [photo] = photos(await admin.click(ru("link-button-share")));
    const link = `${LINK}event_${concert}`;
    expect(photo!.payload.caption).toBe(ru("link-qr-caption-event", { name: "Акустика &amp; джаз", link }));
    expect(decodeQr(photo!.files!.photo!)).toBe(link);
  });

  it("gives a specialist a tea-talk session's link from its card, in their language", async () => {
    const session = await insertTeaTalkSession(h.db, { centerId: "almaly-1", startsAt: "2026-11-25T13:00:00Z", topicKk: "Кино әлемі" });
    await insertSpecialist(h.db, { centerId: "almaly-1", service: "career", telegramId: 9200 });
    const u = h.user({ id: 9200, first_name: "Staff", language_code: "kk" });
    await u.send(`/start event_${session}`);
    const [photo] = photos(await u.click(kk("link-button-share")));
    const link = `${LINK}event_${session}`;
    expect(photo!.payload.caption).toBe(kk("link-qr-caption-event", { name: "Кино әлемі", link }));
    expect(decodeQr(photo!.files!.photo!)).toBe(link);
  });

  it("is not offered to a young person, and a forged press sends nothing", async () => {
    const u = await signedUpUser(h, 807, "ru");
    await u.press(`ev:e:${concert}`);
    expect(u.buttons().map((b) => b.text)).not.toContain(ru("link-button-share"));
    const batch = await u.press(`share:event_${concert}`);
    expect(photos(batch)).toEqual([]);
    expect(batch.find((c) => c.method === "answerCallbackQuery")?.payload.text).toBe(ru("staff-not-allowed"));
    expect(h.texts(batch)).toEqual([ru("staff-not-allowed")]);
  });

  it("is not offered for an event called off or over, and a late press sends no image", async () => {
    const admin = h.user({ id: ADMIN, first_name: "Admin", language_code: "ru" });
    const called = await insertEvent(h.db, { centerId: "almaly-1", startsAt: "2026-11-25T13:00:00Z", status: "cancelled" });
    await admin.press(`ev:e:${called}`);
    expect(admin.buttons().map((b) => b.text)).not.toContain(ru("link-button-share"));

    await admin.press(`ev:e:${concert}`);
    expect(admin.buttons().map((b) => b.text)).toContain(ru("link-button-share"));
    // The concert is over by the time the button is pressed.
    h.clock.set("2026-11-24T17:00:00Z");
    for (const id of [concert, called, 999]) {
      const batch = await admin.press(`share:event_${id}`);
      expect(photos(batch)).toEqual([]);
      expect(h.texts(batch)).toEqual([ru("link-not-found")]);
    }
  });
});
