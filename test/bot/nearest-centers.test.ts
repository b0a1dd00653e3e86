import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findCenter } from "../../src/db/catalog.js";
import { seedCatalog, seedDemo } from "../../src/db/seed/index.js";
import { distanceKm, formatKm } from "../../src/domain/distance.js";
import type { Language } from "../../src/domain/language.js";
import { createHarness, type ApiCall, type Harness } from "../support/harness.js";
import { locationContent, messageUpdate } from "../support/updates.js";
import { signedUpUser } from "../support/users.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
  await seedCatalog(h.db);
});
afterEach(async () => {
  await h.cleanup();
});

const t = (lang: Language) => (key: string, vars?: Record<string, string | number>) => h.i18n.t(lang, key, vars);
const ru = t("ru");
const kk = t("kk");

const sends = (batch: ApiCall[]) => batch.filter((c) => c.method === "sendMessage");

/** A real address and point for bostandyk-1, as an administrator would fill them in. */
const REAL = { latitude: 43.2389, longitude: 76.8897 };

describe("nearest centers", () => {
  it("asks for the location with a request button, then lists the three closest with km, nearest first", async () => {
    await h.db.updateTable("centers").set({ placeholder: 0, address_placeholder: 0, location_placeholder: 0, address_ru: "ул. Тестовая, 1", ...REAL }).where("id", "=", "bostandyk-1").execute();
    const u = h.user({ id: 901, first_name: "Test", language_code: "ru" });
    await u.press("menu:centers");
    const asked = await u.click(ru("centers-button-nearest"));
    expect(h.texts(asked)).toEqual([ru("centers-near-ask")]);
    const keyboard = sends(asked)[0]!.payload.reply_markup.keyboard;
    expect(keyboard).toEqual([[{ text: ru("centers-near-button-share"), request_location: true }], [{ text: ru("centers-near-button-cancel") }]]);

    // Standing just north of the real center: it first; then the two Almaly centers at their stand-in point.
    const here = { latitude: 43.2411, longitude: 76.8897 };
    const found = await h.feed(messageUpdate(u, locationContent(here.latitude, here.longitude)));
    const [gotIt, list] = sends(found);
    expect(gotIt!.payload).toMatchObject({ text: ru("centers-near-got-it"), reply_markup: { remove_keyboard: true } });

    const [real, almaly1, almaly2] = await Promise.all(["bostandyk-1", "almaly-1", "almaly-2"].map(async (id) => (await findCenter(h.db, id))!));
    const km = (c: typeof real) => formatKm(distanceKm(here, c!), "ru");
    expect(distanceKm(here, real!)).toBeLessThan(distanceKm(here, almaly1!));
    expect(list!.payload.text).toBe(
      [
        ru("centers-near-title"),
        [
          ru("centers-near-line", { n: 1, name: real!.name_ru, km: km(real) }),
          ru("centers-near-line-approximate", { n: 2, name: almaly1!.name_ru, km: km(almaly1) }),
          ru("centers-near-line-approximate", { n: 3, name: almaly2!.name_ru, km: km(almaly2) }),
        ].join("\n"),
        ru("centers-near-approximate-note"),
      ].join("\n\n"),
    );
    expect(km(real)).toBe("0,2");
    expect(u.buttons().map((b) => b.callback_data)).toEqual([
      "centers:center:bostandyk-1",
      "centers:book:bostandyk-1",
      "centers:center:almaly-1",
      "centers:book:almaly-1",
      "centers:center:almaly-2",
      "centers:book:almaly-2",
      "menu:centers",
      "menu:open",
    ]);
    // One tap from the card.
    expect(h.texts(await u.click(`1. ${real!.name_ru}`))[0]).toContain(real!.name_ru);
  });

  it("says the distance is approximate for placeholders only, in Kazakh too", async () => {
    const u = h.user({ id: 902, first_name: "Test", language_code: "kk" });
    await u.press("centers:near");
    const found = await h.feed(messageUpdate(u, locationContent(43.33, 76.98)));
    const text = String(sends(found)[1]!.payload.text);
    const turksib = (await findCenter(h.db, "turksib-1"))!;
    expect(text).toContain(kk("centers-near-line-approximate", { n: 1, name: turksib.name_kk, km: "0,0" }));
    expect(text).toContain(kk("centers-near-approximate-note"));
  });

  it("takes the keyboard away and goes back to the districts when the person cancels", async () => {
    const u = h.user({ id: 903, first_name: "Test", language_code: "ru" });
    await u.press("centers:near");
    const cancelled = await u.send(ru("centers-near-button-cancel"));
    expect(h.texts(cancelled)).toEqual([ru("cancelled"), ru("centers-choose-district")]);
    expect(sends(cancelled)[0]!.payload.reply_markup).toEqual({ remove_keyboard: true });
  });
});

describe("booking at a chosen center", () => {
  it("starts the booking with the center chosen: the district step is skipped", async () => {
    await seedDemo(h.db, h.clock.now());
    const u = await signedUpUser(h, 904, "ru");
    const center = (await findCenter(h.db, "auezov-2"))!;
    await u.press("centers:center:auezov-2");
    expect(h.texts(await u.click(ru("centers-button-book-here")))).toEqual([ru("consult-ask-service")]);
    const [days] = h.texts(await u.press("cs-svc:lawyer"));
    expect(days).toBe(ru("consult-ask-day", { place: ru("consult-place-center", { center: center.name_ru }) }));
    // The district's other center is one tap away, as when the district came from the profile.
    expect(u.buttons().map((b) => b.text)).toContain(`✓ ${center.name_ru}`);
  });

  it("says so when the center has no specialist of the chosen service, and asks for the district", async () => {
    await seedDemo(h.db, h.clock.now());
    await h.db.updateTable("specialists").set({ active: 0 }).where("center_id", "=", "auezov-2").where("service", "=", "lawyer").execute();
    const u = await signedUpUser(h, 905, "ru");
    await u.press("centers:book:auezov-2");
    const center = (await findCenter(h.db, "auezov-2"))!;
    const batch = await u.press("cs-svc:lawyer");
    expect(h.texts(batch).slice(-2)).toEqual([
      ru("consult-center-no-service", { center: center.name_ru, service: ru("service-lawyer") }),
      ru("consult-ask-district", { service: ru("service-lawyer") }),
    ]);
  });

  it("asks someone without an account to sign up, and brings them back to the center's card", async () => {
    const u = h.user({ id: 906, first_name: "Test", language_code: "ru" });
    expect(h.texts(await u.press("centers:book:almaly-1"))).toEqual([ru("need-signup")]);
    expect(u.buttons().map((b) => b.callback_data)).toEqual(["signup:center_almaly-1"]);
  });
});
