import { describe, expect, it } from "vitest";
import type { Spread } from "../../bench/stats.js";
import { judge, table, type BenchResults, type DatabaseFigures } from "../../bench/targets.js";

const flat = (n: number): Spread => ({ min: n, median: n, max: n });
const pacedOf = (tapP99: number, flowP99: number) => ({
  updates: flat(100),
  updates_per_s: flat(50),
  p50_ms: flat(1),
  p99_ms: flat(flowP99),
  tap_updates: flat(40),
  tap_p50_ms: flat(1),
  tap_p99_ms: flat(tapP99),
  flow_updates: flat(60),
  flow_p50_ms: flat(1),
  flow_p99_ms: flat(flowP99),
});
const mixOf = (n: number) => ({
  ...pacedOf(2, 2),
  updates_per_s: flat(n),
  ms_per_update: flat(1),
});

/** One database's figures, every target met but the RSS one when `rssMb` is 200 or more. */
function databaseFigures(rssMb: number): DatabaseFigures {
  return {
    mix: { ...mixOf(500), ratio_to_bare_conversation: flat(0.7), steps_off_script: 0, errors_logged: 0 },
    paced: { ...pacedOf(2, 2), think_ms: [500, 1500], people: 200, steps_off_script: 0 },
    one_tap: { ...mixOf(3000), ratio_to_bare_grammy: flat(0.25) },
    bare_grammy: { updates_per_s: flat(12000), p50_ms: flat(1), p99_ms: flat(2) },
    bare_conversation: { updates_per_s: flat(700), p50_ms: flat(1), p99_ms: flat(2) },
    scheduler_run_ms: flat(1),
    rss_mb: rssMb,
    history: {
      fill_s: 30,
      mix: mixOf(400),
      cost_ratio_1m_bookings: flat(1.2),
      one_tap_cost_ratio_1m_bookings: flat(1),
      scheduler_run_ms: flat(1),
      scheduler_cost_ratio_1m_bookings: 1,
      steps_off_script: 0,
      errors_logged: 0,
      rss_mb: rssMb + 50,
    },
  };
}

function results(postgres: BenchResults["postgres"]): BenchResults {
  const outbox = { messages: flat(20000), msgs_per_s: flat(29), duplicates: flat(0), lost: flat(0), throttled: flat(0) };
  return {
    date: "2026-12-02T12:00:00.000Z",
    machine: { cores: 2, cpu: "AMD EPYC", ram_gb: 24, node: "v20.20.2", platform: "linux x64", load_average_1m: 1 },
    options: { people: 200 },
    ...databaseFigures(150),
    outbox_throttled: { ...outbox, limit_per_s: 30, errors_logged: 0 },
    outbox_unthrottled: { ...outbox, msgs_per_s: flat(3000) },
    postgres,
  };
}

describe("benchmark targets", () => {
  it("holds PostgreSQL's figures to the same targets as SQLite's, each named so", () => {
    const verdicts = judge(results({ server_version: "15.18", ...databaseFigures(250) }));
    const onSqlite = verdicts.filter((v) => !v.target.endsWith(", PostgreSQL"));
    const onPostgres = verdicts.filter((v) => v.target.endsWith(", PostgreSQL"));
    expect(onPostgres.map((v) => v.target.replace(", PostgreSQL", ""))).toEqual(onSqlite.filter((v) => !v.target.startsWith("outbox")).map((v) => v.target));
    expect(onSqlite.every((v) => v.met)).toBe(true);
    expect(onPostgres.filter((v) => !v.met)).toEqual([{ target: "bot's peak RSS < 200 MB (empty database), PostgreSQL", value: 250, met: false }]);
  });

  it("prints PostgreSQL's figures under their own heading, with the server's version", () => {
    const r = results({ server_version: "15.18", ...databaseFigures(250) });
    const text = table(r, judge(r));
    expect(text).toContain("figure on PostgreSQL 15.18");
    expect(text).toMatch(/bot's peak RSS MB \(empty \/ with history\) +150 \/ 200\n/);
    expect(text).toMatch(/bot's peak RSS MB \(empty \/ with history\) +250 \/ 300\n/);
    expect(text).toMatch(/bot's peak RSS < 200 MB \(empty database\), PostgreSQL +250 +MISSED/);
  });

  it("judges latency at a person's pace, and prints the latency with no pause as a figure only", () => {
    const r = results({ skipped: "no server given: --postgres or BENCH_DATABASE_URL" });
    r.mix = { ...r.mix, tap_p99_ms: flat(2500), flow_p99_ms: flat(2700) };
    r.paced = { ...r.paced, ...pacedOf(60, 240) };
    const latency = judge(r).filter((v) => v.target.includes(" p99 "));
    expect(latency).toEqual([
      { target: "one-tap p99 < 50 ms (200 people at a person's pace)", value: 60, met: false },
      { target: "conversation step p99 < 250 ms (200 people at a person's pace)", value: 240, met: true },
    ]);
    const text = table(r, judge(r));
    expect(text).toMatch(/mix: p50 \/ p99 ms, one-tap actions +1\.00 \/ 1\.00 \/ 1\.00 +\| +2500 \/ 2500 \/ 2500\n/);
    expect(text).toMatch(/paced \(pause 500–1500 ms\): updates\/s +50\.0 \/ 50\.0 \/ 50\.0\n/);
    expect(text).toMatch(/paced: p50 \/ p99 ms, conversation steps +1\.00 \/ 1\.00 \/ 1\.00 +\| +240 \/ 240 \/ 240\n/);
  });

  it("says why PostgreSQL was skipped, and judges only SQLite's figures then", () => {
    const r = results({ skipped: "no server given: --postgres or BENCH_DATABASE_URL" });
    const verdicts = judge(r);
    expect(verdicts.some((v) => v.target.includes("PostgreSQL"))).toBe(false);
    expect(table(r, verdicts)).toContain("PostgreSQL: skipped (no server given: --postgres or BENCH_DATABASE_URL)");
  });
});
