import { GrammyError } from "grammy";
import {
  collectOutcomes,
  feedBroadcast,
  openRecipients,
  recordProgressShown,
  settleBroadcast,
  unsettledBroadcasts,
} from "../db/broadcasts.js";
import type { Broadcast } from "../db/schema.js";
import type { SchedulerDeps } from "./dispatcher.js";
import { TELEGRAM_SEND_LIMITS } from "./rate-limiter.js";

/**
 * A broadcast's messages waiting in the outbox at a time: about five seconds of sending at
 * Telegram's rate. The outbox sends in the order messages fall due, so anything queued meanwhile
 * (a reminder) waits behind this many at most.
 */
export const BROADCAST_WINDOW = 5 * TELEGRAM_SEND_LIMITS.perSecond;

/** The sender's progress message is edited at most this often. */
export const PROGRESS_EDIT_INTERVAL_MS = 3000;

/**
 * Moves every unsettled broadcast on: records what became of the messages that left the queue,
 * refills the queue of those sending, marks finished ones done, and edits their senders' progress
 * messages. Returns how many messages it queued, so that the caller sends them and comes back.
 */
export async function advanceBroadcasts(deps: SchedulerDeps): Promise<number> {
  let queued = 0;
  for (const { id } of await unsettledBroadcasts(deps.db)) {
    await collectOutcomes(deps.db, id);
    queued += await feedBroadcast(deps.db, id, BROADCAST_WINDOW, deps.clock.now());
    await showProgress(deps, await settleBroadcast(deps.db, id, deps.clock.now()));
  }
  return queued;
}

/**
 * Edits the sender's progress message when what it says has changed, at most once every few
 * seconds; the last one, once the broadcast is settled, at once.
 */
async function showProgress(deps: SchedulerDeps, broadcast: Broadcast): Promise<void> {
  const render = deps.broadcastProgress;
  if (!render || broadcast.progress_chat_id === null || broadcast.progress_message_id === null) return;
  const now = deps.clock.now();
  const lastEdit = broadcast.progress_edited_at ? Date.parse(broadcast.progress_edited_at) : 0;
  if (broadcast.settled_at === null && now.getTime() - lastEdit < PROGRESS_EDIT_INTERVAL_MS) return;
  const { remaining } = await openRecipients(deps.db, broadcast.id);
  const t = (key: string, vars?: Record<string, string | number>) => deps.i18n.t(broadcast.sender_language, key, vars);
  const view = render({ broadcast, remaining, t, now });
  if (view.text === broadcast.progress_text) return;
  try {
    await deps.api.editMessageText(broadcast.progress_chat_id, broadcast.progress_message_id, view.text, { reply_markup: view.reply_markup });
  } catch (err) {
    // Refused for good (the sender deleted the message): not tried again. Anything else (Telegram
    // unreachable) is tried again at the next run.
    if (!(err instanceof GrammyError && err.error_code === 400)) {
      deps.logger.warn({ broadcast_id: broadcast.id, err }, "broadcast progress not updated");
      return;
    }
  }
  await recordProgressShown(deps.db, broadcast.id, view.text, now);
}
