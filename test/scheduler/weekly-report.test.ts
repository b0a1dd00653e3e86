import { Api } from "grammy";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";
import { noticeRenderers } from "../../src/bot/notices.js";
import { systemClock } from "../../src/clock.js";
import { loadConfig } from "../../src/config.js";
import { setWeeklyReport } from "../../src/db/weekly-report.js";
import { createLogger } from "../../src/logger.js";
import { startScheduler, type Scheduler } from "../../src/scheduler/index.js";
import { advanceClock } from "../support/fake-clock.js";
import { createTestDb, TEST_TOKEN } from "../support/harness.js";
import { registerUser } from "../support/users.js";

const ADMIN = 900;
const OPTED_OUT = 901;
const OTHER_ADMIN = 903;

let store: Awaited<ReturnType<typeof createTestDb>>;
let scheduler: Scheduler | undefined;
const i18n = createI18n();

beforeEach(async () => {
  store = await createTestDb();
  // Monday 7 December 2026, 08:59:50 in Almaty: ten seconds before the summary is due.
  vi.useFakeTimers({ now: new Date("2026-12-07T03:59:50Z"), toFake: ["Date", "setTimeout", "clearTimeout"] });
});
afterEach(async () => {
  await scheduler?.stop();
  vi.useRealTimers();
  await store.cleanup();
});

/** The scheduler as the process starts it (node-cron on the faked clock), its sends recorded. */
function start(sent: { chat_id: number; text: string; reply_markup?: any }[]): Scheduler {
  const config = loadConfig({ BOT_TOKEN: TEST_TOKEN, DATABASE_URL: store.url, LOG_LEVEL: "silent", ADMIN_IDS: `${ADMIN},${OPTED_OUT},${OTHER_ADMIN}` });
  const api = new Api(TEST_TOKEN);
  api.config.use(async (_prev, method, payload) => {
    if (method === "sendMessage") sent.push(payload as never);
    return { ok: true, result: { message_id: sent.length, date: 0, chat: { id: 0, type: "private" } } } as never;
  });
  return startScheduler({ config, db: store.db, logger: createLogger("silent"), clock: systemClock, api, i18n, renderers: noticeRenderers });
}

async function weeklyRows() {
  return store.db
    .selectFrom("outbox")
    .select(["recipient_id", "due_at", "state", "dedupe_key"])
    .where("kind", "=", "weekly_report")
    .orderBy("id")
    .execute();
}

describe("the weekly summary", () => {
  it("goes to each city administrator at 09:00 on Monday, once a week, restarts or not, and not to one who opted out", async () => {
    await setWeeklyReport(store.db, OPTED_OUT, false, new Date());
    // Two people signed up last week (30 November – 6 December): fewer than ten, so "< 10".
    await registerUser(store.db, 7001, { now: new Date("2026-12-01T06:00:00Z") });
    await registerUser(store.db, 7002, { now: new Date("2026-12-03T06:00:00Z") });
    const sent: { chat_id: number; text: string; reply_markup?: any }[] = [];
    scheduler = start(sent);

    await advanceClock(0);
    expect(await weeklyRows()).toEqual([]);

    // The tick at 09:00:00 plans it and sends it in the same run (Telegram's pace spreads the sends over a few seconds).
    await advanceClock(10_000);
    await advanceClock(3_000);
    expect(await weeklyRows()).toEqual([
      { recipient_id: ADMIN, due_at: "2026-12-07T04:00:00.000Z", state: "sent", dedupe_key: `weekly_report:${ADMIN}:2026-12-07` },
      { recipient_id: OTHER_ADMIN, due_at: "2026-12-07T04:00:00.000Z", state: "sent", dedupe_key: `weekly_report:${OTHER_ADMIN}:2026-12-07` },
    ]);
    // Several sends are in flight at once: the two may arrive in either order.
    expect(sent.map((m) => m.chat_id).sort((x, y) => x - y)).toEqual([ADMIN, OTHER_ADMIN]);
    const toAdmin = sent.find((m) => m.chat_id === ADMIN)!;
    const t = (key: string, vars?: Record<string, string | number>) => i18n.t("ru", key, vars);
    expect(toAdmin.text).toContain(t("figures-weekly-title"));
    expect(toAdmin.text).toContain(t("figures-weekly-signups", { people: "&lt; 10" }));
    expect(toAdmin.text).toContain(t("figures-targets-title", { year: "2026", days: 25 }));
    expect(toAdmin.reply_markup.inline_keyboard.flat().map((b: { callback_data: string }) => b.callback_data)).toEqual(["fig:home", "fig:weekly:off:notice"]);

    // The process restarts at 09:00:30 and runs through the morning: nothing more.
    await scheduler.stop();
    vi.setSystemTime(new Date("2026-12-07T04:00:30Z"));
    scheduler = start(sent);
    await advanceClock(60_000);
    expect(await weeklyRows()).toHaveLength(2);
    expect(sent).toHaveLength(2);

    // A week later, the next one; the administrator who opted out meanwhile is left out.
    await setWeeklyReport(store.db, OTHER_ADMIN, false, new Date());
    await scheduler.stop();
    vi.setSystemTime(new Date("2026-12-14T03:59:55Z"));
    scheduler = start(sent);
    await advanceClock(0);
    expect(await weeklyRows()).toHaveLength(2);
    await advanceClock(10_000);
    await advanceClock(3_000);
    const rows = await weeklyRows();
    expect(rows.slice(2)).toEqual([{ recipient_id: ADMIN, due_at: "2026-12-14T04:00:00.000Z", state: "sent", dedupe_key: `weekly_report:${ADMIN}:2026-12-14` }]);
    expect(sent.slice(2).map((m) => m.chat_id)).toEqual([ADMIN]);
  });

  it("is not sent to someone who turned it off after it was planned", async () => {
    const sent: { chat_id: number; text: string }[] = [];
    await store.db
      .insertInto("outbox")
      .values({ kind: "weekly_report", recipient_id: ADMIN, payload: "{}", due_at: "2026-12-07T04:00:00.000Z", expires_at: "2026-12-08T04:00:00.000Z", dedupe_key: "x", essential: 1, created_at: "2026-12-07T04:00:00.000Z" })
      .execute();
    await setWeeklyReport(store.db, ADMIN, false, new Date());
    // Monday, 15:00 in Almaty: the summary planned at 09:00 was not sent yet (the process was down).
    vi.setSystemTime(new Date("2026-12-07T10:00:00Z"));
    scheduler = start(sent);
    await advanceClock(3_000);
    expect(sent.filter((m) => m.chat_id === ADMIN)).toEqual([]);
    expect((await weeklyRows()).find((r) => r.recipient_id === ADMIN)?.state).toBe("cancelled");
  });
});
