import { copyFileSync, existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { migrations } from "../../migrations/index.js";
import { TEST_DATABASE_URL } from "../support/postgres.js";
import { botEnv, endToEndSetupEachTest, runBotCommand, sqliteFile, startBot } from "./bot-process.js";
import { WAIT_MS } from "./dialogue.js";

const e2e = endToEndSetupEachTest("jastar-e2e-backup-");
const env = () => botEnv(e2e, { LOG_LEVEL: "warn" });

/**
 * Another writer on the file while the backup runs, as the bot is when people book: one row per
 * transaction, as fast as it can, until stopped. Resolves with how many it wrote.
 */
function keepWriting(path: string): { stop(): Promise<number>; written(): number } {
  const db = new Database(path, { timeout: 5000 });
  const insert = db.prepare("insert into anonymous_counts (metric, day, count) values ('backup-test', ?, 1)");
  let n = 0;
  let running = true;
  const done = new Promise<number>((resolve) => {
    const step = () => {
      if (!running) {
        db.close();
        resolve(n);
        return;
      }
      insert.run(`row-${n}`);
      n++;
      setImmediate(step);
    };
    step();
  });
  return {
    written: () => n,
    stop() {
      running = false;
      return done;
    },
  };
}

const countRows = (db: Database.Database) =>
  (db.prepare("select count(*) as n from anonymous_counts where metric = 'backup-test'").get() as { n: number }).n;

/** The rows written by keepWriting in the database file at `path`. */
function countRowsIn(path: string): number {
  const db = new Database(path, { readonly: true });
  try {
    return countRows(db);
  } finally {
    db.close();
  }
}

// The backup command copies SQLite's file; PostgreSQL is backed up with its own tools.
describe.skipIf(Boolean(TEST_DATABASE_URL))("npm run backup", () => {
  it("copies the database while the bot runs and others write, consistently, and the copy restores as the README says", { timeout: 60_000 }, async () => {
    const file = sqliteFile(e2e);
    const bot = await startBot(e2e.em, env());
    const writer = keepWriting(file);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const before = writer.written();
    const target = join(e2e.dir, "backups", "jastar-copy.db");

    // No token: like migrate and seed, a backup never talks to Telegram.
    const backup = await runBotCommand(["backup", target], env(), 4 * WAIT_MS);
    const after = await writer.stop();
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toContain(`backup written: ${target}`);
    expect(before).toBeGreaterThan(0);

    const copy = new Database(target, { readonly: true });
    let copied: number;
    try {
      expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
      // One moment of the database: every row written before the backup began, none half-written.
      copied = countRows(copy);
      expect(copied).toBeGreaterThanOrEqual(before);
      expect(copied).toBeLessThanOrEqual(after);
      expect(copy.prepare("select name from kysely_migration").all()).toHaveLength(Object.keys(migrations).length);
    } finally {
      copy.close();
    }
    // A second backup to the same file is refused rather than overwriting it.
    const again = await runBotCommand(["backup", target], env(), WAIT_MS);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("exists already");

    // Restore, as documented: stop the bot, put the copy in place of the file, drop its WAL files, start.
    expect(await bot.stop()).toBe(0);
    copyFileSync(target, file);
    for (const suffix of ["-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
    const restarted = await startBot(e2e.em, env());
    expect(countRowsIn(file)).toBe(copied);
    expect(await restarted.stop()).toBe(0);
    expect(existsSync(target)).toBe(true);
  });
});
