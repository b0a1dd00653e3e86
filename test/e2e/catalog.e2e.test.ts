import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";
import type { Language } from "../../src/domain/language.js";
import { htmlToPlainText } from "../../src/emulator/bot-api-emulator.js";
import type { TestUser } from "../support/updates.js";
import { botEnv, endToEndSetupEachTest, readDb, startBot } from "./bot-process.js";
import { expectReplies, expectScreen, signUpFromCardLink, textOf } from "./dialogue.js";

const e2e = endToEndSetupEachTest("jastar-e2e-catalog-");

const i18n = createI18n();
const text = (lang: Language, key: string, vars?: Record<string, string | number>) => htmlToPlainText(i18n.t(lang, key, vars));
const label = (lang: Language, key: string, vars?: Record<string, string | number>) => i18n.t(lang, key, vars);

describe("a center's card fixed in the bot process", () => {
  it("a city administrator invites a center administrator, who fixes the center's address; a young person who opens the center's link sees it", async () => {
    const admin: TestUser = { id: 700601, first_name: "Админ", language_code: "ru" };
    const manager: TestUser = { id: 700603, first_name: "Манар", language_code: "ru" };
    const u: TestUser = { id: 700602, first_name: "Дана", language_code: "kk" };
    const bot = await startBot(e2e.em, botEnv(e2e, { LOG_LEVEL: "warn", ADMIN_IDS: String(admin.id) }));
    const [row] = await readDb(e2e, sql<{ name_ru: string; name_kk: string }>`select name_ru, name_kk from centers where id = 'almaly-1'`);
    const center = row!;

    // The city administrator makes a one-time link for the center's administrator.
    await expectReplies(e2e, admin, () => e2e.em.sendText(admin, "/admin"), [text("ru", "admin-home-city")]);
    await expectScreen(e2e, admin, () => e2e.em.clickButton(admin, label("ru", "admin-button-invite")), text("ru", "staff-invite-choose-kind"));
    await expectScreen(e2e, admin, () => e2e.em.clickButton(admin, label("ru", "staff-invite-kind-center-admin")), text("ru", "staff-invite-choose-center-admin"));
    const [created] = await expectReplies(e2e, admin, () => e2e.em.clickButton(admin, center.name_ru), [expect.any(String)]);
    const payload = /start=(cadm_[A-Za-z0-9_-]+)/.exec(textOf(created!))?.[1];
    expect(payload, textOf(created!)).toBeDefined();

    // The center's administrator opens it and fixes the address of their center.
    await expectReplies(e2e, manager, () => e2e.em.sendText(manager, `/start ${payload}`), [
      text("ru", "staff-center-admin-linked", { center: center.name_ru }),
      text("ru", "admin-home-centers", { centers: center.name_ru }),
    ]);
    await expectReplies(e2e, manager, () => e2e.em.clickButton(manager, label("ru", "admin-button-centers")), [text("ru", "catalog-centers")]);
    const card = await expectReplies(e2e, manager, () => e2e.em.clickButton(manager, `⚠️ ${center.name_ru}`), [expect.stringContaining(center.name_ru)]);
    expect(textOf(card[0]!)).toContain(text("ru", "catalog-center-stand-ins"));
    await expectReplies(e2e, manager, () => e2e.em.clickButton(manager, label("ru", "catalog-button-address")), [
      text("ru", "catalog-ask-address-kk", { max: 200 }),
    ]);
    await expectReplies(e2e, manager, () => e2e.em.sendText(manager, "Достық даңғылы, 85"), [text("ru", "catalog-ask-address-ru", { max: 200 })]);
    await expectReplies(e2e, manager, () => e2e.em.sendText(manager, "проспект Достык, 85"), [
      text("ru", "catalog-saved"),
      expect.stringContaining("проспект Достык, 85"),
    ]);

    // A young person follows the center's link and signs up: the card has the new address.
    const landed = await signUpFromCardLink(e2e, u, "center_almaly-1", "almaly", center.name_kk);
    expect(textOf(landed[2]!)).toContain("Мекенжайы: Достық даңғылы, 85\n");
    expect(await readDb(e2e, sql`select actor_id, action from audit_log order by id`)).toEqual([
      { actor_id: admin.id, action: "invite.create" },
      { actor_id: manager.id, action: "role.grant" },
      { actor_id: manager.id, action: "center.edit" },
    ]);
    expect(await bot.stop()).toBe(0);
  });
});
