import { existsSync, mkdirSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import SQLite from "better-sqlite3";
import type { DatabaseConfig } from "../config.js";

/** What a backup wrote. */
export interface Backup {
  path: string;
  bytes: number;
}

/** Where a backup goes when no path is given: a file named after the moment, in ./backups. */
export function defaultBackupPath(now: Date): string {
  return `./backups/jastar-${now.toISOString().replace(/[:.]/g, "-")}.db`;
}

/**
 * Copies the database into a new file with SQLite's online backup, while the bot runs, and
 * checks the copy's integrity. The copy is made in one step: that is one read transaction, which
 * in WAL mode does not hold up the bot's writes, and which sees one moment of the database; a
 * copy in many steps would start over at every write of the bot.
 */
export async function backupDatabase(database: Extract<DatabaseConfig, { dialect: "sqlite" }>, target: string): Promise<Backup> {
  const path = resolve(target);
  if (existsSync(path)) throw new Error(`${target} exists already; a backup never overwrites a file`);
  mkdirSync(dirname(path), { recursive: true });
  const source = new SQLite(resolve(database.path), { fileMustExist: true, timeout: 5000 });
  try {
    await source.backup(path, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  const copy = new SQLite(path, { readonly: true });
  try {
    const check = copy.pragma("integrity_check", { simple: true });
    if (check !== "ok") throw new Error(`the backup ${target} failed its integrity check: ${String(check)}`);
  } finally {
    copy.close();
  }
  return { path, bytes: statSync(path).size };
}
