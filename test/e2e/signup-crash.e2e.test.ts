import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";
import { joinEvent } from "../../src/bot/features/events/buttons.js";
import { joinTeamButton } from "../../src/bot/features/teams/buttons.js";
import { joinSession } from "../../src/bot/features/teatalk/buttons.js";
import { htmlToPlainText, type RecordedCall, type EmulatedUser as TestUser } from "../../src/emulator/bot-api-emulator.js";
import { TEST_TOKEN } from "../support/harness.js";
import { registerUser } from "../support/users.js";
import { botEnv, endToEndSetupEachTest, readDb, runBotCommand, startBot, type BotProcess } from "./bot-process.js";
import { QUIET_MS, textOf, WAIT_MS } from "./dialogue.js";

/** Long enough that the answer comes only after the kill. */
const HELD_ANSWER_MS = 60_000;

const i18n = createI18n();
const ru = (key: string) => htmlToPlainText(i18n.t("ru", key));

const e2e = endToEndSetupEachTest("jastar-e2e-signup-crash-");
const person: TestUser = { id: 730101, first_name: "Дана", language_code: "ru" };
const coordinator = 730102;
const env = () => botEnv(e2e, { LOG_LEVEL: "warn" });

/** The catalog with its demo events, clubs and teams (one with a coordinator), and a person signed up. */
async function prepareDatabase(): Promise<void> {
  const seed = await runBotCommand(["seed", "--demo"], botEnv(e2e, { BOT_TOKEN: TEST_TOKEN, LOG_LEVEL: "warn" }));
  expect(seed.code, `${seed.stdout}${seed.stderr}`).toBe(0);
  await registerUser(e2e.db, person.id, { language: "ru", district: "almaly", now: new Date() });
  await registerUser(e2e.db, coordinator, { language: "kk", now: new Date() });
  await e2e.db.updateTable("teams").set({ coordinator_id: coordinator }).execute();
  e2e.em.addUser(person);
}

/** The soonest tea-talk session (or other event) more than a day ahead: its reminder is still to come. */
async function soonest(category: "teatalk" | "other"): Promise<number> {
  const op = category === "teatalk" ? sql`=` : sql`<>`;
  const after = new Date(Date.now() + 30 * 3_600_000).toISOString();
  const [row] = await readDb(
    e2e,
    sql<{ id: number }>`select id from events where category ${op} 'teatalk' and status = 'scheduled' and starts_at > ${after} order by starts_at limit 1`,
  );
  expect(row, `a ${category} event ahead`).toBeDefined();
  return row!.id;
}

/** Sends /start, and the bot's menu is the message a press comes from. */
async function openMenu(): Promise<void> {
  e2e.em.sendText(person, "/start");
  await e2e.em.waitForMessageTo(person.id, undefined, WAIT_MS);
  await e2e.em.waitUntilIdle(QUIET_MS, WAIT_MS);
}

/** Presses a button and waits until the bot has answered and gone quiet. */
async function press(data: string): Promise<void> {
  e2e.em.pressButton(person, data);
  await e2e.em.waitForMessageTo(person.id, undefined, WAIT_MS);
  await e2e.em.waitUntilIdle(QUIET_MS, WAIT_MS);
}

/**
 * Presses `data`, lets the bot write what the press does and send its message, holds
 * Telegram's answer to that message and kills the process waiting for it: the press is neither
 * confirmed to Telegram nor recorded as handled.
 */
async function killWhileAnswerIsHeld(bot: BotProcess, data: string): Promise<void> {
  const mark = e2e.em.calls.length;
  e2e.em.delayAnswers("sendMessage", HELD_ANSWER_MS);
  e2e.em.pressButton(person, data);
  const toPerson = (call: RecordedCall) => Number(call.params.chat_id) === person.id;
  await e2e.em.waitForCallSince(mark, "sendMessage", toPerson, WAIT_MS);
  await bot.kill();
  e2e.em.delayAnswers("sendMessage", 0);
  expect(e2e.em.pendingUpdates.length).toBeGreaterThan(0);
}

/** Restarts, lets Telegram deliver the press again, and returns what the person was shown then. */
async function restart(): Promise<{ bot: BotProcess; shown: string[] }> {
  const mark = e2e.em.calls.length;
  const bot = await startBot(e2e.em, env());
  await e2e.em.waitForMessageTo(person.id, undefined, WAIT_MS);
  await e2e.em.waitUntilIdle(QUIET_MS * 3, WAIT_MS);
  expect(e2e.em.pendingUpdates).toEqual([]);
  return { bot, shown: e2e.em.shownSince(person.id, mark).map(textOf) };
}

function errorsLogged(bot: BotProcess): string[] {
  return bot.stdout.split("\n").filter((line) => line.startsWith("{") && (JSON.parse(line) as { level: number }).level >= 50);
}

const signups = (eventId: number) =>
  readDb(e2e, sql<{ status: string }>`select status from event_signups where event_id = ${eventId} and user_id = ${person.id}`);
const outboxTo = (recipient: number) =>
  readDb(e2e, sql<{ kind: string; dedupe_key: string }>`select kind, dedupe_key from outbox where recipient_id = ${recipient} and state <> 'cancelled' order by id`);

describe("a sign-up across a crash (SIGKILL) and a restart", () => {
  it("signs up for an event once, and plans its reminder once, when killed while the confirmation is on its way", { timeout: 30_000 }, async () => {
    await prepareDatabase();
    const event = await soonest("other");
    const first = await startBot(e2e.em, env());
    await openMenu();
    await killWhileAnswerIsHeld(first, joinEvent.pack({ event }));
    expect(await signups(event)).toEqual([{ status: "confirmed" }]);

    const { bot, shown } = await restart();
    // The press comes again: it finds the seat taken and says so; nothing is taken twice.
    expect(shown).toEqual([ru("events-already-confirmed")]);
    expect(await signups(event)).toEqual([{ status: "confirmed" }]);
    expect((await outboxTo(person.id)).map((o) => o.kind)).toEqual(["event_reminder"]);
    expect(await bot.stop()).toBe(0);
    expect(errorsLogged(bot)).toEqual([]);
  });

  it("takes one tea-talk seat, and plans its reminder once, when killed while the confirmation is on its way", { timeout: 30_000 }, async () => {
    await prepareDatabase();
    const session = await soonest("teatalk");
    const first = await startBot(e2e.em, env());
    await openMenu();
    await killWhileAnswerIsHeld(first, joinSession.pack({ session }));
    expect(await signups(session)).toEqual([{ status: "confirmed" }]);

    const { bot, shown } = await restart();
    expect(shown).toEqual([ru("teatalk-already-confirmed")]);
    expect(await signups(session)).toEqual([{ status: "confirmed" }]);
    expect((await outboxTo(person.id)).map((o) => o.kind)).toEqual(["teatalk_reminder"]);
    expect(await bot.stop()).toBe(0);
    expect(errorsLogged(bot)).toEqual([]);
  });

  it("asks to join a team once, and tells its coordinator once, when killed while the answer is on its way", { timeout: 30_000 }, async () => {
    await prepareDatabase();
    const [team] = await readDb(e2e, sql<{ id: number }>`select id from teams order by id limit 1`);
    const first = await startBot(e2e.em, env());
    await openMenu();
    await press(joinTeamButton.pack({ team: team!.id }));
    // The message to the coordinator is skipped; the request is written and its answer held.
    await killWhileAnswerIsHeld(first, "tm-msg:skip");
    const requests = () => readDb(e2e, sql`select status from team_members where team_id = ${team!.id} and user_id = ${person.id}`);
    expect(await requests()).toEqual([{ status: "requested" }]);

    // The skip comes again: the flow finds the request it wrote and says it waits for an answer.
    const { bot, shown } = await restart();
    expect(shown).toEqual([ru("teams-you-requested")]);
    expect(await requests()).toEqual([{ status: "requested" }]);
    expect((await outboxTo(coordinator)).map((o) => o.kind)).toEqual(["team_request"]);
    expect(await bot.stop()).toBe(0);
    expect(errorsLogged(bot)).toEqual([]);
  });
});
