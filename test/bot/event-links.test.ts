import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eventCardText } from "../../src/bot/features/events/format.js";
import { sessionCard } from "../../src/bot/features/teatalk/format.js";
import { findEvent } from "../../src/db/events.js";
import { findUser } from "../../src/db/users.js";
import type { Language } from "../../src/domain/language.js";
import { formatDay } from "../../src/domain/time.js";
import { insertEvent } from "../support/events.js";
import { insertCenter } from "../support/fixtures.js";
import { createHarness, type ApiCall, type Harness, type HarnessUser } from "../support/harness.js";
import { insertTeaTalkSession } from "../support/teatalk.js";
import { signedUpUser } from "../support/users.js";


// Monday 23 November 2026, 09:00 in Almaty.
let h: Harness;
let concert: number;
beforeEach(async () => {
  h = await createHarness({ now: "2026-11-23T04:00:00Z" });
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

/** The event's card as the reader sees it, in their language. */
async function cardOf(eventId: number, lang: Language): Promise<string> {
  return eventCardText(t(lang), lang, (await findEvent(h.db, eventId))!);
}

/** Walks a new person through sign-up from the language step to the last answer; returns the last batch. */
async function signUp(u: HarnessUser, lang: Language): Promise<ApiCall[]> {
  await u.press(`su-lang:${lang}`);
  await u.press("su-start:go");
  await u.press("su-consent:yes");
  await u.press("su-name:telegram");
  await u.send("22");
  await u.press("su-district:almaly");
  await u.send(t(lang)("button-skip"));
  return u.press("su-occupation:neither");
}

describe("a link to an event", () => {
  it("signs a new person up first, then lands them on the event's card, where they can sign up for it", async () => {
    const u = h.user({ id: 801, first_name: "Дана", language_code: "kk" });
    expect(h.texts(await u.send(`/start event_${concert}`))).toEqual([kk("signup-choose-language")]);
    const texts = h.texts(await signUp(u, "kk"));
    expect(texts.slice(1)).toEqual([kk("signup-done", { name: "Дана" }), await cardOf(concert, "kk")]);
    expect(await findUser(h.db, 801)).toMatchObject({ name: "Дана", district: "almaly" });

    await u.click(kk("events-button-join"));
    const signups = await h.db.selectFrom("event_signups").select(["event_id", "status"]).where("user_id", "=", 801).execute();
    expect(signups).toEqual([{ event_id: concert, status: "confirmed" }]);
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
    expect(h.texts(await signUp(u, "ru")).slice(1)).toEqual([
      ru("signup-done", { name: "Test" }),
      ru("link-event-cancelled", { title: "Лекция", day: formatDay("2026-11-25", "ru") }),
      ru("menu-title"),
    ]);
  });
});
