import { CompiledQuery, type LogEvent } from "kysely";
import { it } from "vitest";
import type { Db } from "../../src/db/database.js";
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

/** Whether a statement reads or writes rows, so that it has a plan (not BEGIN, COMMIT, PRAGMA). */
export function hasPlan(sql: string): boolean {
  return /^\s*(select|insert|update|delete|with)\b/i.test(sql);
}

/** The tables a plan reads from start to end ("SCAN users", "SCAN users USING INDEX ...": every row). */
export function scannedTables(plan: string[]): string[] {
  return plan.flatMap((step) => {
    // Not "SCAN CONSTANT ROW" nor "SCAN 2-ROW VALUES CLAUSE": no table there.
    const scanned = /^SCAN ([A-Za-z_]\w*)/.exec(step);
    return scanned && scanned[1] !== "CONSTANT" ? [scanned[1]!] : [];
  });
}

/**
 * A test of SQLite's query plans. PostgreSQL chooses its plans by cost from the table's
 * statistics, so on it the same test says nothing and is skipped.
 */
export const itOnSqlite = TEST_DATABASE_URL ? it.skip : it;
