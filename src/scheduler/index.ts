import { Api } from "grammy";
import cron, { type Logger as CronLogger, type ScheduledTask } from "node-cron";
import type { Config } from "../config.js";
import { planPracticeNudges } from "../db/practice-nudges.js";
import { planWeeklyReports } from "../db/weekly-report.js";
import { claimJobRun, releaseJobLease, renewJobLease } from "../db/job-leases.js";
import { forgetWhatHasPassed } from "../db/retention.js";
import { passLapsedOffers } from "../db/seats.js";
import { TIME_ZONE } from "../domain/time.js";
import type { Logger } from "../logger.js";
import { htmlByDefault } from "../telegram/html.js";
import { telegramTransport } from "../telegram/transport.js";
import { advanceBroadcasts } from "./broadcasts.js";
import { OutboxDispatcher, type DispatcherOptions, type DispatchReport, type SchedulerDeps } from "./dispatcher.js";

export { OutboxDispatcher, type DispatcherOptions, type DispatchReport, type SchedulerDeps } from "./dispatcher.js";

/** Every 10 seconds: a reminder is at most that late, and an idle run is two cheap queries. */
export const DISPATCH_SCHEDULE = "*/10 * * * * *";
const TICK_MS = 10_000;
/** The name of the scheduler's run in `job_leases`. */
const JOB = "scheduler";
/** How long a run's hold lasts unless renewed: a process that died gives the jobs up after this. */
const JOB_LEASE_MS = 60_000;

/**
 * Forgetting what has passed runs at most this often, not on every tick: nothing waits for it,
 * and each pass deletes a bounded batch of each kind (`FORGOTTEN_PER_RUN`), enough for far more
 * than a day's messages and flows.
 */
export const RETENTION_EVERY_MS = 60_000;

/**
 * The Bot API client of the outbox: the bot's token and API root, without the bot's retries.
 * The dispatcher answers a 429 itself, pausing all its sends for `retry_after` rather than
 * sleeping inside one call, and schedules other failures again with its own backoff. The
 * transport's timeout (seconds, well below the outbox lease) keeps a hung request from
 * outliving a claim, and `cutOff` ends a send in flight when the process stops. Its texts are
 * HTML, like the bot's. `fetch` stands in for the network (Telegram answered inside the process).
 */
export function outboxApi(config: Config, cutOff?: AbortSignal, fetch?: typeof globalThis.fetch): Api {
  const api = new Api(config.botToken, { apiRoot: config.apiRoot, fetch: telegramTransport({ cutOff, retry: false, fetch }) });
  api.config.use(htmlByDefault);
  return api;
}

export interface Scheduler {
  /** The cron task, for inspection. */
  readonly task: ScheduledTask;
  /**
   * Runs the jobs at once (or joins the run in progress) for the clock's present time: after the
   * clock was moved, what is due then goes out without waiting for the next tick.
   */
  runNow(): Promise<void>;
  /** Starts no new run, lets the run in progress finish its message in flight, then returns. */
  stop(): Promise<void>;
}

/**
 * Starts the cron job that plans practice nudges and Monday's summary for the city's
 * administrators, forgets what is no longer needed (once a minute), passes on lapsed tea-talk
 * offers and dispatches the outbox, and runs it once at once so that a restart catches up
 * without waiting for the first
 * tick.
 */
export function startScheduler(deps: SchedulerDeps, options: DispatcherOptions = {}): Scheduler {
  const log = deps.logger.child({ job: "outbox" });
  const dispatcher = new OutboxDispatcher(deps, options);
  let inFlight: Promise<void> | undefined;
  let stopping = false;
  let lastForgotten: number | undefined;

  const runOnce = async () => {
    let renewal: NodeJS.Timeout | undefined;
    try {
      // Processes sharing the database run the jobs once per tick, one at a time: two
      // dispatchers would also pace their sends apart and together exceed Telegram's limit.
      const now = deps.clock.now();
      const dueAt = new Date(now.getTime() - (now.getTime() % TICK_MS));
      const claimant = { holder: dispatcher.workerId, isGone: (holder: string) => dispatcher.isGone(holder) };
      if (!(await claimJobRun(deps.db, JOB, claimant, dueAt, now, JOB_LEASE_MS))) return;
      renewal = setInterval(() => {
        renewJobLease(deps.db, JOB, dispatcher.workerId, deps.clock.now(), JOB_LEASE_MS).catch((err: unknown) => log.error({ err }, "keeping the run's lease failed"));
      }, JOB_LEASE_MS / 3);
      await planPracticeNudges(deps.db, deps.clock.now());
      await planWeeklyReports(deps.db, deps.config.adminIds, deps.clock.now());
      // A clock moved back (a test's, or the machine's corrected) starts the interval again.
      if (lastForgotten === undefined || Math.abs(now.getTime() - lastForgotten) >= RETENTION_EVERY_MS) {
        lastForgotten = now.getTime();
        const forgotten = await forgetWhatHasPassed(deps.db, deps.clock.now());
        if (Object.values(forgotten).some((count) => count > 0)) log.info(forgotten, "past data forgotten");
      }
      // Before dispatching, so that a seat passed on is offered in the same run.
      const lapsedOffers = await passLapsedOffers(deps.db, deps.clock.now());
      if (lapsedOffers > 0) log.info({ count: lapsedOffers }, "lapsed tea-talk offers passed on");
      const counts = countsOf(await dispatcher.dispatchDue());
      if (Object.keys(counts).length > 0) log.info(counts, "outbox run");
      // A broadcast goes to the outbox a window at a time: each window sent, the next one follows
      // in the same run, until none is left or the broadcasts are paused.
      while (!stopping && (await advanceBroadcasts(deps)) > 0) {
        const window = countsOf(await dispatcher.dispatchDue());
        if (Object.keys(window).length > 0) log.debug(window, "outbox run for broadcasts");
      }
      await releaseJobLease(deps.db, JOB, dispatcher.workerId, deps.clock.now());
    } catch (err) {
      log.error({ err }, "outbox run failed");
    } finally {
      clearInterval(renewal);
    }
  };
  // A tick while a run lasts joins that run instead of starting another. This, rather than
  // node-cron's noOverlap, since that warns at every tick it skips: every ten seconds of a long run.
  const run = () => (inFlight ??= runOnce().finally(() => (inFlight = undefined)));

  const task = cron.schedule(DISPATCH_SCHEDULE, run, {
    name: "outbox",
    timezone: TIME_ZONE,
    logger: cronLogger(log),
  });
  // Not awaited: the first run goes on while the process starts; stop() waits for it, and a
  // run logs its own failure.
  void run();

  return {
    task,
    runNow: run,
    async stop() {
      stopping = true;
      await task.stop();
      dispatcher.stop();
      await inFlight;
      await task.destroy();
    },
  };
}

/** The non-empty outcome counts of a run, for one log line. */
function countsOf(report: DispatchReport): Partial<Record<keyof DispatchReport, number>> {
  const outcomes = Object.entries(report) as [keyof DispatchReport, number[]][];
  return Object.fromEntries(outcomes.filter(([, ids]) => ids.length > 0).map(([k, ids]) => [k, ids.length]));
}

/** node-cron's own messages (missed or skipped ticks) go to the app's log. */
function cronLogger(log: Logger): CronLogger {
  return {
    info: (message) => log.debug(message),
    warn: (message) => log.warn(message),
    error: (message, err) => log.error({ err: err ?? message }, "node-cron error"),
    debug: (message) => log.debug(typeof message === "string" ? message : { err: message }),
  };
}
