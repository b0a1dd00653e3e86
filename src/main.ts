import { systemClock } from "./clock.js";
import { ConfigError, loadConfig, loadDotEnv, loadStoreConfig, type StoreConfig } from "./config.js";
import { setCommandMenus } from "./bot/commands.js";
import { syncCommandMenus } from "./bot/features/staff/command-menus.js";
import { createBot } from "./bot/index.js";
import { noticeRenderers } from "./bot/notices.js";
import { startPolling } from "./bot/polling.js";
import { cardSecret } from "./db/cards.js";
import { openDatabase, type Db } from "./db/database.js";
import { migrateToLatest } from "./db/migrate.js";
import { runSeed, seedCatalog } from "./db/seed/index.js";
import { createLogger, type Logger } from "./logger.js";
import { outboxApi, startScheduler } from "./scheduler/index.js";
import { describeFailure } from "./telegram/failures.js";

/** What is in flight at a stop gets this long to finish before its Bot API requests are cut short. */
const STOP_GRACE_MS = 3_000;
/** A stop that has not finished by then ends the process anyway: a service manager waits 10 s. */
const STOP_DEADLINE_MS = 9_000;

/**
 * Start-up: config → database → migrations → bot → polling → scheduler; SIGINT/SIGTERM stop it cleanly.
 * The `migrate` and `seed` commands stop after their own work.
 */
async function main(command: string | undefined, args: string[]): Promise<void> {
  loadDotEnv();
  if (command === "migrate" || command === "seed") {
    const store = configOrExit(loadStoreConfig);
    const db = await openMigrated(store.database, createLogger(store.logLevel));
    if (command === "seed") console.log(await runSeed(db, systemClock.now(), args));
    await db.destroy();
    return;
  }

  const config = configOrExit(loadConfig);
  const logger = createLogger(config.logLevel, [config.botToken, ...(config.cardSecret === undefined ? [] : [config.cardSecret])]);
  const db = await openMigrated(config.database, logger);

  // The centers are part of the product, not demo data: a fresh install lists them at once.
  const centersAdded = await seedCatalog(db);
  if (centersAdded > 0) logger.info({ centers: centersAdded }, "catalog of centers installed");
  // Without a configured key, the cards' key is made on the first start and read from then on.
  await cardSecret(db, config.cardSecret, systemClock.now());

  const deps = { config, db, logger, clock: systemClock };
  const telegram = new AbortController();
  const { bot, i18n, tracker } = createBot(deps, { cutOff: telegram.signal });
  await bot.init();
  await bot.api.deleteWebhook();
  const translate = (lang: string, key: string) => i18n.t(lang, key);
  await setCommandMenus(bot.api, translate);
  await syncCommandMenus(bot.api, translate, deps);
  const polling = await startPolling(bot, tracker, deps);
  logger.info({ bot: bot.botInfo.username }, "bot started (long polling)");
  // The scheduler sends what the bot's features put in the outbox, in the words they render it in.
  const scheduler = startScheduler({ ...deps, api: outboxApi(config, telegram.signal), i18n, renderers: noticeRenderers });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping");
    setTimeout(() => {
      logger.error("stopping took too long; exiting");
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    // A request Telegram does not answer must not hold the stop up: after the grace period it
    // is cut short, and its update is left unconfirmed for the next start to handle.
    const cutOff = setTimeout(() => telegram.abort(), STOP_GRACE_MS);
    try {
      // Both finish what is in flight (updates, the message being sent) before the database closes.
      const stopped = await Promise.allSettled([polling.stop(), scheduler.stop()]);
      for (const r of stopped) {
        if (r.status === "rejected") logger.error(describeFailure(r.reason) ?? { err: r.reason }, "error while stopping");
      }
    } finally {
      clearTimeout(cutOff);
      await db.destroy();
    }
    logger.info("stopped");
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
}

/** Reads the configuration, or stops with one line naming the variable to fix. */
function configOrExit<C>(load: () => C): C {
  try {
    return load();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(`Configuration error: ${err.message}`);
    process.exit(1);
  }
}

/** Opens the database and applies the migrations it lacks. */
async function openMigrated(database: StoreConfig["database"], logger: Logger): Promise<Db> {
  const db = openDatabase(database);
  const applied = await migrateToLatest(db);
  if (applied.length > 0) logger.info({ applied }, "migrations applied");
  return db;
}

main(process.argv[2], process.argv.slice(3)).catch((err: unknown) => {
  console.error(err instanceof Error ? `Start-up failed: ${err.message}` : err);
  process.exit(1);
});
