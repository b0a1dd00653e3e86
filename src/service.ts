import type { Bot } from "grammy";
import { setCommandMenus } from "./bot/commands.js";
import type { AppContext, AppI18n } from "./bot/context.js";
import { renderProgress } from "./bot/features/broadcasts/progress.js";
import { syncCommandMenus } from "./bot/features/staff/command-menus.js";
import { createBot } from "./bot/index.js";
import { noticeRenderers } from "./bot/notices.js";
import { startPolling } from "./bot/polling.js";
import type { Config, StoreConfig } from "./config.js";
import { cardSecret } from "./db/cards.js";
import { openDatabase, type Db } from "./db/database.js";
import { migrateToLatest } from "./db/migrate.js";
import { seedCatalog } from "./db/seed/index.js";
import type { AppDeps } from "./deps.js";
import { createLogger, type Logger } from "./logger.js";
import { outboxApi, startScheduler, type Scheduler } from "./scheduler/index.js";
import { describeFailure } from "./telegram/failures.js";

/** What is in flight at a stop gets this long to finish before its Bot API requests are cut short. */
const STOP_GRACE_MS = 3_000;

/** The running bot: long polling for updates, and the scheduler sending what is due. */
export interface BotService {
  bot: Bot<AppContext>;
  i18n: AppI18n;
  scheduler: Scheduler;
  /**
   * Finishes what is in flight (updates, the message being sent) and stops both; the database
   * stays open for the caller to close.
   */
  stop(): Promise<void>;
}

/** The log of a running bot, which never shows its token or the cards' signing key. */
export function loggerFor(config: Config): Logger {
  return createLogger(config.logLevel, [config.botToken, config.cardSecret ?? ""]);
}

/** Opens the database, applies the migrations it lacks and installs the catalog of centers. */
export async function openStore(database: StoreConfig["database"], logger: Logger): Promise<Db> {
  const db = await openMigrated(database, logger);
  // The centers are part of the product, not demo data: a fresh install lists them at once.
  const centersAdded = await seedCatalog(db);
  if (centersAdded > 0) logger.info({ centers: centersAdded }, "catalog of centers installed");
  return db;
}

/** Opens the database and applies the migrations it lacks. */
export async function openMigrated(database: StoreConfig["database"], logger: Logger): Promise<Db> {
  const db = openDatabase(database);
  const applied = await migrateToLatest(db);
  if (applied.length > 0) logger.info({ applied }, "migrations applied");
  return db;
}

/** Bot → command menus → polling → scheduler, against the Bot API that `deps.config` names. */
export async function startBotService(deps: AppDeps): Promise<BotService> {
  const { config, logger } = deps;
  // Without a configured key, the cards' key is made on the first start and read from then on.
  await cardSecret(deps.db, config.cardSecret, deps.clock.now());
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
  const scheduler = startScheduler({ ...deps, api: outboxApi(config, telegram.signal), i18n, renderers: noticeRenderers, broadcastProgress: renderProgress });

  return {
    bot,
    i18n,
    scheduler,
    async stop() {
      // A request Telegram does not answer must not hold the stop up: after the grace period it
      // is cut short, and its update is left unconfirmed for the next start to handle.
      const cutOff = setTimeout(() => telegram.abort(), STOP_GRACE_MS);
      try {
        const stopped = await Promise.allSettled([polling.stop(), scheduler.stop()]);
        for (const r of stopped) {
          if (r.status === "rejected") logger.error(describeFailure(r.reason) ?? { err: r.reason }, "error while stopping");
        }
      } finally {
        clearTimeout(cutOff);
      }
    },
  };
}
