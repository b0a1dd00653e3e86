import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";
import type { Language } from "../../src/domain/language.js";
import { htmlToPlainText } from "../../src/emulator/bot-api-emulator.js";
import type { TestUser } from "../support/updates.js";
import { botEnv, endToEndSetupEachTest, readDb, startBot } from "./bot-process.js";
import { expectReplies, signUpFromCardLink, textOf } from "./dialogue.js";

const e2e = endToEndSetupEachTest("jastar-e2e-places-");

const i18n = createI18n();
const text = (lang: Language, key: string, vars?: Record<string, string | number>) => htmlToPlainText(i18n.t(lang, key, vars));
const label = (lang: Language, key: string, vars?: Record<string, string | number>) => i18n.t(lang, key, vars);

describe("a poster's link and the nearest centers, in the bot process", () => {
  it("signs up someone new who followed a center's link, lands them on the card, and finds the nearest centers", async () => {
    const u: TestUser = { id: 700501, first_name: "Дана", language_code: "kk" };
    const bot = await startBot(e2e.em, botEnv(e2e, { LOG_LEVEL: "warn" }));
    const [center] = await readDb(e2e, sql<{ name_kk: string }>`select name_kk from centers where id = 'zhetysu-1'`);

    const landed = await signUpFromCardLink(e2e, u, "center_zhetysu-1", "zhetysu", center!.name_kk);
    // The card says what the center has: here, the brainstorm room the city named.
    expect(textOf(landed[2]!)).toContain(label("kk", "center-offer-brainstorm_room"));

    // Nearest centers: the request button shares the location the emulator has for the person.
    await expectReplies(e2e, u, () => e2e.em.clickButton(u, label("kk", "button-back")), [
      text("kk", "centers-district-title", { district: label("kk", "district-zhetysu") }),
    ]);
    await expectReplies(e2e, u, () => e2e.em.clickButton(u, label("kk", "button-back")), [text("kk", "centers-choose-district")]);
    await expectReplies(e2e, u, () => e2e.em.clickButton(u, label("kk", "centers-button-nearest")), [text("kk", "centers-near-ask")]);
    const found = await expectReplies(e2e, u, () => e2e.em.clickButton(u, label("kk", "centers-near-button-share")), [
      text("kk", "centers-near-got-it"),
      expect.stringContaining(text("kk", "centers-near-title")),
    ]);
    expect(found[0]!.reply_markup).toEqual({ remove_keyboard: true });
    expect(textOf(found[1]!).split("\n").filter((line) => / км$/.test(line))).toHaveLength(3);
    expect(await bot.stop()).toBe(0);
  });
});
