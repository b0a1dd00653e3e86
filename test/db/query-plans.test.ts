import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { noticeRenderers } from "../../src/bot/notices.js";
import { forgetConfirmedUpdates, handledUpdates, rememberHandledUpdates } from "../../src/db/handled-updates.js";
import { planPracticeNudges } from "../../src/db/practice-nudges.js";
import { dialectOf } from "../../src/db/dialect.js";
import { passLapsedOffers } from "../../src/db/seats.js";
import { seedCatalog } from "../../src/db/seed/index.js";
import { seedEventsDemo } from "../../src/db/seed/events.js";
import { seedTeaTalkDemo } from "../../src/db/seed/teatalk.js";
import { forgetWhatHasPassed } from "../../src/db/retention.js";
import { createLogger } from "../../src/logger.js";
import { OutboxDispatcher } from "../../src/scheduler/dispatcher.js";
import { createHarness, createTestDb, type Harness, type HarnessUser } from "../support/harness.js";
import { hasPlan, planSteps, queryPlan, StatementLog } from "../support/statements.js";
import { registerUser } from "../support/users.js";
import { fillWithHistory } from "../support/volume.js";

/**
 * Tables that stay small whatever the number of people and bookings, so that reading one whole
 * costs nothing: the city's centers and their specialists with their hours and days off, and
 * the updates handled but not yet confirmed (about one batch of them).
 */
const SMALL_TABLES: Record<string, string> = {
  centers: "the city's centers",
  specialists: "a few per center",
  specialist_hours: "a week's hours per specialist",
  specialist_overrides: "a specialist's days off and changed hours",
  handled_updates: "the updates handled and not yet confirmed to Telegram (a batch or so)",
};

// Monday 23 November 2026, 09:00 in Almaty.
const NOW = "2026-11-23T04:00:00Z";
let statements: StatementLog;
let h: Harness;

beforeAll(async () => {
  statements = new StatementLog();
  const store = await createTestDb({ log: statements.log });
  await statements.unrecorded(() =>
    fillWithHistory(store.db, { people: 3000, bookings: 60_000, outbox: 20_000, idleFlows: 1000, teaTalks: 2000 }, new Date(NOW)),
  );
  h = await createHarness({ store, now: NOW });
  // Sessions and events ahead, beside the history's past ones, to take seats in.
  await statements.unrecorded(async () => {
    await seedCatalog(h.db);
    await seedTeaTalkDemo(h.db, new Date(NOW));
    await seedEventsDemo(h.db, new Date(NOW));
  });
  // The migrations are not what the bot runs.
  statements.clear();
});
afterAll(async () => {
  await h.cleanup();
});

/** Presses the first button whose data starts with `prefix`; fails when the screen has none. */
async function pressFirst(u: HarnessUser, prefix: string): Promise<void> {
  const button = u.buttons().find((b) => b.callback_data?.startsWith(prefix));
  expect(button, `a button ${prefix}…`).toBeDefined();
  await u.press(button!.callback_data!);
}

/** The statement run whose text, written with SQLite's placeholders (`?`, not `$1`), matches `pattern`. */
function ran(run: { sql: string; parameters: readonly unknown[] }[], pattern: RegExp) {
  const statement = run.find((s) => pattern.test(s.sql.replace(/\$\d+/g, "?")));
  expect(statement, String(pattern)).toBeDefined();
  return statement!;
}

/**
 * Checks the plan of `statement`: SQLite's to the letter; PostgreSQL's, which also follows its
 * statistics (a bitmap or a plain index scan), by the index and the range it reads.
 */
async function expectPlan(statement: { sql: string; parameters: readonly unknown[] }, expected: { sqlite: string[]; postgres: RegExp }): Promise<void> {
  if (dialectOf(h.db) === "postgres") expect((await planSteps(h.db, statement)).map((step) => step.text).join("\n")).toMatch(expected.postgres);
  else expect(await queryPlan(h.db, statement)).toEqual(expected.sqlite);
}

/** What a person does most: sign up, book, look at their bookings, practise Kazakh, take seats. */
async function everydayUse(): Promise<void> {
  const newcomer = h.user({ id: 1, first_name: "Тест", language_code: "ru" });
  await newcomer.send("/start");
  await newcomer.press("su-lang:ru");

  await statements.unrecorded(() => registerUser(h.db, 2, { language: "ru", district: "almaly" }));
  const u = h.user({ id: 2, first_name: "Тест", language_code: "ru" });
  await u.press("menu:consult");
  await u.press("cs-svc:career");
  await u.press("cs-day:2026-11-24");
  // The day's last time, so that its reminders are still ahead.
  const times = u.buttons().filter((b) => /^cs-time:\d/.test(b.callback_data!));
  await u.press(times.at(-1)!.callback_data!);
  await u.press("cs-mode:in_person");
  await u.send("Хочу поговорить о работе");
  await u.press("cs-ok:yes");
  await u.press("menu:bookings");

  await u.press("practice:open");
  // The placement test is offered first; skipped, practice starts at the beginning.
  const skip = u.buttons().find((b) => b.callback_data!.endsWith(":skip"));
  if (skip) await u.press(skip.callback_data!);
  await u.press("practice:start");
  for (let i = 0; i < 3; i++) {
    const answer = u.buttons().find((b) => !b.callback_data!.endsWith(":stop"));
    if (answer) await u.press(answer.callback_data!);
  }

  await u.press("menu:events");
  await pressFirst(u, "ev:e:");
  await pressFirst(u, "ev:join:");
  await u.press("ev:my");
  await u.press("tt:clubs");
  if (!u.buttons().some((b) => b.callback_data?.startsWith("tt:s:"))) await pressFirst(u, "tt:l:");
  await pressFirst(u, "tt:s:");
  await pressFirst(u, "tt:join:");
  await u.press("tt:my");
}

/** What the scheduler does, run when reminders, the feedback request and practice nudges are due. */
async function scheduledWork(): Promise<void> {
  const dispatcher = new OutboxDispatcher(
    { config: h.config, db: h.db, clock: h.clock, logger: createLogger("silent"), api: h.bot.api, i18n: h.i18n, renderers: noticeRenderers },
    { sleep: async (ms) => h.clock.advance(ms) },
  );
  for (const at of ["2026-11-23T04:00:00Z", "2026-11-24T10:30:00Z", "2026-11-25T06:00:00Z"]) {
    h.clock.set(at);
    await planPracticeNudges(h.db, h.clock.now());
    await passLapsedOffers(h.db, h.clock.now());
    await forgetWhatHasPassed(h.db, h.clock.now());
    await dispatcher.dispatchDue();
  }
  await rememberHandledUpdates(h.db, [900_001, 900_002], h.clock.now());
  await handledUpdates(h.db);
  await forgetConfirmedUpdates(h.db, 900_002);
}

describe("what grows with the data", () => {
  it("is read through an index on every path a person or the scheduler takes", async () => {
    await everydayUse();
    await scheduledWork();
    const run = statements.statements().filter((s) => hasPlan(s.sql));

    // The paths were taken to their end: booked, reminded, asked for feedback, nudges planned.
    const booked = await h.db.selectFrom("bookings").select("status").where("user_id", "=", 2).execute();
    expect(booked).toEqual([{ status: "confirmed" }]);
    const seats = await h.db.selectFrom("event_signups").innerJoin("events", "events.id", "event_signups.event_id").select("events.category").where("user_id", "=", 2).execute();
    expect(seats.map((s) => s.category === "teatalk")).toEqual(expect.arrayContaining([true, false]));
    const sentKinds = await h.db.selectFrom("outbox").select("kind").distinct().where("state", "=", "sent").where("recipient_id", "=", 2).execute();
    expect(sentKinds.map((r) => r.kind).sort()).toEqual(["booking_feedback", "booking_reminder", "event_reminder", "teatalk_reminder"]);
    expect(run.length).toBeGreaterThan(40);
    // The seat engine's own statements were among them: lists, sign-ups, lapsed offers.
    expect(run.filter((s) => /"event_signups"/.test(s.sql)).length).toBeGreaterThan(5);
    const fullScans: { sql: string; plan: string[] }[] = [];
    for (const statement of run) {
      const plan = await planSteps(h.db, statement);
      if (plan.some((step) => step.whole && !(step.table in SMALL_TABLES))) fullScans.push({ sql: statement.sql, plan: plan.map((step) => step.text) });
    }
    expect(fullScans).toEqual([]);

    // Ranges bounded on time, not only on a state many rows share.
    const expiry = ran(run, /^update "outbox" set "state" = \? where "state" = \? and "expires_at" <= \?/);
    await expectPlan(expiry, {
      sqlite: ["SEARCH outbox USING COVERING INDEX outbox_expiry (state=? AND expires_at<?)"],
      postgres: /using outbox_expiry on outbox \(\(\(state = [^)]+\) AND \(expires_at <= [^)]+\)\)\)/,
    });
    const claim = ran(run, /^update "outbox" set "state" = \?, "claimed_by" = \?, "claimed_at" = \? where/);
    await expectPlan(claim, {
      sqlite: ["SEARCH outbox USING INTEGER PRIMARY KEY (rowid=?)", "LIST SUBQUERY 1", "SEARCH outbox USING COVERING INDEX outbox_due (state=? AND due_at<?)"],
      postgres: /using outbox_due on outbox \(\(\(state = [^)]+\) AND \(due_at <= [^)]+\)\)\)/,
    });
    // The nudge planner reads only the people whose moment has come, not everyone with a time.
    const planning = ran(run, /^select .* from "users" where "practice_nudge_plan_at" <= \?/);
    await expectPlan(planning, {
      sqlite: ["SEARCH users USING INDEX users_nudge_plan (practice_nudge_plan_at<?)"],
      postgres: /using users_nudge_plan on users \(\(practice_nudge_plan_at <= [^)]+\)\)/,
    });
    // Forgetting deletes a bounded batch found through an index.
    const forgetting = run.filter((s) => /^delete from "(outbox|conversation_state)" where .* limit (\?|\$\d+)\)$/.test(s.sql));
    expect(forgetting).toHaveLength(2);
    for (const statement of forgetting) {
      expect((await planSteps(h.db, statement)).map((step) => step.text).join("\n")).toMatch(/(INDEX|using) (outbox_due|conversation_state_updated)/);
    }
  });
});
