import { createConcurrentSink, createRunner, createSource } from "@grammyjs/runner";
import { BotError, GrammyError, type Api, type Bot, type MiddlewareFn } from "grammy";
import type { Update } from "grammy/types";
import { forgetConfirmedUpdates, handledUpdates, rememberHandledUpdates } from "../db/handled-updates.js";
import { abortableSleep } from "../sleep.js";
import { describeFailure } from "../telegram/failures.js";
import type { AppContext, AppDeps } from "./context.js";

/** The abort signal grammY and its runner use (a polyfill's type, the same events at run time). */
type PollSignal = NonNullable<Parameters<Api["getUpdates"]>[1]>;
const asSignal = (signal: PollSignal) => signal as unknown as AbortSignal;

/** Seconds a long poll waits for updates when nothing is being handled. */
const LONG_POLL_SECONDS = 30;
/** While an update is being handled, the next poll waits for it at most this long. */
const BUSY_POLL_PAUSE_MS = 500;
/** Pauses after a failed poll, doubling up to the last. */
const POLL_RETRY_MS = [1_000, 2_000, 4_000, 8_000, 16_000, 30_000];
/** The last call of a stop, confirming what was handled, must not hold the stop up. */
const CONFIRM_TIMEOUT_MS = 3_000;

/**
 * Where the updates handled but not yet confirmed to Telegram are noted, so that a later start
 * skips them when Telegram delivers them again.
 */
export interface HandledUpdateNotes {
  /** Called once an update is handled, before anything confirms it. */
  remember(updateId: number): Promise<void>;
  /** Called once a poll with this offset has reached Telegram: the updates below it are done. */
  forgetBelow(offset: number): Promise<void>;
}

/** The notes in the database, where the next start reads them (see `startPolling`). */
export function handledUpdateNotes({ db, clock }: Pick<AppDeps, "db" | "clock">): HandledUpdateNotes {
  return {
    remember: (updateId) => rememberHandledUpdates(db, [updateId], clock.now()),
    forgetBelow: (offset) => forgetConfirmedUpdates(db, offset),
  };
}

/**
 * Which updates are being handled, and which offset may be confirmed to Telegram.
 *
 * Telegram forgets every update below the offset of a getUpdates call, so the offset never
 * passes an update that is not finished: if the process stops while one is in flight, Telegram
 * delivers it again after the restart. Updates handled and not yet confirmed are not taken twice:
 * this process skips them, and each is noted as it finishes (see `HandledUpdateNotes`), so that
 * a next start skips them too, even after a crash between an update and the poll confirming it.
 * Only a crash in the moment between an update's last write and its note repeats the update.
 */
export class UpdateTracker {
  private readonly inFlight = new Set<number>();
  /** Finished, but at or above the offset: Telegram still returns them. */
  private readonly finished = new Set<number>();
  /** Cut short, or never started, because the process was stopping. */
  private readonly leftOver = new Set<number>();
  private fetchedUpTo = 0;
  /** The offset of the last poll that reached Telegram. */
  private confirmed = 0;
  private stopping = false;
  private changed: (() => void) | undefined;

  constructor(private readonly notes?: HandledUpdateNotes) {}

  /** After sequentialize: once stopping, an update not yet started is left for after the restart. */
  readonly middleware: MiddlewareFn<AppContext> = async (ctx, next) => {
    const id = ctx.update.update_id;
    if (this.stopping) {
      this.leftOver.add(id);
      return;
    }
    try {
      await next();
    } catch (error) {
      if (this.stopping) this.leftOver.add(id);
      throw error;
    }
  };

  /** Updates a previous run handled, which Telegram may deliver again: they are not taken. */
  skip(updateIds: number[]): void {
    for (const id of updateIds) this.finished.add(id);
  }

  /** Whether an update was cut short by the stop (and is to be handled again after the restart). */
  isLeftOver(updateId: number): boolean {
    return this.leftOver.has(updateId);
  }

  /** The offset that confirms every finished update and none from the first unfinished one on. */
  get offset(): number {
    const open = [...this.inFlight, ...this.leftOver];
    return open.length > 0 ? Math.min(...open) : this.fetchedUpTo + 1;
  }

  /** Starts no new update from now on. */
  stop(): void {
    this.stopping = true;
  }

  /** Resolves once no update is being handled. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await new Promise<void>((resolve) => (this.changed = resolve));
  }

  /** Fetches the next updates this process has not taken yet. */
  async fetch(api: Api, limit: number, signal: PollSignal): Promise<Update[]> {
    // Telegram returns at once the updates in flight (they are not confirmed), so polling while
    // one is handled would spin: wait for it to finish, or poll briefly now and then.
    if (this.inFlight.size > 0) await this.settled(BUSY_POLL_PAUSE_MS, signal);
    if (signal.aborted) return [];
    const offset = this.offset;
    for (const id of this.finished) if (id < offset) this.finished.delete(id);
    const timeout = this.inFlight.size > 0 ? 0 : LONG_POLL_SECONDS;
    const updates = await api.getUpdates({ offset, limit: Math.max(1, Math.min(limit, 100)), timeout }, signal);
    if (offset > this.confirmed) {
      this.confirmed = offset;
      await this.notes?.forgetBelow(offset);
    }
    const fresh = updates.filter((u) => !this.inFlight.has(u.update_id) && !this.finished.has(u.update_id));
    // In hand from now on, even before the runner starts them; every update returned is then
    // in hand or done, so the offset may pass all of them once they are done.
    for (const u of fresh) this.inFlight.add(u.update_id);
    for (const u of updates) this.fetchedUpTo = Math.max(this.fetchedUpTo, u.update_id);
    return fresh;
  }

  /**
   * Handles one update, its error handler included, and records it as finished; returns false
   * if the stop cut it short. An update no poll returns (a webhook's) is not kept in memory to be
   * skipped: `polled` false.
   */
  async handle(bot: Bot<AppContext>, update: Update, polled = true): Promise<boolean> {
    const id = update.update_id;
    this.inFlight.add(id);
    try {
      try {
        await bot.handleUpdate(update);
      } catch (error) {
        if (!(error instanceof BotError)) throw error;
        // It wraps what this bot's own middleware threw, so its context is this bot's.
        await bot.errorHandler(error as BotError<AppContext>);
      }
      // Before the update counts as finished: only then may a poll confirm it.
      if (!this.leftOver.has(id)) await this.notes?.remember(id);
    } finally {
      this.inFlight.delete(id);
      if (polled && !this.leftOver.has(id)) this.finished.add(id);
      this.changed?.();
    }
    return !this.leftOver.has(id);
  }

  /** Waits `ms`, or less when polling stops or an update in hand finishes. */
  private settled(ms: number, pollSignal: PollSignal): Promise<void> {
    const wake = new AbortController();
    this.changed = () => wake.abort();
    return abortableSleep(ms, AbortSignal.any([asSignal(pollSignal), wake.signal]));
  }
}

export interface Polling {
  /**
   * Stops taking updates, waits for the ones in flight, and confirms to Telegram those that
   * finished up to the first one that did not.
   */
  stop(): Promise<void>;
}

/** Long polling with grammY's runner: different chats concurrently, one chat's updates in order. */
export async function startPolling(
  bot: Bot<AppContext>,
  tracker: UpdateTracker,
  { db, logger }: Pick<AppDeps, "db" | "logger">,
): Promise<Polling> {
  tracker.skip(await handledUpdates(db));
  let failures = 0;
  const supply = async (limit: number, signal: PollSignal): Promise<Update[]> => {
    try {
      const updates = await tracker.fetch(bot.api, limit, signal);
      failures = 0;
      return updates;
    } catch (error) {
      // Another instance polling, or a revoked token: nothing to wait out.
      if (signal.aborted || (error instanceof GrammyError && [401, 409].includes(error.error_code))) throw error;
      const retryAfter = error instanceof GrammyError ? error.parameters.retry_after : undefined;
      const pause = retryAfter !== undefined ? retryAfter * 1000 : POLL_RETRY_MS[Math.min(failures, POLL_RETRY_MS.length - 1)]!;
      failures++;
      logger.warn({ ...(describeFailure(error) ?? { err: error }), pause_ms: pause }, "fetching updates failed; trying again");
      await abortableSleep(pause, asSignal(signal));
      return [];
    }
  };
  const runner = createRunner(
    createSource({ supply }),
    createConcurrentSink({ consume: async (update) => void (await tracker.handle(bot, update)) }, async (error) => {
      logger.error(describeFailure(error) ?? { err: error }, "the error handler failed");
    }),
  );
  runner.start();
  runner.task()?.catch((error: unknown) => logger.error(describeFailure(error) ?? { err: error }, "update fetching stopped"));

  return {
    async stop() {
      tracker.stop();
      await runner.stop();
      await tracker.idle();
      // The runner's polls confirm only what came before them; without this call the last
      // batch would be delivered again after a restart, to be skipped.
      const offset = tracker.offset;
      await bot.api.getUpdates({ offset, limit: 1, timeout: 0 }, AbortSignal.timeout(CONFIRM_TIMEOUT_MS) as unknown as PollSignal);
      await forgetConfirmedUpdates(db, offset);
    },
  };
}
