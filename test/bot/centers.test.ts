import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findCenter, listCenters } from "../../src/db/catalog.js";
import { seedCatalog, seedDemo } from "../../src/db/seed/index.js";
import { SERVICE_CODES } from "../../src/domain/services.js";
import { createHarness, type ApiCall, type Harness } from "../support/harness.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
  await seedCatalog(h.db);
});
afterEach(async () => {
  await h.cleanup();
});

const ru = (t: string, vars?: Record<string, string | number>) => h.i18n.t("ru", t, vars);
const kk = (t: string, vars?: Record<string, string | number>) => h.i18n.t("kk", t, vars);

const answers = (batch: ApiCall[]) => batch.filter((c) => c.method === "answerCallbackQuery");
const maps = (batch: ApiCall[]) => batch.filter((c) => c.method === "sendVenue" || c.method === "sendLocation");

describe("centers menu", () => {
  it("leads a visitor without an account from the menu to a district and a center card, in Russian", async () => {
    const u = h.user({ id: 701, first_name: "Test", language_code: "ru" });

    const districts = await u.press("menu:centers");
    expect(answers(districts)).toHaveLength(1);
    expect(h.texts(districts)).toEqual([ru("centers-choose-district")]);
    expect(u.buttons().map((b) => b.text)).toContain(ru("district-medeu"));

    const list = await u.click(ru("district-medeu"));
    expect(answers(list)).toHaveLength(1);
    expect(h.texts(list)).toEqual([ru("centers-district-title", { district: ru("district-medeu") })]);
    const medeu = await listCenters(h.db, "medeu");
    expect(u.buttons().map((b) => b.text)).toEqual([...medeu.map((c) => c.name_ru), ru("button-back"), ru("button-menu")]);

    const card = await u.click(medeu[1]!.name_ru);
    expect(answers(card)).toHaveLength(1);
    const center = medeu[1]!;
    expect(h.texts(card)).toEqual([
      [
        ru("centers-card", {
          name: center.name_ru,
          district: ru("district-medeu"),
          address: ru("centers-address-unknown"),
          hours: center.hours_ru,
          phone: ru("centers-phone-unknown"),
        }),
        ru("centers-offers", { offers: `• ${ru("center-offer-coworking")}` }),
        ru("centers-no-services"),
        ru("centers-placeholder"),
      ].join("\n\n"),
    ]);
    // A placeholder's stand-in address and point are not shown as if they were the center's.
    expect(h.texts(card)[0]).not.toContain(center.address_ru);
    expect(maps(card)).toEqual([]);

    // Back: the card returns to its district, the district list to the choice of districts.
    expect(h.texts(await u.click(ru("button-back")))).toEqual([ru("centers-district-title", { district: ru("district-medeu") })]);
    expect(h.texts(await u.click(ru("button-back")))).toEqual([ru("centers-choose-district")]);
    expect(h.texts(await u.click(ru("button-menu")))).toEqual([ru("menu-title")]);
  });

  it("shows the same way in Kazakh, with the Kazakh names and wording", async () => {
    const u = h.user({ id: 702, first_name: "Test", language_code: "kk" });
    expect(h.texts(await u.press("menu:centers"))).toEqual([kk("centers-choose-district")]);
    expect(h.texts(await u.click(kk("district-turksib")))).toEqual([kk("centers-district-title", { district: kk("district-turksib") })]);
    const turksib = await listCenters(h.db, "turksib");
    expect(u.buttons().map((b) => b.text)).toEqual([...turksib.map((c) => c.name_kk), kk("button-back"), kk("button-menu")]);

    const center = turksib[0]!;
    expect(h.texts(await u.click(center.name_kk))).toEqual([
      [
        kk("centers-card", {
          name: center.name_kk,
          district: kk("district-turksib"),
          address: kk("centers-address-unknown"),
          hours: center.hours_kk,
          phone: kk("centers-phone-unknown"),
        }),
        kk("centers-offers", { offers: `• ${kk("center-offer-coworking")}` }),
        kk("centers-no-services"),
        kk("centers-placeholder"),
      ].join("\n\n"),
    ]);
  });

  it("lists the services of the specialists working there and offers to book", async () => {
    await seedDemo(h.db, h.clock.now());
    const u = h.user({ id: 703, first_name: "Test", language_code: "ru" });
    const [text] = h.texts(await u.press("centers:center:almaly-2"));
    const services = SERVICE_CODES.map((s) => `• ${ru(`service-${s}`)}`).join("\n");
    expect(text).toContain(ru("centers-services", { services }));
    expect(text).not.toContain(ru("centers-no-services"));
    expect(u.buttons().map((b) => b.callback_data)).toEqual(["centers:book:almaly-2", "centers:district:almaly", "menu:open"]);

    // A specialist taken off duty no longer counts as a service of the center.
    await h.db.updateTable("specialists").set({ active: 0 }).where("center_id", "=", "almaly-2").where("service", "=", "lawyer").execute();
    const [after] = h.texts(await u.press("centers:center:almaly-2"));
    const without = SERVICE_CODES.filter((s) => s !== "lawyer").map((s) => `• ${ru(`service-${s}`)}`).join("\n");
    expect(after).toContain(ru("centers-services", { services: without }));
  });

  it("shows the map point, phone and 24/7 mark once an administrator has filled them in", async () => {
    await h.db
      .updateTable("centers")
      .set({
        address_ru: "ул. <Тестовая> & 1",
        hours_ru: "Круглосуточно",
        phone: "+7 727 000 00 00",
        open_24_7: 1,
        placeholder: 0,
        address_placeholder: 0,
        hours_placeholder: 0,
        phone_placeholder: 0,
        location_placeholder: 0,
        latitude: 43.2389,
        longitude: 76.8897,
      })
      .where("id", "=", "bostandyk-1")
      .execute();
    const center = (await findCenter(h.db, "bostandyk-1"))!;
    const u = h.user({ id: 704, first_name: "Test", language_code: "ru" });
    const batch = await u.press("centers:center:bostandyk-1");

    expect(maps(batch).map((c) => c.method)).toEqual(["sendVenue"]);
    expect(maps(batch)[0]!.payload).toMatchObject({
      latitude: 43.2389,
      longitude: 76.8897,
      title: center.name_ru,
      address: "ул. <Тестовая> & 1",
    });
    const [text] = h.texts(batch);
    // Administrators' text is escaped in the HTML card.
    expect(text).toContain("ул. &lt;Тестовая&gt; &amp; 1");
    expect(text).toContain("+7 727 000 00 00");
    expect(text).toContain(ru("centers-open-24-7"));
    expect(text).not.toContain(ru("centers-placeholder"));
    expect(text).not.toContain(ru("centers-phone-unknown"));
  });

  it("answers a forged or stale center id clearly and changes nothing", async () => {
    const u = h.user({ id: 705, first_name: "Test", language_code: "kk" });
    const before = await listCenters(h.db);
    const batch = await u.press("centers:center:nowhere-9");
    expect(answers(batch).map((c) => c.payload.text)).toEqual([kk("centers-not-found-alert")]);
    // Said on the screen pressed, which offers the districts again.
    expect(h.texts(batch)).toEqual([`${kk("centers-not-found")}\n\n${kk("centers-choose-district")}`]);
    expect(maps(batch)).toEqual([]);
    expect(await listCenters(h.db)).toEqual(before);

    const district = await u.press("centers:district:atlantis");
    expect(answers(district).map((c) => c.payload.text)).toEqual([kk("stale-button-alert")]);
    expect(h.texts(district)).toEqual([kk("stale-button"), kk("menu-title")]);
  });

  it("says so when a district has no centers", async () => {
    await h.db.deleteFrom("centers").where("district", "=", "nauryzbay").execute();
    const u = h.user({ id: 706, first_name: "Test", language_code: "ru" });
    expect(h.texts(await u.press("centers:district:nauryzbay"))).toEqual([
      ru("centers-district-empty", { district: ru("district-nauryzbay") }),
    ]);
    expect(u.buttons().map((b) => b.callback_data)).toEqual(["menu:centers", "menu:open"]);
  });
});
