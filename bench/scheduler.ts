import { createI18n } from "../src/bot/i18n.js";
import { noticeRenderers } from "../src/bot/notices.js";
import { systemClock } from "../src/clock.js";
import { outboxApi, startScheduler } from "../src/scheduler/index.js";
import type { Store } from "./setup.js";
import { InProcessTelegram } from "./telegram.js";

/**
 * Milliseconds of each of `runs` runs of the scheduler's job (nudges planned, the past forgotten,
 * lapsed offers passed on, the outbox dispatched), after the run it makes at start: that one
 * catches up with whatever the data held before, which the steady runs then no longer do.
 */
export async function timeSchedulerRuns(store: Store, runs: number): Promise<number[]> {
  const api = outboxApi(store.config, undefined, new InProcessTelegram().fetch);
  const scheduler = startScheduler({ ...store, clock: systemClock, api, i18n: createI18n(), renderers: noticeRenderers });
  try {
    await scheduler.runNow();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await scheduler.runNow();
      times.push(performance.now() - start);
    }
    return times;
  } finally {
    await scheduler.stop();
  }
}
