import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DestinationStream } from "pino";
import { createBot } from "../src/bot/index.js";
import { systemClock } from "../src/clock.js";
import { loadConfig, type Config } from "../src/config.js";
import type { Db } from "../src/db/database.js";
import { runSeed } from "../src/db/seed/index.js";
import { botInfoOf } from "../src/emulator/updates.js";
import { createLogger, type Logger } from "../src/logger.js";
import { openStore } from "../src/service.js";
import type { BenchDatabase, PostgresServer } from "./postgres.js";
import type { InProcessTelegram } from "./telegram.js";

/** The shape @BotFather gives; nothing reaches Telegram. */
export const BENCH_TOKEN = "123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

/** Counts what the app logs as an error (a failed update, a failed send), keeping none of it. */
export class ErrorCount implements DestinationStream {
  count = 0;
  write(line: string): void {
    if ((JSON.parse(line) as { level: number }).level >= 50) this.count++;
  }
}

export interface Store {
  config: Config;
  db: Db;
  logger: Logger;
  errors: ErrorCount;
  /** Closes the connection; the database stays until it is removed. */
  close(): Promise<void>;
}

/** A new database: an SQLite file in a temporary folder, or a database of its own on `server`. */
export async function newBenchDatabase(server?: PostgresServer): Promise<BenchDatabase> {
  if (server) return server.newDatabase();
  const dir = mkdtempSync(join(tmpdir(), "jastar-bench-"));
  return { url: `sqlite:${join(dir, "jastar.db")}`, remove: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** The store as the bot opens it in production: migrated, with the catalog of centers. */
export async function openStoreAt(url: string): Promise<Store> {
  const config = loadConfig({ BOT_TOKEN: BENCH_TOKEN, DATABASE_URL: url, LOG_LEVEL: "warn" });
  const errors = new ErrorCount();
  const logger = createLogger("warn", [BENCH_TOKEN], errors);
  const db = await openStore(config.database, logger);
  return { config, db, logger, errors, close: () => db.destroy() };
}

/** The store with the demo data besides the catalog. */
export async function openBenchStore(url: string): Promise<Store> {
  const store = await openStoreAt(url);
  await runSeed(store.db, systemClock.now(), ["--demo"]);
  return store;
}

/** The production bot on the store, with Telegram answered inside the process. */
export function benchBot(store: Store, telegram: InProcessTelegram) {
  return createBot(
    { config: store.config, db: store.db, logger: store.logger, clock: systemClock },
    { botInfo: botInfoOf(Number(BENCH_TOKEN.split(":")[0])), client: { fetch: telegram.fetch } },
  );
}
