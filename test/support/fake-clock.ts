import pg from "pg";
import { vi } from "vitest";

/**
 * Connections being opened and statements sent to PostgreSQL whose answer has not come yet. The
 * pool's connections are pg's clients, so counting their `connect` and `query` sees every wait
 * the database makes a caller do (a transaction's begin and commit are queries too). SQLite
 * answers within the same turn of the event loop: there the count stays at zero.
 */
let awaitingServer = 0;
const onAnswered: (() => void)[] = [];

function answered(): void {
  if (--awaitingServer === 0) for (const resume of onAnswered.splice(0)) resume();
}

/** `work` counted until its answer comes, by callback or by promise. */
function counted(args: unknown[], work: (args: unknown[]) => unknown): unknown {
  awaitingServer++;
  const callback = args.at(-1);
  if (typeof callback === "function") {
    return work([
      ...args.slice(0, -1),
      (...result: unknown[]) => {
        answered();
        return callback(...result);
      },
    ]);
  }
  const result = work(args);
  if (result instanceof Promise) return result.finally(answered);
  // A submitted query object (a cursor) answers through its own events: not counted.
  answered();
  return result;
}

const { connect, query } = pg.Client.prototype as unknown as Record<"connect" | "query", (...args: unknown[]) => unknown>;
Object.assign(pg.Client.prototype, {
  connect(this: pg.Client, ...args: unknown[]) {
    return counted(args, (a) => connect.apply(this, a));
  },
  query(this: pg.Client, ...args: unknown[]) {
    return counted(args, (a) => query.apply(this, a));
  },
});

/**
 * Resolves once every statement sent has been answered and what followed from the answers
 * (more statements, perhaps) has been answered too.
 */
async function databaseAnswered(): Promise<void> {
  for (;;) {
    // A turn of the event loop: the code resumed by the last answers runs, and sends its next statement.
    await new Promise((resolve) => setImmediate(resolve));
    if (awaitingServer === 0) return;
    await new Promise<void>((resolve) => onAnswered.push(resolve));
  }
}

/** How far the faked clock moves between two waits for the database: well below the timers tests rely on. */
const STEP_MS = 100;

/**
 * Moves the faked clock (`vi.useFakeTimers`) on by `ms`, firing its timers on the way, and lets
 * the database answer before each step and at the end. Fake timers do not wait for a database
 * server's answers over a socket: without this, a cron run started by one tick would still be
 * waiting for PostgreSQL when the next ticks fire and the test reads the outcome.
 */
export async function advanceClock(ms: number): Promise<void> {
  let left = ms;
  do {
    await databaseAnswered();
    const step = Math.min(left, STEP_MS);
    await vi.advanceTimersByTimeAsync(step);
    left -= step;
  } while (left > 0);
  await databaseAnswered();
}
