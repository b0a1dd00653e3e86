import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import type { AppContext } from "../bot/context.js";
import type { UpdateTracker } from "../bot/polling.js";
import { forgetReceivedUpdate, receiveUpdate, unhandledReceivedUpdates } from "../db/received-updates.js";
import type { AppDeps } from "../deps.js";
import { describeFailure } from "../telegram/failures.js";

/**
 * The updates Telegram posts to the webhook. Each is written to the database and acknowledged at
 * once, then handled: the answer to Telegram never waits for a slow handler (Telegram would post
 * the update again after its timeout), and an update acknowledged is never lost, since a process
 * stopped before handling it handles it at its next start. Updates are handed to the bot in the
 * order they came, and the bot takes one chat's updates one after another (`sequentialize`),
 * other chats' side by side. An update posted again, received or handled before, is dropped.
 */
export class WebhookInbox {
  private readonly inHand = new Set<Promise<void>>();

  constructor(
    private readonly bot: Bot<AppContext>,
    private readonly tracker: UpdateTracker,
    private readonly deps: Pick<AppDeps, "db" | "clock" | "logger">,
  ) {}

  /** Keeps the update and starts handling it, unless it came before; resolves once it is kept. */
  async receive(update: Update): Promise<void> {
    const log = this.deps.logger.child({ update_id: update.update_id });
    if (await receiveUpdate(this.deps.db, update, this.deps.clock.now())) {
      log.trace("update received");
      this.handle(update);
    } else {
      log.info("update posted again; already received");
    }
  }

  /** Starts handling, in order, what an earlier process received and did not handle. */
  async catchUp(): Promise<number> {
    const left = await unhandledReceivedUpdates(this.deps.db);
    for (const update of left) this.handle(update);
    return left.length;
  }

  /** Starts no new update and waits for those in hand; the rest wait in the database. */
  async stop(): Promise<void> {
    this.tracker.stop();
    await Promise.allSettled([...this.inHand]);
  }

  private handle(update: Update): void {
    const done = this.tracker
      .handle(this.bot, update, false)
      .then(async (finished) => {
        // Noted as handled by the tracker first: an update posted again meanwhile is still refused.
        if (finished) await forgetReceivedUpdate(this.deps.db, update.update_id);
        this.deps.logger.trace({ update_id: update.update_id, finished }, "update handled");
      })
      .catch((error: unknown) => {
        this.deps.logger.error({ update_id: update.update_id, ...(describeFailure(error) ?? { err: error }) }, "handling a received update failed");
      })
      .finally(() => this.inHand.delete(done));
    this.inHand.add(done);
  }
}
