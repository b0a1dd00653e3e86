import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";
import { recorded } from "../support/harness.js";
import { contactContent, type TestUser } from "../support/updates.js";
import { htmlToPlainText, type BotApiEmulator, type RecordedCall } from "../../src/emulator/bot-api-emulator.js";
import { botEnv, endToEndSetupEachTest, readDb, startBot, type BotProcess } from "./bot-process.js";
import { expectReplies, QUIET_MS, textOf, WAIT_MS } from "./dialogue.js";
import { seedDueReminders } from "./due-reminders.js";

const i18n = createI18n();
const ru = (key: string, vars?: Record<string, string | number>) => htmlToPlainText(i18n.t("ru", key, vars));
const label = (key: string) => i18n.t("ru", key);

/** What a service manager allows a stop before it kills the process. */
const STOP_LIMIT_MS = 10_000;

const e2e = endToEndSetupEachTest("jastar-e2e-faults-");

async function until(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = WAIT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** How many calls of `method` the emulator has held open so far. */
const hangs = (em: BotApiEmulator, method: string) => em.calls.filter((c: RecordedCall) => c.method === method && c.dropped === "hang").length;
/** Whether a call of `method` is held open beyond the `before` earlier ones. */
const hung = (em: BotApiEmulator, method: string, before = 0) => () => hangs(em, method) > before;

/** One action whose single reply may take up to a request's timeout and the retries after it. */
async function expectSlowReply(em: BotApiEmulator, u: TestUser, act: () => unknown, expected: string): Promise<void> {
  const mark = em.calls.length;
  act();
  await em.waitForMessageTo(u.id, undefined, 20_000);
  await em.waitUntilIdle(QUIET_MS, WAIT_MS);
  expect(em.shownSince(u.id, mark).map(textOf)).toEqual([expected]);
}

/** Sends SIGTERM and resolves with the exit code and how long the process took to exit. */
async function timedStop(bot: BotProcess): Promise<{ code: number | null; ms: number }> {
  const started = Date.now();
  const code = await bot.stop("SIGTERM");
  return { code, ms: Date.now() - started };
}

describe("a stop while Telegram does not answer", () => {
  it("exits within 10 s with code 0 while a reply hangs, and the update is handled after the restart", { timeout: 40_000 }, async () => {
    const u: TestUser = { id: 720001, first_name: "Айгерим", language_code: "ru" };
    const other: TestUser = { id: 720011, first_name: "Ерлан", language_code: "ru" };
    let bot = await startBot(e2e.em, botEnv(e2e, { LOG_LEVEL: "info" }));
    e2e.em.dropNext("sendMessage", "hang");
    const update = e2e.em.sendText(u, "/start");
    await until("the reply to hang", hung(e2e.em, "sendMessage"));
    // Someone else is answered meanwhile, after the hung update.
    const later = e2e.em.sendText(other, "/start");
    await e2e.em.waitForMessageTo(other.id, undefined, WAIT_MS);

    const { code, ms } = await timedStop(bot);
    expect(code).toBe(0);
    expect(ms).toBeLessThan(STOP_LIMIT_MS);
    // Not confirmed: Telegram still holds the update, and the one after it.
    expect(e2e.em.pendingUpdates.map((p) => p.update_id)).toEqual([update.update_id, later.update_id]);
    expect(e2e.em.messagesTo(u.id)).toEqual([]);

    bot = await startBot(e2e.em, botEnv(e2e, { LOG_LEVEL: "info" }));
    await e2e.em.waitForMessageTo(u.id, undefined, WAIT_MS);
    await e2e.em.waitUntilIdle(QUIET_MS, WAIT_MS);
    expect(e2e.em.messagesTo(u.id).map(textOf)).toEqual([ru("signup-choose-language")]);
    // The update handled before the stop is not handled a second time.
    expect(e2e.em.messagesTo(other.id).map(textOf)).toEqual([ru("signup-choose-language")]);
    expect(e2e.em.pendingUpdates).toEqual([]);
    expect(await bot.stop()).toBe(0);
  });

  it("exits within 10 s with code 0 while an outbox send hangs, and the message goes out after the restart", { timeout: 40_000 }, async () => {
    const personId = 720002;
    await seedDueReminders(e2e.db, [{ id: personId, language: "ru" }], [e2e.em]);
    e2e.em.dropNext("sendMessage", "hang");
    let bot = await startBot(e2e.em, botEnv(e2e, { LOG_LEVEL: "info" }));
    await until("the reminder to hang", hung(e2e.em, "sendMessage"));

    const { code, ms } = await timedStop(bot);
    expect(code).toBe(0);
    expect(ms).toBeLessThan(STOP_LIMIT_MS);
    // Handed back as it was: not sent, not counted as a failed attempt.
    const rowState = () => readDb(e2e, sql<{ state: string; attempts: number }>`select state, attempts from outbox`);
    expect(await rowState()).toEqual([{ state: "pending", attempts: 0 }]);

    bot = await startBot(e2e.em, botEnv(e2e, { LOG_LEVEL: "info" }));
    await until("the reminder to be sent", () => e2e.em.messagesTo(personId).length > 0);
    await until("the reminder to be recorded", async () => (await rowState())[0]?.state === "sent");
    expect(await bot.stop()).toBe(0);
    expect(e2e.em.messagesTo(personId)).toHaveLength(1);
  });
});

describe("polling through Telegram's faults", () => {
  it("keeps fetching updates after a failed and a broken poll, and handles what came meanwhile", { timeout: 30_000 }, async () => {
    const u: TestUser = { id: 720004, first_name: "Айгерим", language_code: "ru" };
    const bot = await startBot(e2e.em, botEnv(e2e, { LOG_LEVEL: "info" }));
    e2e.em.dropNext("getUpdates", "reset");
    e2e.em.failNext("getUpdates", { error_code: 502 });
    // The pending poll is answered with the update; the next two polls fail, a reset, then a 502.
    await expectSlowReply(e2e.em, u, () => e2e.em.sendText(u, "/start"), ru("signup-choose-language"));
    await expectSlowReply(e2e.em, u, () => e2e.em.clickButton(u, label("language-ru")), ru("signup-overview"));
    expect(await bot.stop()).toBe(0);

    const warnings = bot.stdout.split("\n").filter((line) => line.includes("fetching updates failed"));
    expect(warnings.map((line) => (JSON.parse(line) as { err?: { name?: string } }).err?.name)).toEqual(["HttpError", "GrammyError"]);
    expect(bot.output()).not.toContain(e2e.em.token.slice(e2e.em.token.indexOf(":") + 1));
  });
});

describe("the log under Telegram's faults", () => {
  it("holds neither the token, nor a phone number, nor what the person typed, at LOG_LEVEL=trace", { timeout: 60_000 }, async () => {
    const u: TestUser = { id: 720003, first_name: "Айгерим", language_code: "ru" };
    const phone = "+7 701 765 43 21";
    const typedName = "Данагуль";
    const typedAge = "двадцать два";
    const em = e2e.em;
    const env = botEnv(e2e, { LOG_LEVEL: "trace" });
    let bot = await startBot(em, env);
    const outputs: string[] = [];

    // Refused (403) outside a flow: told once in the log, nothing retried.
    em.failNext("sendMessage", { error_code: 403, description: "Forbidden: bot was blocked by the user" });
    await expectReplies(e2e, u, () => em.sendText(u, typedAge), [ru("error-generic")]);

    // Each fault once on a step's answer: retried, so the person sees the next step.
    em.failNext("sendMessage", { error_code: 429, parameters: { retry_after: 1 } });
    await expectReplies(e2e, u, () => em.sendText(u, "/start"), [ru("signup-choose-language")]);
    em.failNext("sendMessage", { error_code: 500 });
    await expectReplies(e2e, u, () => em.clickButton(u, label("language-ru")), [ru("signup-overview")]);
    em.dropNext("sendMessage", "reset");
    await expectReplies(e2e, u, () => em.clickButton(u, label("button-signup-start")), [ru("signup-consent")]);
    await expectReplies(e2e, u, () => em.clickButton(u, label("button-consent-yes")), [ru("signup-ask-name")]);

    // Faults that outlast the retries reach the log: a 502, a reset, an answer that never comes.
    em.failNext("sendMessage", { error_code: 502 }, 4);
    await expectSlowReply(em, u, () => em.sendText(u, typedName), ru("error-generic"));
    em.dropNext("sendMessage", "reset", 4);
    await expectSlowReply(em, u, () => em.sendText(u, typedName), ru("error-generic"));
    em.dropNext("sendMessage", "hang");
    await expectSlowReply(em, u, () => em.sendText(u, typedName), ru("error-generic"));
    await expectReplies(e2e, u, () => em.sendText(u, typedName), [ru("signup-ask-age")]);
    await expectReplies(e2e, u, () => em.sendText(u, "22"), [ru("signup-ask-district")]);
    await expectReplies(e2e, u, () => em.clickButton(u, label("district-medeu")), [
      recorded(ru("signup-ask-district"), label("district-medeu")),
      ru("signup-ask-phone"),
    ]);
    em.failNext("sendMessage", { error_code: 500 });
    await expectReplies(e2e, u, () => em.sendUpdate(u, contactContent(u, phone)), [ru("signup-phone-saved"), ru("signup-ask-occupation")]);

    // And a stop with a request hanging: this reply's, not the one held open above.
    const earlier = hangs(em, "sendMessage");
    em.dropNext("sendMessage", "hang");
    em.sendText(u, typedName);
    await until("the reply to hang", hung(em, "sendMessage", earlier));
    expect(await bot.stop()).toBe(0);
    outputs.push(bot.output());
    bot = await startBot(em, env);
    await em.waitUntilIdle(QUIET_MS, WAIT_MS);
    expect(await bot.stop()).toBe(0);
    outputs.push(bot.output());

    const log = outputs.join("\n");
    const secret = em.token.slice(em.token.indexOf(":") + 1);
    for (const forbidden of [em.token, secret, phone, phone.replace(/\D/g, ""), "7017654321", typedName, typedAge, u.first_name]) {
      expect(log, forbidden).not.toContain(forbidden);
    }
    // What failed is still told: the error's type, the method, Telegram's code or the network's.
    const lines = log.split("\n").filter((line) => line.startsWith("{")).map((line) => JSON.parse(line) as Record<string, any>);
    const told = (msg: string) => lines.filter((l) => l.msg === msg);
    expect(told("Bot API call failed").map((l) => [l.err?.name, l.method, l.code])).toEqual([
      ["GrammyError", "sendMessage", 403],
      ["GrammyError", "sendMessage", 502],
      ["HttpError", "sendMessage", expect.stringMatching(/^(UND_ERR_SOCKET|ECONNRESET)$/)],
      ["HttpError", "sendMessage", "timeout"],
    ]);
    expect(told("update cut short by the stop; Telegram delivers it again after the restart").map((l) => [l.err?.name, l.code])).toEqual([
      ["HttpError", "cut-off"],
    ]);
    expect(new Set(told("Bot API call failed; retrying").map((l) => l.code))).toEqual(
      new Set([429, 500, 502, expect.stringMatching(/^(UND_ERR_SOCKET|ECONNRESET)$/)]),
    );
  });
});
