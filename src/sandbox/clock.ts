import type { Clock } from "../clock.js";

/** The system clock, moved forward by however much the person trying the bot asked for. */
export class MovableClock implements Clock {
  private offsetMs: number;

  /** Starts at `start` (and runs on from there), or at the present time. */
  constructor(start?: Date) {
    this.offsetMs = start ? start.getTime() - Date.now() : 0;
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Moves the clock forward; it never goes back, as nothing the bot stored expects that. */
  advance(ms: number): void {
    if (ms > 0) this.offsetMs += ms;
  }
}
