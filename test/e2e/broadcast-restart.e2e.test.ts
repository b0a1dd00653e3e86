import { join } from "node:path";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";
import { migrateToLatest } from "../../src/db/migrate.js";
import type { Language } from "../../src/domain/language.js";
import { CONSENT_VERSION } from "../../src/domain/profile.js";
import { addDays, localDateOf, toInstant } from "../../src/domain/time.js";
import { htmlToPlainText } from "../../src/emulator/bot-api-emulator.js";
import type { TestUser } from "../support/updates.js";
import { botEnv, endToEndSetupEachTest, readDb, startBot } from "./bot-process.js";
import { ProcessClock } from "./process-clock.js";

const PEOPLE = 1000;
/** Paused once this many have their message: well inside the broadcast, a few windows in. */
const PAUSE_AFTER = 200;
/** Long enough for the scheduler's first run after a start, and for a send in flight to end. */
const SETTLE_MS = 2500;
/** 1,000 messages at Telegram's 30 a second, the scheduler's ticks and two starts, with room. */
const DEADLINE_MS = 90_000;

const e2e = endToEndSetupEachTest("jastar-e2e-broadcast-");
const i18n = createI18n();
const ru = (key: string, vars?: Record<string, string | number>) => i18n.t("ru", key, vars);
/** A Russian locale text as the administrator reads it in the chat. */
const plain = (key: string, vars?: Record<string, string | number>) => htmlToPlainText(ru(key, vars));

const admin: TestUser = { id: 700900, first_name: "Admin", language_code: "ru" };
const people = Array.from({ length: PEOPLE }, (_, i): { id: number; language: Language } => ({ id: 800_001 + i, language: i % 2 ? "ru" : "kk" }));
const TEXT = { kk: "Сенбіде орталықта жастар форумы өтеді!", ru: "В субботу в центре — молодёжный форум!" };

/** A thousand signed-up people, written in a few statements, whom the bot may write to. */
async function seedPeople(): Promise<void> {
  const db = e2e.db;
  await migrateToLatest(db);
  const at = "2026-11-20T10:00:00.000Z";
  const rows = people.map((p) => ({
    id: p.id,
    language: p.language,
    name: "Тест",
    age: 20,
    guardian_consent: null,
    district: "almaly" as const,
    phone: null,
    username: null,
    occupation: null,
    consent_version: CONSENT_VERSION,
    consent_at: at,
    registered_at: at,
    blocked_at: null,
    practice_nudge_time: null,
    created_at: at,
    updated_at: at,
  }));
  for (let i = 0; i < rows.length; i += 200) await db.insertInto("users").values(rows.slice(i, i + 200)).execute();
  for (const p of people) e2e.em.addUser({ id: p.id, first_name: "Person" });
  e2e.em.addUser(admin);
}

async function until(what: string, condition: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + DEADLINE_MS;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An administrator's action, and the bot's answer to it. */
async function act(action: () => unknown): Promise<void> {
  const mark = e2e.em.calls.length;
  action();
  await e2e.em.waitForCallSince(mark, "answerCallbackQuery", undefined, 5000).catch(() => undefined);
  await until("the bot to answer", () => e2e.em.calls.slice(mark).some((c) => c.method === "sendMessage" || c.method === "editMessageText"));
  await sleep(100);
}

const reached = () => people.filter((p) => e2e.em.messagesTo(p.id).length > 0).length;

async function broadcastRow(): Promise<{ state: string; sent: number; total: number } | undefined> {
  const [row] = await readDb(e2e, sql<{ state: string; sent: number; total: number }>`select state, sent, total from broadcasts`);
  return row;
}

describe("a broadcast to a thousand people across a restart", () => {
  it("is composed in the bot, paused, survives the process being killed, resumes, and reaches each person once", { timeout: 150_000 }, async () => {
    // Noon in Almaty, whatever the time of the run: never held back for the night.
    const clock = new ProcessClock(join(e2e.dir, "clock"), toInstant(addDays(localDateOf(new Date()), 1), "12:00"));
    await seedPeople();
    const env = botEnv(e2e, { LOG_LEVEL: "warn", ADMIN_IDS: String(admin.id), ...clock.env });
    const em = e2e.em;
    const first = await startBot(em, env);

    await act(() => em.sendText(admin, "/admin"));
    await act(() => em.clickButton(admin, ru("admin-button-broadcasts")));
    await act(() => em.clickButton(admin, ru("broadcast-button-new")));
    await act(() => em.clickButton(admin, ru("button-skip")));
    await act(() => em.sendText(admin, TEXT.kk));
    await act(() => em.sendText(admin, TEXT.ru));
    await act(() => em.clickButton(admin, ru("broadcast-button-none")));
    await act(() => em.clickButton(admin, ru("broadcast-segment-everyone")));
    const summary = plain("broadcast-summary", { segment: ru("broadcast-segment-everyone-about"), count: PEOPLE, minutes: 1, rate: 30 });
    await until("the summary", () => em.messagesTo(admin.id).some((m) => m.text === summary));
    await act(() => em.clickButton(admin, ru("broadcast-button-send")));
    expect(await broadcastRow()).toMatchObject({ state: "sending", total: PEOPLE });

    await until(`${PAUSE_AFTER} people reached`, () => reached() >= PAUSE_AFTER);
    await act(() => em.clickButton(admin, ru("broadcast-button-pause")));
    expect((await broadcastRow())?.state).toBe("paused");
    // What was on its way when paused ends; after that, nothing more goes out.
    await sleep(SETTLE_MS);
    const atPause = reached();
    expect(atPause).toBeLessThan(PEOPLE);
    await first.kill();

    // Started again: the broadcast is still paused, and stays so.
    const second = await startBot(em, env);
    await sleep(SETTLE_MS);
    expect(reached()).toBe(atPause);
    expect((await broadcastRow())?.state).toBe("paused");

    await act(() => em.clickButton(admin, ru("broadcast-button-resume")));
    await until("everyone reached and the broadcast done", async () => reached() === PEOPLE && (await broadcastRow())?.state === "done");
    // The last edit of the progress message comes with the last outcomes recorded.
    await until("the progress message's last edit", () => em.messagesTo(admin.id).some((m) => m.text?.includes(ru("broadcast-state-done"))));
    expect(await second.stop()).toBe(0);

    for (const p of people) {
      const messages = em.messagesTo(p.id);
      expect(messages.map((m) => m.text), `person ${p.id}`).toEqual([TEXT[p.language]]);
    }
    expect(await broadcastRow()).toMatchObject({ state: "done", sent: PEOPLE, total: PEOPLE });
    const progress = em.messagesTo(admin.id).find((m) => m.text?.includes(ru("broadcast-state-done")))!;
    const state = ru("broadcast-state-done");
    expect(progress.text).toBe(plain("broadcast-progress", { id: 1, state, sent: PEOPLE, failed: 0, blocked: 0, remaining: 0, total: PEOPLE }));
    expect(progress.reply_markup).toBeUndefined();
    const audit = await readDb(e2e, sql<{ action: string }>`select action from audit_log order by id`);
    expect(audit.map((a) => a.action)).toEqual(["broadcast.send", "broadcast.pause", "broadcast.resume"]);
  });
});
