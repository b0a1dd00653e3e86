import type { Db } from "../db/database.js";
import type { Scheduler } from "../scheduler/index.js";
import type { MovableClock } from "./clock.js";

const HOUR_MS = 3_600_000;
/** "To the next reminder" lands just past its due time, so that it is due. */
const PAST_DUE_MS = 1_000;

/** How far a press of a clock button moves the time. */
export type ClockStep = "hour" | "day" | "next";

/** The sandbox's clock as the page moves it: each move lets the scheduler send what became due. */
export class SandboxClock {
  constructor(
    private readonly clock: MovableClock,
    private readonly db: Db,
    private readonly scheduler: Scheduler,
  ) {}

  now(): Date {
    return this.clock.now();
  }

  /**
   * Moves the clock by `step` and runs the scheduler's jobs for the new time. Returns whether it
   * moved (with "next", nothing may be planned), or undefined for an unknown step.
   */
  async move(step: unknown): Promise<boolean | undefined> {
    const by = step === "hour" ? HOUR_MS : step === "day" ? 24 * HOUR_MS : step === "next" ? await this.untilNextNotice() : undefined;
    if (by === undefined) return undefined;
    if (by === null) return false;
    this.clock.advance(by);
    // A run already under way started before the move: the second one sees the new time.
    await this.scheduler.runNow();
    await this.scheduler.runNow();
    return true;
  }

  /** How long until the next message the outbox holds for later, or null when none is planned. */
  private async untilNextNotice(): Promise<number | null> {
    const now = this.clock.now();
    const next = await this.db
      .selectFrom("outbox")
      .select("due_at")
      .where("state", "=", "pending")
      .where("due_at", ">", now.toISOString())
      .orderBy("due_at")
      .limit(1)
      .executeTakeFirst();
    return next ? new Date(next.due_at).getTime() - now.getTime() + PAST_DUE_MS : null;
  }
}
