import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";
import { htmlToPlainText, type EmulatedUser as TestUser, type RecordedCall } from "../../src/emulator/bot-api-emulator.js";
import { botEnv, endToEndSetupEachTest, freePort, readDb, startBot, startWebhookBot, webhookEndpoint } from "./bot-process.js";
import { QUIET_MS, textOf, WAIT_MS } from "./dialogue.js";

const i18n = createI18n();
const HELP = htmlToPlainText(i18n.t("ru", "help-crisis"));

/** Longer than any handling on a loaded machine: what waits for it is visibly held up. */
const SLOW_ANSWER_MS = 1_500;

const e2e = endToEndSetupEachTest("jastar-e2e-webhook-");
const aliya: TestUser = { id: 740001, first_name: "Алия", language_code: "ru" };
const daniyar: TestUser = { id: 740002, first_name: "Данияр", language_code: "ru" };
const env = () => botEnv(e2e, { LOG_LEVEL: "warn" });

const helpCallsTo = (chatId: number): RecordedCall[] =>
  e2e.em.callsOf("sendMessage").filter((c) => c.params.chat_id === chatId && typeof c.params.text === "string" && htmlToPlainText(c.params.text) === HELP);

async function tableCount(table: "received_updates" | "handled_updates"): Promise<number> {
  const [row] = await readDb(e2e, sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`);
  return row!.n;
}

function post(url: string, body: unknown, secret?: string): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(secret === undefined ? {} : { "x-telegram-bot-api-secret-token": secret }) },
    body: JSON.stringify(body),
  });
}

async function until(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = WAIT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("the bot in webhook mode", () => {
  it("sets its webhook with the secret, answers /healthz and /readyz, and talks through the webhook", { timeout: 30_000 }, async () => {
    const webhook = await webhookEndpoint();
    await startWebhookBot(e2e.em, env(), webhook);

    expect(e2e.em.callsOf("setWebhook").map((c) => c.params)).toEqual([{ url: webhook.url, secret_token: webhook.secret }]);
    expect(e2e.em.callsOf("deleteWebhook")).toEqual([]);
    const health = await fetch(`${webhook.origin}/healthz`);
    expect([health.status, await health.json()]).toEqual([200, { status: "ok" }]);
    const ready = await fetch(`${webhook.origin}/readyz`);
    expect([ready.status, await ready.json()]).toEqual([200, { status: "ready" }]);

    e2e.em.sendText(aliya, "/help");
    const reply = await e2e.em.waitForMessageTo(aliya.id, undefined, WAIT_MS);
    expect(textOf(reply)).toBe(HELP);
    await e2e.em.waitUntilIdle(QUIET_MS, WAIT_MS);
    expect(e2e.em.webhookDeliveries.map((d) => d.status)).toEqual([200]);
    // Handled and noted, and nothing left waiting: it is let go of a moment after the reply.
    await until("the update let go of", async () => (await tableCount("received_updates")) === 0);
    expect(await tableCount("handled_updates")).toBe(1);
  });

  it("refuses a post without the right secret with 401 and handles nothing of it", { timeout: 30_000 }, async () => {
    const webhook = await webhookEndpoint();
    await startWebhookBot(e2e.em, env(), webhook);
    const update = { update_id: 5001, message: { message_id: 1, date: 0, chat: { id: aliya.id, type: "private" }, from: { id: aliya.id, is_bot: false, first_name: "x" }, text: "/help" } };

    for (const secret of [undefined, "", "wrong-secret-of-the-same-size!!!", `${webhook.secret}x`]) {
      const refused = await post(webhook.url, update, secret);
      expect(refused.status, `secret ${JSON.stringify(secret)}`).toBe(401);
    }
    const garbage = await post(webhook.url, { hello: "world" }, webhook.secret);
    expect(garbage.status).toBe(400);
    const wrongMethod = await fetch(webhook.url);
    expect(wrongMethod.status).toBe(405);

    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(e2e.em.callsOf("sendMessage")).toEqual([]);
    expect(await tableCount("received_updates")).toBe(0);
    expect(await tableCount("handled_updates")).toBe(0);
  });

  it("acknowledges at once while a handler waits on Telegram, keeps one chat in order and others side by side", { timeout: 30_000 }, async () => {
    const webhook = await webhookEndpoint();
    await startWebhookBot(e2e.em, env(), webhook);
    e2e.em.delayAnswers("sendMessage", SLOW_ANSWER_MS);

    const first = e2e.em.sendText(aliya, "/help");
    const second = e2e.em.sendText(aliya, "/help");
    const other = e2e.em.sendText(daniyar, "/help");
    await until("every reply", () => helpCallsTo(aliya.id).length === 2 && helpCallsTo(daniyar.id).length === 1, 3 * SLOW_ANSWER_MS + WAIT_MS);

    // Each post was answered long before the reply it caused got Telegram's answer.
    const deliveries = e2e.em.webhookDeliveries;
    expect(deliveries.map((d) => [d.update_id, d.status])).toEqual([first, second, other].map((u) => [u.update_id, 200]));
    for (const d of deliveries) expect(d.answeredAt - d.sentAt).toBeLessThan(SLOW_ANSWER_MS);
    const [a1, a2] = helpCallsTo(aliya.id);
    const [d1] = helpCallsTo(daniyar.id);
    // Aliya's second update starts only once her first is done (its reply answered) ...
    expect(a2!.at - a1!.at).toBeGreaterThanOrEqual(SLOW_ANSWER_MS - 20);
    // ... while Daniyar's, posted after both, did not wait for hers.
    expect(d1!.at).toBeLessThan(a2!.at);
    expect(d1!.at - a1!.at).toBeLessThan(SLOW_ANSWER_MS);
  });

  it("handles an update posted again, during its handling or after it, only once", { timeout: 30_000 }, async () => {
    const webhook = await webhookEndpoint();
    await startWebhookBot(e2e.em, env(), webhook);
    e2e.em.delayAnswers("sendMessage", 300);

    const update = e2e.em.sendText(aliya, "/help");
    await until("the reply on its way", () => helpCallsTo(aliya.id).length === 1);
    // Telegram posts it again, as after a timeout of the first post: while it is being handled ...
    const during = await Promise.all([post(webhook.url, update, webhook.secret), post(webhook.url, update, webhook.secret)]);
    expect(during.map((r) => r.status)).toEqual([200, 200]);
    await e2e.em.waitUntilIdle(400, WAIT_MS);
    expect(await tableCount("received_updates")).toBe(0);
    // ... and once it is done.
    const after = await post(webhook.url, update, webhook.secret);
    expect(after.status).toBe(200);
    await e2e.em.waitUntilIdle(400, WAIT_MS);

    expect(helpCallsTo(aliya.id)).toHaveLength(1);
    expect(await tableCount("handled_updates")).toBe(1);
    expect(await tableCount("received_updates")).toBe(0);
  });

  it("handles after a restart an update it acknowledged and was killed before finishing", { timeout: 40_000 }, async () => {
    const webhook = await webhookEndpoint();
    const bot = await startWebhookBot(e2e.em, env(), webhook);
    // Telegram never answers this reply: the update is acknowledged, and still in hand at the kill.
    e2e.em.dropNext("sendMessage", "hang", 1, (call) => call.params.chat_id === aliya.id);

    const update = e2e.em.sendText(aliya, "/help");
    await until("the reply stuck on its way", () => e2e.em.callsOf("sendMessage").some((c) => c.dropped === "hang"));
    expect(e2e.em.webhookDeliveries.map((d) => [d.update_id, d.status])).toEqual([[update.update_id, 200]]);
    await bot.kill();
    expect(await tableCount("received_updates")).toBe(1);

    await startWebhookBot(e2e.em, env(), webhook);
    await until("the reply after the restart", () => helpCallsTo(aliya.id).some((c) => c.result !== undefined));
    await e2e.em.waitUntilIdle(QUIET_MS, WAIT_MS);
    // Telegram posted it once: the restart found it in the database.
    expect(e2e.em.webhookDeliveries).toHaveLength(1);
    expect(helpCallsTo(aliya.id).filter((c) => c.result !== undefined)).toHaveLength(1);
    await until("the update let go of", async () => (await tableCount("received_updates")) === 0);
  });
});

describe("the bot in polling mode with PORT set", () => {
  it("answers /healthz and /readyz, serves no webhook, and polls as before", { timeout: 30_000 }, async () => {
    const port = await freePort();
    await startBot(e2e.em, botEnv(e2e, { LOG_LEVEL: "warn", PORT: String(port) }));
    const origin = `http://127.0.0.1:${port}`;

    const health = await fetch(`${origin}/healthz`);
    expect([health.status, await health.json()]).toEqual([200, { status: "ok" }]);
    const ready = await fetch(`${origin}/readyz`);
    expect([ready.status, await ready.json()]).toEqual([200, { status: "ready" }]);
    const posted = await post(`${origin}/telegram`, { update_id: 1 }, "any-secret-at-all-goes-nowhere");
    expect(posted.status).toBe(404);
    expect(e2e.em.callsOf("setWebhook")).toEqual([]);
    expect(e2e.em.callsOf("deleteWebhook")).toHaveLength(1);

    e2e.em.sendText(aliya, "/help");
    expect(textOf(await e2e.em.waitForMessageTo(aliya.id, undefined, WAIT_MS))).toBe(HELP);
  });
});
