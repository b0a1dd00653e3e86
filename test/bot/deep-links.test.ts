import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findCenter } from "../../src/db/catalog.js";
import { seedCatalog } from "../../src/db/seed/index.js";
import { findUser } from "../../src/db/users.js";
import type { Language } from "../../src/domain/language.js";
import { insertSpecialist } from "../support/fixtures.js";
import { createHarness, type ApiCall, type Harness } from "../support/harness.js";
import { insertTeam } from "../support/teams.js";
import { signedUpUser, signUpByButtons } from "../support/users.js";

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

/** The first line of each text, enough to tell the screens apart. */
const heads = (batch: ApiCall[]) => h.texts(batch).map((text) => text.split("\n")[0]);

describe("deep links to cards", () => {
  it("take someone signed up straight to a center's card", async () => {
    const u = await signedUpUser(h, 801, "ru");
    const center = (await findCenter(h.db, "almaly-1"))!;
    const batch = await u.send("/start center_almaly-1");
    expect(heads(batch)).toEqual([`<b>${center.name_ru}</b>`]);
    expect(u.buttons().map((b) => b.callback_data)).toEqual(["centers:district:almaly", "menu:open"]);
  });

  it("sign a new person up first, then land them on the team's card", async () => {
    const team = await insertTeam(h.db, { name_kk: "Жасыл қала", name_ru: "Зелёный город" });
    const u = h.user({ id: 802, first_name: "Дана", language_code: "kk" });

    expect(h.texts(await u.send(`/start team_${team.id}`))).toEqual([kk("signup-choose-language")]);
    const done = await signUpByButtons(h, u, "kk");
    const texts = h.texts(done);
    expect(texts[1]).toBe(kk("signup-done", { name: "Дана" }));
    // The card itself, not the main menu: the poster promised it.
    expect(texts.slice(2).map((text) => text.split("\n")[0])).toEqual(["<b>Жасыл қала</b>"]);
    expect(u.buttons().map((b) => b.callback_data)).toEqual([`teams:join:${team.id}`, "menu:teams", "menu:open"]);
    expect(await findUser(h.db, 802)).toMatchObject({ name: "Дана", district: "almaly" });
  });

  it("show the card to a new person who only looks around, without an account", async () => {
    const u = h.user({ id: 803, first_name: "Test", language_code: "ru" });
    const center = (await findCenter(h.db, "medeu-2"))!;
    await u.send("/start center_medeu-2");
    await u.press("su-lang:ru");
    const batch = await u.press("su-start:browse");
    expect(heads(batch)).toEqual([`<b>${center.name_ru}</b>`]);
    expect((await findUser(h.db, 803))?.registered_at).toBeNull();
  });

  it("say plainly when a link's card is gone or the link is broken, with the main menu", async () => {
    const u = await signedUpUser(h, 804, "ru");
    for (const payload of ["center_nowhere-9", "team_999", "team_abc", "center_", `center_${"x".repeat(70)}`]) {
      expect(h.texts(await u.send(`/start ${payload}`))).toEqual([ru("link-not-found"), ru("menu-title")]);
    }
    const inactive = await insertTeam(h.db, { active: 0 });
    expect(h.texts(await u.send(`/start team_${inactive.id}`))).toEqual([ru("link-not-found"), ru("menu-title")]);
  });

  it("tell a new person about a broken link after sign-up, and leave other payloads to /start", async () => {
    const u = h.user({ id: 805, first_name: "Test", language_code: "ru" });
    await u.send("/start team_0");
    const done = await signUpByButtons(h, u, "ru");
    expect(h.texts(done).slice(1)).toEqual([ru("signup-done", { name: "Test" }), ru("link-not-found"), ru("menu-title")]);

    // Any other payload is an ordinary /start.
    expect(h.texts(await u.send("/start from_poster"))).toEqual([ru("menu-title")]);
  });

  it("open the card for staff, who have no sign-up: a specialist instead of the staff menu, a coordinator", async () => {
    await insertSpecialist(h.db, { centerId: "almaly-1", service: "lawyer", telegramId: 806 });
    const team = await insertTeam(h.db, { name_ru: "Волонтёры района", coordinator_id: 808 });
    for (const id of [806, 808]) {
      const u = h.user({ id, first_name: "Staff", language_code: "ru" });
      expect(heads(await u.send(`/start team_${team.id}`))).toEqual(["<b>Волонтёры района</b>"]);
      expect(await findUser(h.db, id)).toBeUndefined();
    }
  });

  it("bring someone stopped by sign-up on a card's button back to that card afterwards", async () => {
    const team = await insertTeam(h.db, { name_ru: "Эко-патруль" });
    const u = h.user({ id: 807, first_name: "Test", language_code: "ru" });
    await u.press(`teams:team:${team.id}`);
    expect(h.texts(await u.click(ru("teams-button-join")))).toEqual([ru("need-signup")]);
    expect(u.buttons().map((b) => b.callback_data)).toEqual([`signup:team_${team.id}`]);
    await u.click(ru("button-signup"));
    const done = await signUpByButtons(h, u, "ru");
    expect(heads(done).slice(-1)).toEqual(["<b>Эко-патруль</b>"]);
    expect(u.buttons().map((b) => b.callback_data)[0]).toBe(`teams:join:${team.id}`);
  });
});
