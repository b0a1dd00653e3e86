import { describe, expect, it } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";
import { htmlToPlainText } from "../../src/emulator/bot-api-emulator.js";
import { type TestUser } from "../support/updates.js";
import { botEnv, endToEndSetupEachTest, startWebhookBot, webhookEndpoint } from "./bot-process.js";
import { expectReplies } from "./dialogue.js";

const i18n = createI18n();
const ru = (key: string, vars?: Record<string, string | number>) => htmlToPlainText(i18n.t("ru", key, vars));
const label = (key: string) => i18n.t("ru", key);

const e2e = endToEndSetupEachTest("jastar-e2e-logs-");

describe("the log at its most detailed level", () => {
  it("holds no message text, name or phone number of a person who signs up and writes in crisis", { timeout: 40_000 }, async () => {
    const u: TestUser = { id: 750001, first_name: "Айгерим", last_name: "Сапарова", username: "aigerim_s", language_code: "ru" };
    const webhook = await webhookEndpoint();
    const bot = await startWebhookBot(e2e.em, botEnv(e2e, { LOG_LEVEL: "trace" }), webhook);

    await expectReplies(e2e, u, () => e2e.em.sendText(u, "/start"), [ru("signup-choose-language")]);
    await expectReplies(e2e, u, () => e2e.em.clickButton(u, label("language-ru")), [ru("signup-overview")]);
    await expectReplies(e2e, u, () => e2e.em.clickButton(u, label("button-signup-start")), [ru("signup-consent")]);
    await expectReplies(e2e, u, () => e2e.em.clickButton(u, label("button-consent-yes")), [ru("signup-ask-name")]);
    await expectReplies(e2e, u, () => e2e.em.sendText(u, "Дана Жумабекова"), [ru("signup-ask-age")]);
    await expectReplies(e2e, u, () => e2e.em.sendText(u, "Я не хочу жить"), [ru("crisis-detected"), ru("help-crisis"), ru("signup-ask-age")]);
    await expectReplies(e2e, u, () => e2e.em.sendText(u, "22"), [ru("signup-ask-district")]);
    e2e.em.clickButton(u, label("district-medeu"));
    await e2e.em.waitForMessageTo(u.id, (m) => m.text === ru("signup-ask-phone"));
    await expectReplies(e2e, u, () => e2e.em.sendContact(u, "+7 (701) 765-43-21"), [ru("signup-phone-saved"), ru("signup-ask-occupation")]);

    expect(await bot.stop()).toBe(0);
    const lines = bot.stdout.split("\n").filter((line) => line.length > 0);
    const levels = lines.map((line) => (JSON.parse(line) as { level: number }).level);
    // Trace lines were written: the level is really the most detailed one.
    expect(levels).toContain(10);
    expect(lines.length).toBeGreaterThan(20);
    for (const personal of ["Дана", "Жумабекова", "Айгерим", "Сапарова", "aigerim_s", "не хочу жить", "765-43-21", "7017654321", "+77017654321"]) {
      expect(bot.output(), personal).not.toContain(personal);
    }
  });
});
