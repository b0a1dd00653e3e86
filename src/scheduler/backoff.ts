/** A message that failed this many times for reasons other than throttling is given up. */
export const MAX_SEND_ATTEMPTS = 5;

const FIRST_RETRY_MS = 30_000;
const LONGEST_RETRY_MS = 30 * 60_000;

/**
 * How long to wait before trying again after the `attempt`-th failed send (1-based):
 * 30 s, 1 min, 2 min, 4 min ..., doubling up to half an hour.
 */
export function retryDelayMs(attempt: number): number {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`attempt must be a positive integer: ${attempt}`);
  return Math.min(FIRST_RETRY_MS * 2 ** (attempt - 1), LONGEST_RETRY_MS);
}
