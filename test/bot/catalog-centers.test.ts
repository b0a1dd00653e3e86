import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findCenter } from "../../src/db/catalog.js";
import { formatKm } from "../../src/domain/distance.js";
import type { Language } from "../../src/domain/language.js";
import { CENTER_ADMIN, CITY_ADMIN, NOBODY, alerts, createAdminHarness, type AdminHarness } from "../support/admins.js";
import { locationContent, messageUpdate } from "../support/updates.js";

const YOUNG = 903;

let h: AdminHarness;

beforeEach(async () => {
  h = await createAdminHarness({ catalog: true });
});
afterEach(async () => {
  await h.cleanup();
});

const t = (lang: Language) => (key: string, vars?: Record<string, string | number>) => h.i18n.t(lang, key, vars);
const ru = t("ru");
const kk = t("kk");

const audit = () => h.db.selectFrom("audit_log").selectAll().orderBy("id").execute();
const centersDump = () => h.db.selectFrom("centers").selectAll().orderBy("id").execute();
const offersDump = () => h.db.selectFrom("center_offers").selectAll().orderBy("center_id").orderBy("offer").execute();

describe("centers in /admin", () => {
  it("lists all sixteen centers to a city administrator, each flagged while it has stand-ins", async () => {
    const admin = h.admin();
    await admin.send("/admin");
    const batch = await admin.click(ru("admin-button-centers"));
    expect(h.texts(batch)).toEqual([ru("catalog-centers")]);
    const centers = admin.buttons().filter((b) => b.callback_data?.startsWith("cat:center:"));
    expect(centers).toHaveLength(16);
    for (const b of centers) expect(b.text).toMatch(/^⚠️ /);
  });

  it("lets a center administrator fix the address in both languages, and a young person sees it at once", async () => {
    await h.grantCenter(CENTER_ADMIN, "medeu-1");
    const admin = h.user({ id: CENTER_ADMIN, first_name: "Center", language_code: "kk" });
    await admin.send("/admin");
    await admin.click(kk("admin-button-centers"));
    // Only their own center.
    expect(admin.buttons().filter((b) => b.callback_data?.startsWith("cat:center:")).map((b) => b.callback_data)).toEqual(["cat:center:medeu-1"]);
    const card = h.texts(await admin.press("cat:center:medeu-1"))[0]!;
    expect(card).toContain("Мекенжайды әкімші нақтылайды ⚠️");
    expect(card).toContain(kk("catalog-center-stand-ins"));

    expect(h.texts(await admin.click(kk("catalog-button-address")))).toEqual([kk("catalog-ask-address-kk", { max: 200 })]);
    expect(h.texts(await admin.send("Достық даңғылы, 85"))).toEqual([kk("catalog-ask-address-ru", { max: 200 })]);
    const saved = await admin.send("проспект Достык, 85");
    expect(h.texts(saved)[0]).toBe(kk("catalog-saved"));
    expect(h.texts(saved)[1]).toContain("Достық даңғылы, 85\n");

    const center = (await findCenter(h.db, "medeu-1"))!;
    expect(center).toMatchObject({
      address_kk: "Достық даңғылы, 85",
      address_ru: "проспект Достык, 85",
      address_placeholder: 0,
      // The phone, hours and point are still stand-ins: the center stays flagged.
      placeholder: 1,
    });
    const [entry] = await audit();
    expect(entry).toMatchObject({ actor_id: CENTER_ADMIN, action: "center.edit", subject: "center:medeu-1", center_id: "medeu-1" });
    expect(JSON.parse(entry!.before!)).toEqual({
      address_kk: "Мекенжайды әкімші нақтылайды",
      address_ru: "Адрес уточняется администратором",
      address_placeholder: 1,
      placeholder: 1,
    });
    expect(JSON.parse(entry!.after!)).toEqual({ address_kk: "Достық даңғылы, 85", address_ru: "проспект Достык, 85", address_placeholder: 0, placeholder: 1 });

    const young = h.user({ id: YOUNG, first_name: "Aru", language_code: "ru" });
    const seen = await young.press("centers:center:medeu-1");
    expect(h.texts(seen)[0]).toContain("📍 Адрес: проспект Достык, 85\n");
    // The map point is still the district's stand-in: no pin is shown for it.
    expect(seen.map((c) => c.method)).not.toContain("sendVenue");
  });

  it("unflags a center once every stand-in is replaced, and shows its map point to young people", async () => {
    const admin = h.admin();
    await admin.press("cat:center:almaly-2");
    await admin.click(ru("catalog-button-address"));
    await admin.send("Абылай хана, 10");
    await admin.send("Абылай хана, 10");
    await admin.click(ru("catalog-button-hours"));
    await admin.send("Күн сайын, 09:00–21:00");
    await admin.send("Ежедневно, 09:00–21:00");
    await admin.click(ru("catalog-button-phone"));
    expect(h.texts(await admin.send("8 (727) 300-00-01"))[0]).toBe(ru("catalog-saved"));
    await admin.click(ru("catalog-button-point"));
    const asked = h.calls.at(-1)!;
    expect(asked.payload.reply_markup.keyboard[0][0]).toMatchObject({ text: ru("catalog-button-share-point"), request_location: true });
    const saved = await admin.send("43.2567, 76.9286");
    expect(saved[0]!.payload.reply_markup).toEqual({ remove_keyboard: true });
    expect(h.texts(saved)[1]).not.toContain("⚠️");

    expect(await findCenter(h.db, "almaly-2")).toMatchObject({
      phone: "+7 727 300 00 01",
      latitude: 43.2567,
      longitude: 76.9286,
      hours_ru: "Ежедневно, 09:00–21:00",
      placeholder: 0,
      address_placeholder: 0,
      hours_placeholder: 0,
      phone_placeholder: 0,
      location_placeholder: 0,
    });
    expect((await audit()).map((a) => a.action)).toEqual(["center.edit", "center.edit", "center.edit", "center.edit"]);
    await admin.press("cat:centers");
    expect(admin.buttons().find((b) => b.callback_data === "cat:center:almaly-2")?.text).not.toMatch(/⚠️/);

    const young = h.user({ id: YOUNG, first_name: "Aru", language_code: "ru" });
    const card = await young.press("centers:center:almaly-2");
    expect(card.find((c) => c.method === "sendVenue")?.payload).toMatchObject({ latitude: 43.2567, longitude: 76.9286, address: "Абылай хана, 10" });
    expect(h.texts(card)[0]).not.toContain(ru("centers-placeholder"));
    // Its distance in "nearest centers" is now to the center itself, no longer approximate.
    const near = h.texts(await h.feed(messageUpdate(young, locationContent(43.2567, 76.9286))));
    const name = (await findCenter(h.db, "almaly-2"))!.name_ru;
    expect(near[1]).toContain(ru("centers-near-line", { n: 1, name, km: formatKm(0, "ru") }));
  });

  it("takes a map point shared in Telegram, and refuses one outside Almaty", async () => {
    const admin = h.admin(CITY_ADMIN, "kk");
    await admin.press("cat:center:turksib-1");
    await admin.click(kk("catalog-button-point"));
    // A location is not text: the question comes again under the hint.
    expect(h.texts(await h.feed(messageUpdate(admin, locationContent(51.128, 71.43))))).toEqual([kk("catalog-point-outside"), kk("catalog-ask-point")]);
    expect(h.texts(await admin.send("сорок три"))).toEqual([kk("catalog-point-unreadable")]);
    expect(h.texts(await admin.send("43.9, 76.9"))).toEqual([kk("catalog-point-outside")]);
    expect((await findCenter(h.db, "turksib-1"))!.location_placeholder).toBe(1);
    expect(h.texts(await h.feed(messageUpdate(admin, locationContent(43.3412, 76.9521))))[0]).toBe(kk("catalog-saved"));
    expect(await findCenter(h.db, "turksib-1")).toMatchObject({ latitude: 43.3412, longitude: 76.9521, location_placeholder: 0 });
  });

  it("explains bad input and keeps asking, and /cancel or Cancel leave nothing half-changed", async () => {
    const before = await centersDump();
    const admin = h.admin();
    await admin.press("cat:center:auezov-1");
    await admin.click(ru("catalog-button-address"));
    expect(h.texts(await admin.send("нет номера"))).toEqual([ru("catalog-address-invalid", { max: 200 })]);
    expect(h.texts(await admin.send("x".repeat(201)))).toEqual([ru("text-too-long", { max: 200 })]);
    await admin.send("Жандосова, 1");
    // The Kazakh address was answered, the Russian one not: nothing is written.
    expect(h.texts(await admin.send("/cancel"))[0]).toBe(ru("cancelled"));

    await admin.press("cat:center:auezov-1");
    await admin.click(ru("catalog-button-phone"));
    expect(h.texts(await admin.send("12345"))).toEqual([ru("catalog-phone-invalid")]);
    expect(h.texts(await admin.send("+1 202 555 0100"))).toEqual([ru("catalog-phone-invalid")]);
    const cancelled = await admin.click(ru("button-cancel"));
    expect(h.texts(cancelled)).toContain(ru("cancelled"));

    await admin.press("cat:center:auezov-1");
    await admin.click(ru("catalog-button-name"));
    expect(h.texts(await admin.send("Аб"))).toEqual([ru("catalog-name-invalid", { max: 100 })]);
    // Another of the card's buttons leaves the name half-asked for the map point.
    expect(h.texts(await admin.press("cat:edit:auezov-1:point"))).toEqual([ru("catalog-ask-point")]);

    expect(await centersDump()).toEqual(before);
    expect(await audit()).toEqual([]);
  });

  it("switches 24/7 and what a center offers, each with its audit record, and young people see it", async () => {
    const admin = h.admin();
    await admin.press("cat:center:alatau-1");
    await admin.click(ru("catalog-button-24-7-on"));
    expect((await findCenter(h.db, "alatau-1"))!.open_24_7).toBe(1);
    // The same press handled again changes nothing more.
    await admin.press("cat:open:alatau-1:1");
    expect((await findCenter(h.db, "alatau-1"))!.open_24_7).toBe(1);

    await admin.click(ru("catalog-button-offers"));
    await admin.click(`▫️ ${ru("center-offer-it_courses")}`);
    await admin.click(`✅ ${ru("center-offer-recording_studio")}`);
    await admin.press("cat:offer:alatau-1:3:0");
    expect((await offersDump()).filter((o) => o.center_id === "alatau-1").map((o) => o.offer)).toEqual(["coworking", "it_courses"]);
    expect((await audit()).map((a) => [a.action, a.after])).toEqual([
      ["center.edit", JSON.stringify({ open_24_7: 1, placeholder: 1 })],
      ["center.offer", JSON.stringify({ it_courses: true })],
      ["center.offer", JSON.stringify({ recording_studio: false })],
    ]);

    const young = h.user({ id: YOUNG, first_name: "Aru", language_code: "ru" });
    const card = h.texts(await young.press("centers:center:alatau-1"))[0]!;
    expect(card).toContain(ru("centers-open-24-7"));
    expect(card).toContain(ru("center-offer-it_courses"));
    expect(card).not.toContain(ru("center-offer-recording_studio"));
  });
});

describe("who may change a center", () => {
  const FORGED = ["cat:center:almaly-1", "cat:edit:almaly-1:address", "cat:open:almaly-1:1", "cat:offers:almaly-1", "cat:offer:almaly-1:0:1", "cat:offer:almaly-1:5:0"];

  it("refuses another center's administrator and anyone else every button of a center, and changes nothing", async () => {
    await h.grantCenter(CENTER_ADMIN, "medeu-1");
    const before = { centers: await centersDump(), offers: await offersDump() };
    for (const id of [CENTER_ADMIN, NOBODY]) {
      const person = h.user({ id, first_name: "Someone", language_code: "ru" });
      for (const data of FORGED) {
        const batch = await person.press(data);
        expect(alerts(batch)).toEqual([ru("staff-not-allowed")]);
        expect(h.texts(batch)).toEqual([ru("staff-not-allowed")]);
      }
      // Not even the list for someone without the role.
      if (id === NOBODY) expect(alerts(await person.press("cat:centers"))).toEqual([ru("staff-not-allowed")]);
    }
    expect({ centers: await centersDump(), offers: await offersDump() }).toEqual(before);
    expect(await audit()).toEqual([]);
  });

  it("answers a city administrator's press on a center that is not there with the list, changing nothing", async () => {
    const admin = h.admin();
    for (const data of ["cat:center:nowhere-9", "cat:edit:nowhere-9:phone", "cat:open:nowhere-9:1", "cat:offer:nowhere-9:0:1"]) {
      const batch = await admin.press(data);
      expect(alerts(batch)).toEqual([ru("catalog-center-gone")]);
      expect(h.texts(batch)).toEqual([`${ru("catalog-center-gone")}\n\n${ru("catalog-centers")}`]);
    }
    expect(await offersDump()).not.toContainEqual(expect.objectContaining({ center_id: "nowhere-9" }));
    expect(await audit()).toEqual([]);
  });

  it("writes nothing when the administrator's right ends in the middle of an edit", async () => {
    await h.grantCenter(CENTER_ADMIN, "medeu-1");
    const admin = h.user({ id: CENTER_ADMIN, first_name: "Center", language_code: "ru" });
    await admin.press("cat:center:medeu-1");
    await admin.click(ru("catalog-button-phone"));
    await h.db.updateTable("center_admins").set({ revoked_at: "2026-12-02T05:00:00.000Z" }).execute();
    expect(h.texts(await admin.send("+7 727 111 22 33"))).toEqual([ru("staff-not-allowed")]);
    expect((await findCenter(h.db, "medeu-1"))!.phone).toBeNull();
    expect(await audit()).toEqual([]);
  });
});
