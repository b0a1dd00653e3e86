import type { CeilingFigures } from "./ceilings.js";
import type { MixFigures, LatencyFigures } from "./mix.js";
import type { OutboxFigures } from "./outbox.js";
import type { Spread } from "./stats.js";

/**
 * The figures measured on one database: the mix with its ceilings, the mix at a person's pace,
 * the scheduler, the history.
 */
export interface DatabaseFigures {
  mix: Record<keyof MixFigures, Spread> & { ratio_to_bare_conversation: Spread; steps_off_script: number; errors_logged: number };
  /** New people walking the mix with a pause drawn between `think_ms`'s bounds before each update. */
  paced: Record<keyof LatencyFigures, Spread> & { think_ms: [number, number]; people: number; steps_off_script: number };
  one_tap: Record<keyof MixFigures, Spread> & { ratio_to_bare_grammy: Spread };
  bare_grammy: Record<keyof CeilingFigures, Spread>;
  bare_conversation: Record<keyof CeilingFigures, Spread>;
  scheduler_run_ms: Spread;
  /** Peak RSS of the bot's own process on the empty database. */
  rss_mb: number;
  history: {
    fill_s: number;
    mix: Record<keyof MixFigures, Spread>;
    cost_ratio_1m_bookings: Spread;
    one_tap_cost_ratio_1m_bookings: Spread;
    scheduler_run_ms: Spread;
    scheduler_cost_ratio_1m_bookings: number;
    steps_off_script: number;
    errors_logged: number;
    /** Peak RSS of the bot's own process on the database with the history. */
    rss_mb: number;
  };
}

/**
 * Every figure of one run of the benchmark, as written to its JSON file: SQLite's at the top,
 * PostgreSQL's under `postgres` with the same keys, or why they were not measured.
 */
export interface BenchResults extends DatabaseFigures {
  date: string;
  machine: { cores: number; cpu: string; ram_gb: number; node: string; platform: string; load_average_1m: number };
  options: Record<string, number>;
  outbox_throttled: Record<keyof OutboxFigures, Spread> & { limit_per_s: number; errors_logged: number };
  outbox_unthrottled: Record<keyof OutboxFigures, Spread>;
  postgres: (DatabaseFigures & { server_version: string }) | { skipped: string };
}

/** A figure against its target; a spread is judged by its median. */
export interface Verdict {
  target: string;
  value: number;
  met: boolean;
}

const atLeast = (target: string, value: number, bound: number): Verdict => ({ target, value, met: value >= bound });
const atMost = (target: string, value: number, bound: number): Verdict => ({ target, value, met: value <= bound });
const below = (target: string, value: number, bound: number): Verdict => ({ target, value, met: value < bound });

/**
 * The targets one database's figures are held to, each named with `on` after it. Latency is
 * judged at a person's pace: with no pause, each update waits behind everyone else's.
 */
function judgeDatabase(r: DatabaseFigures, on: string): Verdict[] {
  const pace = `${r.paced.people} people at a person's pace`;
  return [
    atLeast(`mix ≥ 0.6 × bare conversation${on}`, r.mix.ratio_to_bare_conversation.median, 0.6),
    atLeast(`one-tap ≥ 0.2 × bare grammY${on}`, r.one_tap.ratio_to_bare_grammy.median, 0.2),
    below(`one-tap p99 < 50 ms (${pace})${on}`, r.paced.tap_p99_ms.median, 50),
    below(`conversation step p99 < 250 ms (${pace})${on}`, r.paced.flow_p99_ms.median, 250),
    atMost(`cost per update at 1M bookings ≤ 1.5×${on}`, r.history.cost_ratio_1m_bookings.median, 1.5),
    atMost(`scheduler run at 1M bookings ≤ 1.5×${on}`, r.history.scheduler_cost_ratio_1m_bookings, 1.5),
    below(`bot's peak RSS < 200 MB (empty database)${on}`, r.rss_mb, 200),
  ];
}

/** The targets the figures are held to. */
export function judge(r: BenchResults): Verdict[] {
  const limit = r.outbox_throttled.limit_per_s;
  return [
    ...judgeDatabase(r, ""),
    atLeast(`outbox ≥ 95 % of ${limit} msg/s`, r.outbox_throttled.msgs_per_s.median, 0.95 * limit),
    // Not a single one in any run.
    atMost("outbox duplicates = 0", r.outbox_throttled.duplicates.max, 0),
    atMost("outbox losses = 0", r.outbox_throttled.lost.max, 0),
    atLeast("outbox capacity ≥ 2,000 msg/s", r.outbox_unthrottled.msgs_per_s.median, 2000),
    ...("skipped" in r.postgres ? [] : judgeDatabase(r.postgres, ", PostgreSQL")),
  ];
}

const fixed = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2));
const spread = (s: Spread) => `${fixed(s.min)} / ${fixed(s.median)} / ${fixed(s.max)}`;

/** One database's figures as rows of the table. */
function databaseRows(r: DatabaseFigures): [string, string][] {
  return [
    ["mix: updates/s", spread(r.mix.updates_per_s)],
    ["mix: p50 / p99 ms, all updates", `${spread(r.mix.p50_ms)}  |  ${spread(r.mix.p99_ms)}`],
    ["mix: p50 / p99 ms, one-tap actions", `${spread(r.mix.tap_p50_ms)}  |  ${spread(r.mix.tap_p99_ms)}`],
    ["mix: p50 / p99 ms, conversation steps", `${spread(r.mix.flow_p50_ms)}  |  ${spread(r.mix.flow_p99_ms)}`],
    [`paced (pause ${r.paced.think_ms[0]}–${r.paced.think_ms[1]} ms): updates/s`, spread(r.paced.updates_per_s)],
    ["paced: p50 / p99 ms, all updates", `${spread(r.paced.p50_ms)}  |  ${spread(r.paced.p99_ms)}`],
    ["paced: p50 / p99 ms, one-tap actions", `${spread(r.paced.tap_p50_ms)}  |  ${spread(r.paced.tap_p99_ms)}`],
    ["paced: p50 / p99 ms, conversation steps", `${spread(r.paced.flow_p50_ms)}  |  ${spread(r.paced.flow_p99_ms)}`],
    ["one-tap only: updates/s", spread(r.one_tap.updates_per_s)],
    ["bare grammY: updates/s", spread(r.bare_grammy.updates_per_s)],
    ["bare conversation: updates/s", spread(r.bare_conversation.updates_per_s)],
    ["mix / bare conversation", spread(r.mix.ratio_to_bare_conversation)],
    ["one-tap / bare grammY", spread(r.one_tap.ratio_to_bare_grammy)],
    ["scheduler run ms (empty)", spread(r.scheduler_run_ms)],
    ["bot's peak RSS MB (empty / with history)", `${fixed(r.rss_mb)} / ${fixed(r.history.rss_mb)}`],
    ["history: filled in s", fixed(r.history.fill_s)],
    ["history: mix updates/s", spread(r.history.mix.updates_per_s)],
    ["history: cost per update ×", spread(r.history.cost_ratio_1m_bookings)],
    ["history: one-tap cost per update ×", spread(r.history.one_tap_cost_ratio_1m_bookings)],
    ["history: scheduler run ms", spread(r.history.scheduler_run_ms)],
  ];
}

const stepsOffScript = (r: DatabaseFigures) => r.mix.steps_off_script + r.paced.steps_off_script + r.history.steps_off_script;

/** The figures and the targets as a plain-text table (min / median / max where repeated). */
export function table(r: BenchResults, verdicts: Verdict[]): string {
  const rows: [string, string][] = [
    ...databaseRows(r),
    ["outbox at 30/s: msgs/s", spread(r.outbox_throttled.msgs_per_s)],
    ["outbox at 30/s: duplicates, lost, 429s (most in a run)", `${r.outbox_throttled.duplicates.max}, ${r.outbox_throttled.lost.max}, ${r.outbox_throttled.throttled.max}`],
    ["outbox unlimited: msgs/s", spread(r.outbox_unthrottled.msgs_per_s)],
    ["steps off script / errors logged", `${stepsOffScript(r)} / ${r.mix.errors_logged + r.history.errors_logged + r.outbox_throttled.errors_logged}`],
  ];
  const pg = r.postgres;
  const pgRows: [string, string][] =
    "skipped" in pg
      ? []
      : [...databaseRows(pg), ["steps off script / errors logged", `${stepsOffScript(pg)} / ${pg.mix.errors_logged + pg.history.errors_logged}`]];
  const width = Math.max(...[...rows, ...pgRows].map(([k]) => k.length), ...verdicts.map((v) => v.target.length));
  const lines = (list: [string, string][]) => list.map(([k, v]) => `${k.padEnd(width)}  ${v}`);
  return [
    "figure on SQLite (min / median / max of the repetitions)",
    ...lines(rows),
    "",
    "skipped" in pg ? `PostgreSQL: skipped (${pg.skipped})` : `figure on PostgreSQL ${pg.server_version} (min / median / max of the repetitions)`,
    ...lines(pgRows),
    "",
    "target",
    ...verdicts.map((v) => `${v.target.padEnd(width)}  ${fixed(v.value).padStart(8)}  ${v.met ? "met" : "MISSED"}`),
  ].join("\n");
}
