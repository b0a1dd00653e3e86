import { Api } from "grammy";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";
import { noticeRenderers } from "../../src/bot/notices.js";
import { systemClock } from "../../src/clock.js";
import { loadConfig } from "../../src/config.js";
import { ABANDONED_FLOW_DAYS } from "../../src/db/conversation-state.js";
import { updateUser } from "../../src/db/users.js";
import { insertOutboxRow } from "../support/fixtures.js";
import { createLogger } from "../../src/logger.js";
import { DISPATCH_SCHEDULE, startScheduler, type Scheduler } from "../../src/scheduler/index.js";
import { advanceClock } from "../support/fake-clock.js";
import { createTestDb, TEST_TOKEN } from "../support/harness.js";
import { registerUser } from "../support/users.js";

let store: Awaited<ReturnType<typeof createTestDb>>;
let scheduler: Scheduler | undefined;

beforeEach(async () => {
  store = await createTestDb();
  // node-cron reads Date and arms setTimeout: both are the fake ones, so ten seconds pass at once.
  vi.useFakeTimers({ now: new Date("2026-11-23T05:00:00Z"), toFake: ["Date", "setTimeout", "clearTimeout"] });
});
afterEach(async () => {
  await scheduler?.stop();
  vi.useRealTimers();
  await store.cleanup();
});

async function nudgesFor(userId: number) {
  return store.db.selectFrom("outbox").select(["kind", "state", "dedupe_key"]).where("recipient_id", "=", userId).execute();
}

// The real node-cron on fake timers: `advanceClock` lets the database answer a run's statements
// before the clock moves on, as a run takes no time on the scale of the ten-second ticks.
describe("the scheduler's cron job", () => {
  it("runs at once, then every ten seconds in Almaty time, planning nudges each time", async () => {
    const config = loadConfig({ BOT_TOKEN: TEST_TOKEN, DATABASE_URL: store.url, LOG_LEVEL: "silent" });
    await registerUser(store.db, 301);
    await updateUser(store.db, 301, { practice_nudge_time: "20:00" }, new Date());
    const deps = { config, db: store.db, logger: createLogger("silent"), clock: systemClock, api: new Api(TEST_TOKEN), i18n: createI18n(), renderers: noticeRenderers };

    scheduler = startScheduler(deps);
    const fired: string[] = [];
    scheduler.task.on("execution:started", (ctx) => void fired.push(ctx.dateLocalIso));
    expect(scheduler.task.getPattern()).toBe(DISPATCH_SCHEDULE);

    // The run at start-up planned the nudge of the person already opted in.
    await advanceClock(0);
    expect(await nudgesFor(301)).toEqual([{ kind: "practice_nudge", state: "pending", dedupe_key: "practice_nudge:301:2026-11-23" }]);

    // Someone opts in; the next tick, ten seconds later, plans theirs.
    await registerUser(store.db, 302);
    await updateUser(store.db, 302, { practice_nudge_time: "09:00" }, new Date());
    await advanceClock(10_000);
    expect(fired).toEqual(["2026-11-23T10:00:10.000+05:00"]);
    expect(await nudgesFor(302)).toEqual([{ kind: "practice_nudge", state: "pending", dedupe_key: "practice_nudge:302:2026-11-24" }]);

    await scheduler.stop();
    scheduler = undefined;
    await advanceClock(30_000);
    expect(fired).toHaveLength(1);
  });

  it("forgets what has passed once a minute, not on every tick", async () => {
    const config = loadConfig({ BOT_TOKEN: TEST_TOKEN, DATABASE_URL: store.url, LOG_LEVEL: "silent" });
    const deps = { config, db: store.db, logger: createLogger("silent"), clock: systemClock, api: new Api(TEST_TOKEN), i18n: createI18n(), renderers: noticeRenderers };
    const abandon = (key: string) =>
      store.db.insertInto("conversation_state").values({ key, value: "{}", updated_at: new Date(Date.now() - (ABANDONED_FLOW_DAYS + 1) * 86_400_000).toISOString() }).execute();
    const flows = async () => (await store.db.selectFrom("conversation_state").select("key").orderBy("key").execute()).map((r) => r.key);
    await abandon("chat:1");

    scheduler = startScheduler(deps);
    await advanceClock(0);
    expect(await flows()).toEqual([]);

    // Ticks within the minute leave a flow abandoned meanwhile; the first tick past it forgets it.
    await abandon("chat:2");
    await advanceClock(50_000);
    expect(await flows()).toEqual(["chat:2"]);
    await advanceClock(10_000);
    expect(await flows()).toEqual([]);
  });

  it("starts no second run during a long one, and says nothing of the ticks it skips", async () => {
    const config = loadConfig({ BOT_TOKEN: TEST_TOKEN, DATABASE_URL: store.url, LOG_LEVEL: "silent" });
    await registerUser(store.db, 303);
    await updateUser(store.db, 303, { practice_nudge_time: "12:00" }, new Date());
    await insertOutboxRow(store.db, { kind: "practice_nudge", recipientId: 303, dueAt: "2026-11-23T05:00:00Z" });
    const lines: { level: number; msg: string }[] = [];
    const logger = createLogger("debug", [], { write: (line: string) => void lines.push(JSON.parse(line)) });
    // The first send hangs for half a minute, as a slow Telegram would make it.
    let sends = 0;
    const api = new Api(TEST_TOKEN);
    api.config.use(async () => {
      sends++;
      if (sends === 1) await new Promise((resolve) => setTimeout(resolve, 30_000));
      return { ok: true, result: { message_id: sends, date: 0, chat: { id: 303, type: "private" } } } as never;
    });
    const deps = { config, db: store.db, logger, clock: systemClock, api, i18n: createI18n(), renderers: noticeRenderers };

    scheduler = startScheduler(deps);
    await advanceClock(35_000);

    expect(sends).toBe(1);
    expect(lines.filter((l) => l.level >= 40)).toEqual([]);
    const runs = lines.filter((l) => l.msg === "outbox run");
    expect(runs).toHaveLength(1);
  });
});
