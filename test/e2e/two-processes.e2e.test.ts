import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import type { BookResult } from "../../src/db/bookings.js";
import { migrateToLatest } from "../../src/db/migrate.js";
import { ensureUser } from "../../src/db/users.js";
import { projectRoot } from "../../src/paths.js";
import { startBotApiEmulator } from "../../src/emulator/bot-api-emulator.js";
import { insertCenter, insertWeekdayConsultants } from "../support/fixtures.js";
import { TEST_TOKEN } from "../support/harness.js";
import { TEST_DATABASE_URL } from "../support/postgres.js";
import { botEnv, endToEndSetupEachTest, readDb, sqliteFile, startBot } from "./bot-process.js";
import { seedDueReminders } from "./due-reminders.js";

// Monday 23 November 2026, 09:00 in Almaty; the psychologist's first slot is Tuesday at 10:00.
const NOW = new Date("2026-11-23T04:00:00Z");
const TUE_10 = new Date("2026-11-24T05:00:00Z");
const PROCESSES = 6;
/** More than one sender claims at a time, so that two senders at once would share them out. */
const PEOPLE = 30;
const ANSWER_DELAY_MS = 150;
const PEOPLE_PER_PROCESS = 5;

/**
 * A process of its own on the database file, as a second bot would be: the built bot's own
 * database code, its own connection. On a message it books the slot for each person given, all
 * at once, and answers with the results, or with the error a booking threw.
 */
const BOOKING_PROCESS = `
const [dist, path] = process.argv.slice(1);
const { openDatabase } = await import(dist + "/src/db/database.js");
const { bookSlot } = await import(dist + "/src/db/bookings.js");
const db = openDatabase({ dialect: "sqlite", path });
const policy = { limits: { maxUpcomingPerService: 2, noShowLimit: 3, noShowWindowDays: 90 }, reminderOffsetsMinutes: [1440, 120] };
process.on("message", async ({ users, specialistId, startsAt, now }) => {
  try {
    const request = (userId) => ({ userId, specialistId, startsAt: new Date(startsAt), mode: "in_person", topic: null });
    const results = await Promise.all(users.map((userId) => bookSlot(db, request(userId), policy, new Date(now))));
    process.send({ results });
  } catch (err) {
    process.send({ error: String(err) });
  }
});
process.send("ready");
`;

const e2e = endToEndSetupEachTest("jastar-e2e-two-processes-");
const children: ChildProcess[] = [];

async function until(what: string, condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

afterEach(() => {
  for (const child of children.splice(0)) child.kill();
});

async function startBookingProcess(): Promise<ChildProcess> {
  const dist = pathToFileURL(join(projectRoot(), "dist")).href;
  const child = spawn(process.execPath, ["--input-type=module", "-e", BOOKING_PROCESS, dist, sqliteFile(e2e)], {
    cwd: projectRoot(),
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  children.push(child);
  const [message] = (await once(child, "message")) as [unknown];
  expect(message).toBe("ready");
  return child;
}

// What SQLite's file does with writers in several processes (its lock, the busy timeout).
describe.skipIf(Boolean(TEST_DATABASE_URL))("several processes on one database file", () => {
  it("give a slot to exactly one of thirty people booking it from six processes at once, with no failure", { timeout: 30_000 }, async () => {
    const db = e2e.db;
    await migrateToLatest(db);
    await insertCenter(db, { id: "medeu-1", district: "medeu" });
    const { psychologist } = await insertWeekdayConsultants(db, { psychologistCenterId: "medeu-1", psychologistTelegramId: 777_000, careerCenterId: "medeu-1" });
    const specialistId = psychologist.id;
    for (let id = 1; id <= PROCESSES * PEOPLE_PER_PROCESS; id++) await ensureUser(db, id, "ru", NOW);

    const processes = await Promise.all(Array.from({ length: PROCESSES }, () => startBookingProcess()));
    const answers = processes.map((child) => once(child, "message") as Promise<[{ results?: BookResult[]; error?: string }]>);
    processes.forEach((child, p) => {
      const users = Array.from({ length: PEOPLE_PER_PROCESS }, (_, i) => 1 + p * PEOPLE_PER_PROCESS + i);
      child.send({ users, specialistId, startsAt: TUE_10.toISOString(), now: NOW.toISOString() });
    });
    const replies = (await Promise.all(answers)).map(([reply]) => reply);

    // No process failed (a write that found the file locked waited for its turn) ...
    expect(replies.map((r) => r.error)).toEqual(replies.map(() => undefined));
    const results = replies.flatMap((r) => r.results!);
    // ... exactly one person has the slot, and everyone else is told it is taken.
    expect(results.filter((r) => r.kind === "booked")).toHaveLength(1);
    expect(results.filter((r) => r.kind === "taken")).toHaveLength(PROCESSES * PEOPLE_PER_PROCESS - 1);
    const booked = await readDb(e2e, sql<{ id: number }>`select id from bookings where status = 'confirmed'`);
    expect(booked).toEqual([{ id: (results.find((r) => r.kind === "booked") as { bookingId: number }).bookingId }]);
    // Only the winner's reminders were planned.
    const planned = await readDb(e2e, sql`select distinct booking_id from outbox where booking_id is not null`);
    expect(planned).toEqual(booked.map((b) => ({ booking_id: b.id })));
  });
});

// Two bots taking turns at SQLite's file: its one writer at a time decides the scheduler's run.
describe.skipIf(Boolean(TEST_DATABASE_URL))("two bots on one database file", () => {
  it("send each due message once, all from the one that holds the scheduler's run, never both at once", { timeout: 60_000 }, async () => {
    const people = Array.from({ length: PEOPLE }, (_, i) => 760_001 + i);
    const second = await startBotApiEmulator({ token: TEST_TOKEN });
    try {
      await seedDueReminders(e2e.db, people.map((id) => ({ id, language: "ru" as const })), [e2e.em, second]);
      // Slow answers: the first run lasts seconds, and the other bot starts during it.
      for (const em of [e2e.em, second]) em.delayAnswers("sendMessage", ANSWER_DELAY_MS);
      const env = botEnv(e2e, { LOG_LEVEL: "warn" });
      await Promise.all([startBot(e2e.em, env), startBot(second, env)]);

      const received = () => people.map((id) => e2e.em.messagesTo(id).length + second.messagesTo(id).length);
      await until("every reminder sent", () => received().every((n) => n > 0));
      await new Promise((resolve) => setTimeout(resolve, 500));

      expect(received()).toEqual(people.map(() => 1));
      const byBot = [e2e.em, second].map((em) => em.callsOf("sendMessage").length).sort((a, b) => a - b);
      expect(byBot).toEqual([0, PEOPLE]);
      const states = await readDb(e2e, sql`select state, count(*) as n from outbox group by state`);
      expect(states).toEqual([{ state: "sent", n: PEOPLE }]);
    } finally {
      await second.close();
    }
  });
});
