import { CompiledQuery, type LogEvent } from "kysely";
import { it } from "vitest";
import type { Db } from "../../src/db/database.js";
import { dialectOf } from "../../src/db/dialect.js";
import { TEST_DATABASE_URL } from "./postgres.js";

/** The statements a database ran: every run in order, and each distinct one with its latest parameters. */
export class StatementLog {
  private readonly seen = new Map<string, readonly unknown[]>();
  /** The text of every statement run, in order. */
  readonly runs: string[] = [];
  private recording = true;

  /** The `log` option of `openDatabase`. */
  readonly log = (event: LogEvent): void => {
    if (!this.recording || event.level !== "query") return;
    this.seen.set(event.query.sql, event.query.parameters);
    this.runs.push(event.query.sql);
  };

  /** Runs `work` without recording it: the setting up of a test, not what it looks at. */
  async unrecorded<T>(work: () => Promise<T>): Promise<T> {
    this.recording = false;
    try {
      return await work();
    } finally {
      this.recording = true;
    }
  }

  statements(): { sql: string; parameters: readonly unknown[] }[] {
    return [...this.seen].map(([sql, parameters]) => ({ sql, parameters }));
  }

  clear(): void {
    this.seen.clear();
    this.runs.length = 0;
  }
}

/** What SQLite would do to run a statement: one line per step, as EXPLAIN QUERY PLAN words it. */
export async function queryPlan(db: Db, statement: { sql: string; parameters: readonly unknown[] }): Promise<string[]> {
  const result = await db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${statement.sql}`, [...statement.parameters]));
  return result.rows.map((r) => r.detail);
}

/** A step of a plan that reads a table: whole (every row, in one order or another) or a range of an index. */
export interface PlanStep {
  table: string;
  whole: boolean;
  /** The step as the database words it. */
  text: string;
}

/** A line of SQLite's EXPLAIN QUERY PLAN as a step: "SCAN users" (also "... USING INDEX") reads every row, "SEARCH users ..." a range. */
function sqliteStep(text: string): PlanStep | undefined {
  // Not "SCAN CONSTANT ROW" nor "SCAN 2-ROW VALUES CLAUSE": no table there.
  const step = /^(SCAN|SEARCH) ([A-Za-z_]\w*)/.exec(text);
  return step && step[2] !== "CONSTANT" ? { table: step[2]!, whole: step[1] === "SCAN", text } : undefined;
}

/** A node of PostgreSQL's plan, as `EXPLAIN (FORMAT JSON)` gives it. */
interface PostgresPlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Index Cond"?: string;
  Plans?: PostgresPlanNode[];
}

/**
 * The steps that read tables in the plan the database would run a statement with. On SQLite,
 * its EXPLAIN QUERY PLAN. PostgreSQL chooses by cost from the tables' statistics, and on a
 * test's thousands of rows reading a table whole is rightly cheaper than going through an
 * index: its plan is asked for with sequential scans, hash and merge joins priced out, so that
 * it takes an index wherever one serves the statement. A whole read left in that plan (a
 * sequential scan, or an index walked without a condition) is one no index serves. A bitmap
 * scan reads the range that the index scan below it finds.
 */
export async function planSteps(db: Db, statement: { sql: string; parameters: readonly unknown[] }): Promise<PlanStep[]> {
  if (dialectOf(db) === "sqlite") return (await queryPlan(db, statement)).flatMap((text) => sqliteStep(text) ?? []);
  const result = await db.transaction().execute(async (trx) => {
    for (const method of ["seqscan", "hashjoin", "mergejoin"]) await trx.executeQuery(CompiledQuery.raw(`set local enable_${method} = off`));
    return trx.executeQuery<{ "QUERY PLAN": { Plan: PostgresPlanNode }[] }>(CompiledQuery.raw(`explain (format json) ${statement.sql}`, [...statement.parameters]));
  });
  const steps: PlanStep[] = [];
  const visit = (node: PostgresPlanNode, bitmapOf?: string): void => {
    const type = node["Node Type"];
    const table = node["Relation Name"] ?? bitmapOf;
    if (table && type.endsWith("Scan")) {
      const range = node["Index Cond"] ? ` (${node["Index Cond"]})` : "";
      const whole = type === "Seq Scan" || (/^Index (Only )?Scan$/.test(type) && !range);
      steps.push({ table, whole, text: `${type}${node["Index Name"] ? ` using ${node["Index Name"]}` : ""} on ${table}${range}` });
    }
    for (const child of node.Plans ?? []) visit(child, type === "Bitmap Heap Scan" ? table : undefined);
  };
  visit(result.rows[0]!["QUERY PLAN"][0]!.Plan);
  return steps;
}

/** Whether a statement reads or writes rows, so that it has a plan (not BEGIN, COMMIT, PRAGMA). */
export function hasPlan(sql: string): boolean {
  return /^\s*(select|insert|update|delete|with)\b/i.test(sql);
}

/** The tables a plan reads from start to end ("SCAN users", "SCAN users USING INDEX ...": every row). */
export function scannedTables(plan: string[]): string[] {
  return plan.flatMap((text) => {
    const step = sqliteStep(text);
    return step?.whole ? [step.table] : [];
  });
}

/**
 * A test of SQLite's plans, word for word. PostgreSQL words its plans otherwise and chooses them
 * by cost from the tables' statistics; there, `planSteps` in the test of every path a person or
 * the scheduler takes (`test/db/query-plans.test.ts`) checks that an index serves each read.
 */
export const itOnSqlite = TEST_DATABASE_URL ? it.skip : it;
