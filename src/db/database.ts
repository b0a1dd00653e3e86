import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
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
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}
