import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, SqliteAdapter, SqliteDialect } from "kysely";
import type { Config } from "../config.js";
import type { Database } from "./schema.js";

export type Db = Kysely<Database>;

/**
 * Opens the database named by the configuration. SQLite is the embedded default; another
 * dialect is another branch here, the rest of the code only sees `Kysely<Database>`.
 */
export function openDatabase(config: Config["database"]): Db {
  const path = resolve(config.path);
  mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  // WAL lets readers proceed while the scheduler writes; the busy timeout covers a second process.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  return new Kysely<Database>({ dialect: new TransactionalDdlSqliteDialect({ database: sqlite }) });
}

/**
 * SQLite can roll back schema changes, but kysely's adapter says it cannot, and then runs
 * migrations without a transaction: a process stopped halfway through one would leave a schema
 * that no later start can migrate. Saying so makes each run of migrations all or nothing.
 */
class TransactionalDdlSqliteDialect extends SqliteDialect {
  override createAdapter(): SqliteAdapter {
    return new (class extends SqliteAdapter {
      override get supportsTransactionalDdl(): boolean {
        return true;
      }
    })();
  }
}
