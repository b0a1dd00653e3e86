import { PostgresAdapter, type Kysely } from "kysely";
import type { Database } from "./schema.js";

/**
 * What differs between the two databases the bot runs on, in one place: which one a handle
 * talks to, and how each says a write broke a unique index. Queries are written once for both; where SQL itself
 * differs (triggers, sequences), only the migrations ask `dialectOf`.
 */
export type DialectName = "sqlite" | "postgres";

/** The database behind a handle, a transaction or a migration's `Kysely<any>`. */
export function dialectOf(db: Kysely<Database> | Kysely<Record<string, never>>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}

/**
 * Whether `err` is the database refusing a second row with the same key of a unique index on
 * `table`. SQLite names the index's columns ("UNIQUE constraint failed: bookings.specialist_id,
 * bookings.starts_at"), PostgreSQL names the table beside SQLSTATE 23505.
 */
export function isUniqueViolation(err: unknown, table: string): boolean {
  if (!(err instanceof Error)) return false;
  const { code, table: pgTable } = err as { code?: unknown; table?: unknown };
  if (code === "23505") return pgTable === table;
  return code === "SQLITE_CONSTRAINT_UNIQUE" && err.message.includes(` ${table}.`);
}
