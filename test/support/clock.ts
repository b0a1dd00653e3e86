import type { Clock } from "../../src/clock.js";

/** A clock that moves only when a test moves it. */
export class TestClock implements Clock {
  private current: number;

  constructor(start: Date | string) {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(at: Date | string): void {
    this.current = new Date(at).getTime();
  }

  advance(ms: number): void {
    this.current += ms;
  }

  /**
   * A sleep for the code under test: time passes on this clock, and sleeps side by side overlap
   * rather than add up. Time moves only once the work already under way has had its turn.
   */
  readonly sleep = async (ms: number): Promise<void> => {
    const until = this.current + ms;
    await new Promise((resolve) => setImmediate(resolve));
    this.current = Math.max(this.current, until);
  };
}
