import { run } from "@grammyjs/runner";
import type { Bot, MiddlewareFn } from "grammy";
import type { Logger } from "../logger.js";
import type { AppContext } from "./context.js";

/** Counts updates in flight and remembers the newest one handled, for a clean stop. */
export class UpdateTracker {
  private inFlight = 0;
  private drained: (() => void) | undefined;
  lastHandled = 0;

  readonly middleware: MiddlewareFn<AppContext> = async (ctx, next) => {
    this.inFlight++;
    try {
      await next();
    } finally {
      this.inFlight--;
      this.lastHandled = Math.max(this.lastHandled, ctx.update.update_id);
      if (this.inFlight === 0) this.drained?.();
    }
  };

  idle(): Promise<void> {
    return this.inFlight === 0 ? Promise.resolve() : new Promise((resolve) => (this.drained = resolve));
  }
}

export interface Polling {
  /** Stops taking updates, lets the ones in flight finish, and confirms them to Telegram. */
  stop(): Promise<void>;
}

/** Long polling with grammY's runner: different chats concurrently, one chat's updates in order. */
export function startPolling(bot: Bot<AppContext>, tracker: UpdateTracker, logger: Logger): Polling {
  const runner = run(bot, { runner: { silent: true, fetch: { timeout: 30 } } });
  runner.task()?.catch((err: unknown) => logger.error({ err }, "update fetching stopped"));
  return {
    async stop() {
      await runner.stop();
      await tracker.idle();
      // The runner confirms an offset only with its next fetch; without this call the last
      // batch would be delivered again after a restart.
      if (tracker.lastHandled > 0) await bot.api.getUpdates({ offset: tracker.lastHandled + 1, limit: 1, timeout: 0 });
    },
  };
}
