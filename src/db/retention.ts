import { forgetAbandonedFlows } from "./conversation-state.js";
import type { Db } from "./database.js";
import { forgetStaleHandledUpdates } from "./handled-updates.js";
import { forgetFinishedMessages } from "./outbox.js";

/** Rows of each kind forgotten per run: a run stays short, and what piled up goes over a few runs. */
export const FORGOTTEN_PER_RUN = 500;

/** How many rows of each kind a run forgot. */
export interface Forgotten {
  flows: number;
  handledUpdates: number;
  messages: number;
}

/**
 * Forgets what is no longer needed and would otherwise grow for ever: flows abandoned long ago
 * (they may hold what a person typed), notes of updates Telegram no longer delivers, and
 * messages finished long ago.
 */
export async function forgetWhatHasPassed(db: Db, now: Date): Promise<Forgotten> {
  return {
    flows: await forgetAbandonedFlows(db, now, FORGOTTEN_PER_RUN),
    handledUpdates: await forgetStaleHandledUpdates(db, now),
    messages: await forgetFinishedMessages(db, now, FORGOTTEN_PER_RUN),
  };
}
