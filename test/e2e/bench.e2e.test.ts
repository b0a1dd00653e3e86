import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { BenchResults, DatabaseFigures, Verdict } from "../../bench/targets.js";
import { projectRoot } from "../../src/paths.js";
import { TEST_DATABASE_URL } from "../support/postgres.js";

/**
 * `npm run bench` at the smallest sizes, built apart from dist/ so that the other end-to-end
 * tests never start a bot from a file being written.
 */
const OUT_DIR = join("dist", "bench-e2e");
const SLOW_MS = 300_000;

beforeAll(() => {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  const built = spawnSync(process.execPath, [tsc, "-p", "bench", "--outDir", OUT_DIR], { cwd: projectRoot(), encoding: "utf8" });
  if (built.status !== 0) throw new Error(`the benchmark did not build:\n${built.stdout}${built.stderr}`);
}, SLOW_MS);

describe("npm run bench", () => {
  it(
    "measures the mix, at a person's pace too, and the history with the bot in a process of its own, on PostgreSQL too when a server is given",
    () => {
      const sizes = ["--people", "3", "--repeats", "1", "--outbox-messages", "2", "--history-people", "30", "--history-bookings", "300", "--think-ms", "1-5"];
      const run = spawnSync(process.execPath, [join(OUT_DIR, "bench", "run.js"), ...sizes, ...(TEST_DATABASE_URL ? ["--postgres", TEST_DATABASE_URL] : [])], {
        cwd: projectRoot(),
        // Only PATH: a server named in the developer's shell must not change what is tested.
        env: { PATH: process.env.PATH ?? "" },
        encoding: "utf8",
      });
      expect(run.stderr).not.toMatch(/off script|failed/);
      expect(run.status).toBe(0);
      const path = /figures written to (.+\.json)/.exec(run.stdout)?.[1];
      expect(path).toBeDefined();
      const results = JSON.parse(readFileSync(path!, "utf8")) as BenchResults & { targets: Verdict[] };
      rmSync(path!);

      const checkDatabase = (figures: DatabaseFigures) => {
        // Each of the three people walks the whole visit, then looks around.
        expect(figures.mix.updates.median).toBeGreaterThanOrEqual(3 * results.options.steps_per_person!);
        expect(figures.one_tap.updates.median).toBe(3 * 32);
        expect(figures.history.mix.updates.median).toBeGreaterThanOrEqual(3 * results.options.steps_per_person!);
        // Three new people walk the visit again, pausing between steps.
        expect(figures.paced).toMatchObject({ think_ms: [1, 5], people: 3, steps_off_script: 0 });
        expect(figures.paced.updates.median).toBeGreaterThanOrEqual(3 * results.options.steps_per_person!);
        for (const key of ["updates_per_s", "p50_ms", "p99_ms", "tap_p50_ms", "tap_p99_ms", "flow_p50_ms", "flow_p99_ms"] as const) {
          for (const value of Object.values(figures.paced[key])) expect(value).toBeGreaterThan(0);
        }
        expect([figures.mix.steps_off_script, figures.history.steps_off_script, figures.mix.errors_logged, figures.history.errors_logged]).toEqual([0, 0, 0, 0]);
        // Measured in the bot's own process, which holds at least Node and the bot's modules.
        for (const rss of [figures.rss_mb, figures.history.rss_mb]) expect(rss).toBeGreaterThan(60);
        expect(figures.mix.ratio_to_bare_conversation.median).toBeGreaterThan(0);
        expect(figures.history.cost_ratio_1m_bookings.median).toBeGreaterThan(0);
      };
      checkDatabase(results);
      expect(results.targets.map((v) => v.target)).toContain("conversation step p99 < 250 ms (3 people at a person's pace)");
      expect(results.outbox_throttled.lost.max).toBe(0);
      if (TEST_DATABASE_URL) {
        const postgres = results.postgres;
        if ("skipped" in postgres) throw new Error(`PostgreSQL was skipped: ${postgres.skipped}`);
        expect(Object.keys(postgres.mix).sort()).toEqual(Object.keys(results.mix).sort());
        expect(Object.keys(postgres.history).sort()).toEqual(Object.keys(results.history).sort());
        expect(Object.keys(postgres.paced).sort()).toEqual(Object.keys(results.paced).sort());
        checkDatabase(postgres);
        expect(results.targets.filter((v) => v.target.endsWith(", PostgreSQL"))).toHaveLength(7);
        expect(run.stdout).toMatch(/figure on PostgreSQL \d+/);
        expect(run.stdout).toContain("one-tap p99 < 50 ms (3 people at a person's pace), PostgreSQL");
      } else {
        expect(results.postgres).toEqual({ skipped: "no server given: --postgres or BENCH_DATABASE_URL" });
        expect(run.stdout).toContain("PostgreSQL: skipped");
      }
    },
    SLOW_MS,
  );
});
