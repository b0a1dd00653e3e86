import { CompiledQuery, type LogEvent } from "kysely";
import type { Db } from "../../src/db/database.js";

/** The distinct statements a database ran, each with the parameters of its latest run. */
export class StatementLog {
  private readonly seen = new Map<string, readonly unknown[]>();
  private recording = true;

  /** The `log` option of `openDatabase`. */
  readonly log = (event: LogEvent): void => {
    if (this.recording && event.level === "query") this.seen.set(event.query.sql, event.query.parameters);
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
    const scanned = /^SCAN (\w+)/.exec(step);
    return scanned && scanned[1] !== "CONSTANT" ? [scanned[1]!] : [];
  });
}
