import { parseArgs } from "node:util";

/** The sizes of one run of the benchmark, and the PostgreSQL server it also runs on, if any. */
export interface BenchOptions {
  people: number;
  repeats: number;
  outboxMessages: number;
  historyPeople: number;
  historyBookings: number;
  /** The bounds of a person's pause between steps in the paced run, in milliseconds. */
  thinkMs: [number, number];
  /**
   * A PostgreSQL server (`postgres://USER@HOST:PORT/DATABASE`, a user that may create
   * databases) on which the mix and the history run again, each on a new database of its own.
   */
  postgres: string | undefined;
}

/** The variable that names the PostgreSQL server when `--postgres` does not. */
export const POSTGRES_VARIABLE = "BENCH_DATABASE_URL";

/**
 * The options of `npm run bench` from its arguments and the environment; a size that is not a
 * whole number above zero, a pause that is not two such numbers with the first not above the
 * second, or a server that is not a PostgreSQL URL, is refused with the option's name.
 */
export function benchOptions(argv: string[], env: Record<string, string | undefined>): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      people: { type: "string", default: "200" },
      repeats: { type: "string", default: "3" },
      "outbox-messages": { type: "string", default: "20000" },
      "history-people": { type: "string", default: "100000" },
      "history-bookings": { type: "string", default: "1000000" },
      "think-ms": { type: "string", default: "500-1500" },
      postgres: { type: "string" },
    },
  });
  const count = (name: "people" | "repeats" | "outbox-messages" | "history-people" | "history-bookings"): number => {
    const value = Number(values[name]);
    if (!Number.isSafeInteger(value) || value < 1) throw new Error(`--${name} must be a whole number above zero, not "${values[name]}"`);
    return value;
  };
  const [min, max] = (/^(\d+)-(\d+)$/.exec(values["think-ms"]) ?? []).slice(1).map(Number);
  if (min === undefined || max === undefined || !Number.isSafeInteger(max) || min < 1 || min > max) {
    throw new Error(`--think-ms must be <min>-<max>, whole milliseconds above zero, the first not above the second, not "${values["think-ms"]}"`);
  }
  const postgres = values.postgres ?? (env[POSTGRES_VARIABLE] || undefined);
  if (postgres !== undefined && !/^postgres(ql)?:\/\//.test(postgres)) {
    throw new Error(`--postgres (or ${POSTGRES_VARIABLE}) must look like postgres://USER@HOST:PORT/DATABASE`);
  }
  return {
    people: count("people"),
    repeats: count("repeats"),
    outboxMessages: count("outbox-messages"),
    historyPeople: count("history-people"),
    historyBookings: count("history-bookings"),
    thinkMs: [min, max],
    postgres,
  };
}
