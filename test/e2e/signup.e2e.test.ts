import { existsSync } from "node:fs";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";
import type { Language } from "../../src/domain/language.js";
import { CONSENT_VERSION, NAME_MAX_LENGTH, normalizePhone } from "../../src/domain/profile.js";
import { localDateOf } from "../../src/domain/time.js";
import { recorded, TEST_TOKEN } from "../support/harness.js";
import { contactContent, type TestUser } from "../support/updates.js";
import { htmlToPlainText, TEST_PHONE_NUMBER } from "../../src/emulator/bot-api-emulator.js";
import { botEnv, endToEndSetupEachTest, readDb, spawnBot, startBot } from "./bot-process.js";
import { expectReplies, expectScreen, QUIET_MS, textOf, WAIT_MS } from "./dialogue.js";

const i18n = createI18n();
/** A locale text as the user reads it in the chat (HTML markup rendered away). */
const text = (lang: Language, key: string, vars?: Record<string, string | number>) => htmlToPlainText(i18n.t(lang, key, vars));
const ru = (key: string, vars?: Record<string, string | number>) => text("ru", key, vars);
const kk = (key: string, vars?: Record<string, string | number>) => text("kk", key, vars);
/** A button label exactly as the bot renders it. */
const label = (lang: Language, key: string, vars?: Record<string, string | number>) => i18n.t(lang, key, vars);

const e2e = endToEndSetupEachTest("jastar-e2e-");

/** The configuration every bot process of these tests runs with, besides this test's database. */
const BOT_VARIABLES = { ADMIN_IDS: "700900", LOG_LEVEL: "debug" };

async function userRow(id: number): Promise<Record<string, unknown> | undefined> {
  const [row] = await readDb(e2e, sql<Record<string, unknown>>`select * from users where id = ${id}`);
  return row;
}

/**
 * Whether the bot left this test's database as it was given: no SQLite file made, or no table
 * made in the empty PostgreSQL database.
 */
async function databaseUntouched(): Promise<boolean> {
  if (e2e.database.dialect === "sqlite") return !existsSync(e2e.database.path);
  return (await readDb(e2e, sql`select table_name from information_schema.tables where table_schema = 'public'`)).length === 0;
}

describe("the bot process, driven through the Bot API emulator", () => {
  it("starts as npm start does: webhook removed, bot identified, command menus in Kazakh and Russian", async () => {
    const bot = await startBot(e2e.em, botEnv(e2e, BOT_VARIABLES));

    const firstPoll = e2e.em.polls[0]!;
    for (const method of ["getMe", "deleteWebhook", "setMyCommands"]) {
      const call = e2e.em.callsOf(method)[0];
      expect(call, `${method} at start-up`).toBeDefined();
      expect(call!.at).toBeLessThanOrEqual(firstPoll.at);
    }
    expect(e2e.em.callsOf("setMyCommands").map((c) => c.params.language_code)).toEqual(expect.arrayContaining(["kk", "ru"]));

    const kkMenu = e2e.em.commandsFor(undefined, "kk");
    const ruMenu = e2e.em.commandsFor(undefined, "ru");
    expect(kkMenu.map((c) => c.command)).toEqual(expect.arrayContaining(["start", "help", "mydata", "deleteme", "cancel"]));
    expect(ruMenu.map((c) => c.command)).toEqual(kkMenu.map((c) => c.command));
    for (const [lang, menu] of [["kk", kkMenu], ["ru", ruMenu]] as const) {
      for (const { command, description } of menu) {
        expect(description).not.toContain(`command-${command}`);
        expect(description).toBe(label(lang, `command-${command}`));
      }
    }
    expect(kkMenu.map((c) => c.description)).not.toEqual(ruMenu.map((c) => c.description));

    expect(await bot.stop()).toBe(0);
    // The catalog of centers comes with the first start, two in each of the eight districts.
    const perDistrict = await readDb(e2e, sql<{ n: number }>`select district, count(*) as n from centers group by district`);
    expect(perDistrict).toHaveLength(8);
    expect(perDistrict.every((row) => row.n === 2)).toBe(true);
  });

  it("signs up a Russian speaker who gets every step wrong once", async () => {
    const u: TestUser = { id: 700001, first_name: "Айгерим", language_code: "ru" };
    const bot = await startBot(e2e.em, botEnv(e2e, BOT_VARIABLES));

    await expectReplies(e2e, u, () => e2e.em.sendText(u, "/start"), [ru("signup-choose-language")]);
    await expectReplies(e2e, u, () => e2e.em.sendText(u, "русский"), [ru("need-button"), ru("signup-choose-language")]);
    await expectReplies(e2e, u, () => e2e.em.sendSticker(u), [ru("need-button"), ru("signup-choose-language")]);
    await expectReplies(e2e, u, () => e2e.em.clickButton(u, label("ru", "language-ru")), [ru("signup-overview")]);

    // /start begins the sign-up again.
    await expectReplies(e2e, u, () => e2e.em.sendText(u, "/start"), [ru("flow-left"), ru("signup-choose-language")]);
    await expectReplies(e2e, u, () => e2e.em.clickButton(u, label("ru", "language-ru")), [ru("signup-overview")]);
    await expectReplies(e2e, u, () => e2e.em.sendText(u, "/profile"), [ru("command-mid-flow"), ru("signup-overview")]);
    await expectReplies(e2e, u, () => e2e.em.clickButton(u, label("ru", "button-signup-start")), [ru("signup-consent")]);

    await expectReplies(e2e, u, () => e2e.em.sendPhoto(u), [ru("need-button"), ru("signup-consent")]);
    await expectReplies(e2e, u, () => e2e.em.clickButton(u, label("ru", "button-consent-yes")), [ru("signup-ask-name")]);

    await expectReplies(e2e, u, () => e2e.em.sendText(u, "12345"), [ru("signup-name-invalid", { max: NAME_MAX_LENGTH })]);
    await expectReplies(e2e, u, () => e2e.em.sendSticker(u), [ru("need-text"), ru("signup-ask-name")]);
    // A typed name wins over the one Telegram knows.
    await expectReplies(e2e, u, () => e2e.em.sendText(u, "Дана"), [ru("signup-ask-age")]);

    await expectReplies(e2e, u, () => e2e.em.sendText(u, "двадцать два"), [ru("signup-age-invalid")]);
    await expectReplies(e2e, u, () => e2e.em.sendText(u, "/mydata"), [ru("command-mid-flow"), ru("signup-ask-age")]);
    await expectReplies(e2e, u, () => e2e.em.sendText(u, "22"), [ru("signup-ask-district")]);

    await expectReplies(e2e, u, () => e2e.em.sendText(u, "Медеу"), [ru("need-button"), ru("signup-ask-district")]);
    // A question answered by a button stays as a record of the answer when the next one is sent.
    await expectReplies(e2e, u, () => e2e.em.clickButton(u, label("ru", "district-medeu")), [
      recorded(ru("signup-ask-district"), label("ru", "district-medeu")),
      ru("signup-ask-phone"),
    ]);

    const none = { none: label("ru", "button-skip") };
    await expectReplies(e2e, u, () => e2e.em.sendPhoto(u), [ru("signup-phone-invalid", none), ru("signup-ask-phone")]);
    const someoneElses = contactContent(u, "+7 701 000 00 00", 700999);
    await expectReplies(e2e, u, () => e2e.em.sendUpdate(u, someoneElses), [ru("signup-phone-not-own", none), ru("signup-ask-phone")]);
    await expectReplies(e2e, u, () => e2e.em.sendContact(u, "+7 (701) 765-43-21"), [ru("signup-phone-saved"), ru("signup-ask-occupation")]);
    // The contact keyboard goes away with the confirmation.
    expect(e2e.em.messagesTo(u.id).at(-2)?.reply_markup).toEqual({ remove_keyboard: true });

    await expectReplies(e2e, u, () => e2e.em.sendText(u, "не работаю"), [ru("need-button"), ru("signup-ask-occupation")]);
    await expectReplies(e2e, u, () => e2e.em.clickButton(u, label("ru", "occupation-neither")), [
      recorded(ru("signup-ask-occupation"), label("ru", "occupation-neither")),
      ru("signup-done", { name: "Дана" }),
      ru("menu-title"),
    ]);

    expect(await bot.stop()).toBe(0);
    const row = await userRow(u.id);
    expect(row).toMatchObject({
      language: "ru",
      name: "Дана",
      age: 22,
      guardian_consent: null,
      district: "medeu",
      phone: normalizePhone("+7 (701) 765-43-21"),
      occupation: "neither",
      consent_version: CONSENT_VERSION,
    });
    expect(row?.registered_at).toBe(row?.consent_at);
    expect(Date.now() - Date.parse(String(row?.registered_at))).toBeLessThan(60_000);
    // The log says what happened, never what the person wrote.
    for (const personal of ["Дана", "Айгерим", "765-43-21", "7017654321", "двадцать два"]) {
      expect(bot.output()).not.toContain(personal);
    }
  });

  it("signs up a Kazakh speaker across a restart, and answers a crisis phrase mid-flow at once", async () => {
    const u: TestUser = { id: 700002, first_name: "Ерасыл", language_code: "kk" };
    let bot = await startBot(e2e.em, botEnv(e2e, BOT_VARIABLES));
    const first = bot;

    await expectReplies(e2e, u, () => e2e.em.sendText(u, "/start"), [kk("signup-choose-language")]);
    await expectReplies(e2e, u, () => e2e.em.sendText(u, "қазақша"), [kk("need-button"), kk("signup-choose-language")]);
    await expectReplies(e2e, u, () => e2e.em.clickButton(u, label("kk", "language-kk")), [kk("signup-overview")]);
    await expectReplies(e2e, u, () => e2e.em.sendPhoto(u), [kk("need-button"), kk("signup-overview")]);
    await expectReplies(e2e, u, () => e2e.em.clickButton(u, label("kk", "button-signup-start")), [kk("signup-consent")]);
    await expectReplies(e2e, u, () => e2e.em.sendText(u, "иә"), [kk("need-button"), kk("signup-consent")]);
    await expectReplies(e2e, u, () => e2e.em.clickButton(u, label("kk", "button-consent-yes")), [kk("signup-ask-name")]);
    await expectReplies(e2e, u, () => e2e.em.sendText(u, "Е"), [kk("signup-name-invalid", { max: NAME_MAX_LENGTH })]);
    // Help at once, then the same question again.
    await expectReplies(e2e, u, () => e2e.em.sendText(u, "/help"), [kk("help-crisis"), kk("signup-ask-name")]);
    // The name Telegram knows is offered as a button.
    await expectReplies(e2e, u, () => e2e.em.clickButton(u, label("kk", "button-use-name", { name: "Ерасыл" })), [kk("signup-ask-age")]);
    await expectReplies(e2e, u, () => e2e.em.sendText(u, "он алты"), [kk("signup-age-invalid")]);
    await expectReplies(e2e, u, () => e2e.em.sendText(u, "16"), [kk("signup-ask-guardian")]);

    // SIGTERM mid sign-up, just as the user sends something: the process exits cleanly, and the
    // message is answered exactly once, by whichever process received it; no reply is repeated.
    const sentBeforeRestart = e2e.em.messagesTo(u.id).length;
    e2e.em.sendSticker(u);
    expect(await bot.stop("SIGTERM")).toBe(0);
    bot = await startBot(e2e.em, botEnv(e2e, BOT_VARIABLES));
    for (let i = 0; i < 2; i++) await e2e.em.waitForMessageTo(u.id, undefined, WAIT_MS);
    await e2e.em.waitUntilIdle(QUIET_MS, WAIT_MS);
    expect(e2e.em.pendingUpdates).toEqual([]);
    expect(e2e.em.messagesTo(u.id).slice(sentBeforeRestart).map(textOf)).toEqual([kk("need-button"), kk("signup-ask-guardian")]);

    // The new process continues the same conversation from the database.
    await expectReplies(e2e, u, () => e2e.em.clickButton(u, label("kk", "button-guardian-yes")), [kk("signup-ask-district")]);

    const before = e2e.em.messagesTo(u.id).length;
    await expectReplies(e2e, u, () => e2e.em.sendText(u, "өлгім келеді"), [kk("crisis-detected"), kk("help-crisis"), kk("signup-ask-district")]);
    const help = textOf(e2e.em.messagesTo(u.id)[before + 1]!);
    for (const line of ["150", "111", "112"]) expect(help).toMatch(new RegExp(`\\b${line}\\b`));

    // The crisis message was not taken as an answer: the district step, asked again, waits for a button.
    await expectReplies(e2e, u, () => e2e.em.clickButton(u, label("kk", "district-turksib")), [
      recorded(kk("signup-ask-district"), label("kk", "district-turksib")),
      kk("signup-ask-phone"),
    ]);
    await expectReplies(e2e, u, () => e2e.em.sendText(u, "/profile"), [kk("command-mid-flow"), kk("signup-ask-phone")]);
    await expectReplies(e2e, u, () => e2e.em.clickButton(u, label("kk", "button-share-phone")), [
      kk("signup-phone-saved"),
      kk("signup-ask-occupation"),
    ]);
    await expectReplies(e2e, u, () => e2e.em.clickButton(u, label("kk", "occupation-study")), [
      recorded(kk("signup-ask-occupation"), label("kk", "occupation-study")),
      kk("signup-done", { name: "Ерасыл" }),
      kk("menu-title"),
    ]);

    expect(await bot.stop()).toBe(0);
    expect(await userRow(u.id)).toMatchObject({
      language: "kk",
      name: "Ерасыл",
      age: 16,
      guardian_consent: 1,
      district: "turksib",
      phone: normalizePhone(TEST_PHONE_NUMBER),
      occupation: "study",
    });
    // The crisis was logged without the words that signalled it.
    expect(bot.stdout).toContain("crisis");
    for (const personal of ["өлгім", "Ерасыл"]) {
      expect(first.output()).not.toContain(personal);
      expect(bot.output()).not.toContain(personal);
    }
  });

  it("/mydata sends what is stored to read and as JSON, and /deleteme erases it leaving only an anonymous count", async () => {
    const u: TestUser = { id: 700003, first_name: "Мадина", language_code: "ru" };
    const bot = await startBot(e2e.em, botEnv(e2e, BOT_VARIABLES));

    await expectReplies(e2e, u, () => e2e.em.sendText(u, "/start"), [ru("signup-choose-language")]);
    await expectReplies(e2e, u, () => e2e.em.clickButton(u, label("ru", "language-ru")), [ru("signup-overview")]);
    await expectReplies(e2e, u, () => e2e.em.clickButton(u, label("ru", "button-signup-start")), [ru("signup-consent")]);
    await expectReplies(e2e, u, () => e2e.em.clickButton(u, label("ru", "button-consent-yes")), [ru("signup-ask-name")]);
    await expectReplies(e2e, u, () => e2e.em.clickButton(u, label("ru", "button-use-name", { name: "Мадина" })), [ru("signup-ask-age")]);
    await expectReplies(e2e, u, () => e2e.em.sendText(u, "19 лет"), [ru("signup-ask-district")]);
    await expectReplies(e2e, u, () => e2e.em.clickButton(u, label("ru", "district-almaly")), [
      recorded(ru("signup-ask-district"), label("ru", "district-almaly")),
      ru("signup-ask-phone"),
    ]);
    await expectReplies(e2e, u, () => e2e.em.clickButton(u, label("ru", "button-skip")), [ru("signup-phone-skipped"), ru("signup-ask-occupation")]);
    await expectReplies(e2e, u, () => e2e.em.clickButton(u, label("ru", "occupation-work")), [
      recorded(ru("signup-ask-occupation"), label("ru", "occupation-work")),
      ru("signup-done", { name: "Мадина" }),
      ru("menu-title"),
    ]);

    await expectReplies(e2e, u, () => e2e.em.sendText(u, "/mydata"), [ru("mydata-caption"), ru("mydata-json-caption")]);
    const [readable, file] = e2e.em.callsOf("sendDocument").slice(-2).map((upload) => upload.files.document!);
    expect(readable!.filename).toMatch(/\.txt$/);
    expect(readable!.content.toString("utf8")).toContain(label("ru", "district-almaly"));
    expect(file!.filename).toMatch(/\.json$/);
    const exported = JSON.parse(file!.content.toString("utf8")) as { user: Record<string, unknown> };
    expect(exported.user).toMatchObject({ id: u.id, name: "Мадина", age: 19, district: "almaly", phone: null });

    await expectReplies(e2e, u, () => e2e.em.sendText(u, "/deleteme"), [ru("deleteme-confirm")]);
    const erasedFrom = localDateOf(new Date());
    const goodbye = await expectScreen(e2e, u, () => e2e.em.clickButton(u, label("ru", "button-deleteme-yes")), ru("deleteme-done"));
    expect(goodbye.reply_markup).toBeUndefined();
    const erasedUntil = localDateOf(new Date());

    expect(await bot.stop()).toBe(0);
    expect(await userRow(u.id)).toBeUndefined();
    // Nor does a half-finished flow keep the person's answers.
    expect(await readDb(e2e, sql`select key from conversation_state`)).toEqual([]);
    const counts = await readDb(e2e, sql<{ day: string; count: number }>`select * from anonymous_counts where metric = 'accounts_erased'`);
    expect(counts).toHaveLength(1);
    expect(counts[0]!.count).toBe(1);
    expect([erasedFrom, erasedUntil]).toContain(counts[0]!.day);
  });

  it.each([
    { variable: "BOT_TOKEN", env: (): Record<string, string> => botEnv(e2e) },
    {
      variable: "DATABASE_URL",
      env: (): Record<string, string> => ({ BOT_TOKEN: TEST_TOKEN, DATABASE_URL: "mysql://localhost/jastar" }),
    },
  ])("refuses to start with a bad $variable, saying so in one line", async ({ variable, env }) => {
    const bot = spawnBot({ TELEGRAM_API_ROOT: e2e.em.apiRoot, LOG_LEVEL: "info", ...env() });
    const { code } = await bot.waitForExit(WAIT_MS);

    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    const lines = bot.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(variable);
    expect(bot.stdout).toBe("");
    // It stopped before touching anything.
    expect(await databaseUntouched()).toBe(true);
    expect(e2e.em.calls).toEqual([]);
  });
});
