import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import { setCommandMenus } from "./bot/commands.js";
import type { AppContext, AppI18n } from "./bot/context.js";
import { renderProgress } from "./bot/features/broadcasts/progress.js";
import { syncCommandMenus } from "./bot/features/staff/command-menus.js";
import { createBot } from "./bot/index.js";
import { noticeRenderers } from "./bot/notices.js";
import { startPolling, type UpdateTracker } from "./bot/polling.js";
import type { Config, StoreConfig } from "./config.js";
import { cardSecret } from "./db/cards.js";
import { openDatabase, type Db } from "./db/database.js";
import { migrateToLatest } from "./db/migrate.js";
import { seedCatalog } from "./db/seed/index.js";
import type { AppDeps } from "./deps.js";
import { createLogger, type Logger } from "./logger.js";
import { outboxApi, startScheduler, type Scheduler } from "./scheduler/index.js";
import { startHttpServer, type HttpServer } from "./server/http.js";
import { whyNotReady } from "./server/readiness.js";
import { WebhookInbox } from "./server/webhook.js";
import { describeFailure } from "./telegram/failures.js";

/** What is in flight at a stop gets this long to finish before its Bot API requests are cut short. */
const STOP_GRACE_MS = 3_000;

/** The running bot: updates polled or posted to its webhook, and the scheduler sending what is due. */
export interface BotService {
  bot: Bot<AppContext>;
  i18n: AppI18n;
  scheduler: Scheduler;
  /** The HTTP server (webhook, /healthz, /readyz), when the configuration asks for one. */
  http: HttpServer | undefined;
  /**
   * Finishes what is in flight (updates, the message being sent) and stops both; the database
   * stays open for the caller to close.
   */
  stop(): Promise<void>;
}

/** The log of a running bot, which never shows its token or the cards' signing key. */
export function loggerFor(config: Config): Logger {
  const webhookSecret = config.updates.mode === "webhook" ? config.updates.secret : "";
  return createLogger(config.logLevel, [config.botToken, config.cardSecret ?? "", webhookSecret]);
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

/** Bot → command menus → updates (polling or webhook) → scheduler, against the Bot API that `deps.config` names. */
export async function startBotService(deps: AppDeps): Promise<BotService> {
  const { config, logger } = deps;
  // Without a configured key, the cards' key is made on the first start and read from then on.
  await cardSecret(deps.db, config.cardSecret, deps.clock.now());
  const telegram = new AbortController();
  const { bot, i18n, tracker } = createBot(deps, { cutOff: telegram.signal });
  await bot.init();
  const translate = (lang: string, key: string) => i18n.t(lang, key);
  await setCommandMenus(bot.api, translate);
  await syncCommandMenus(bot.api, translate, deps);
  const intake = await startIntake(bot, tracker, deps);
  logger.info({ bot: bot.botInfo.username, mode: config.updates.mode, port: intake.http?.port }, "bot started");
  // The scheduler sends what the bot's features put in the outbox, in the words they render it in.
  const scheduler = startScheduler({ ...deps, api: outboxApi(config, telegram.signal), i18n, renderers: noticeRenderers, broadcastProgress: renderProgress });

  return {
    bot,
    i18n,
    scheduler,
    http: intake.http,
    async stop() {
      // A request Telegram does not answer must not hold the stop up: after the grace period it
      // is cut short, and its update is left for the next start to handle.
      const cutOff = setTimeout(() => telegram.abort(), STOP_GRACE_MS);
      try {
        const stopped = await Promise.allSettled([intake.stop(), scheduler.stop()]);
        for (const r of stopped) {
          if (r.status === "rejected") logger.error(describeFailure(r.reason) ?? { err: r.reason }, "error while stopping");
        }
      } finally {
        clearTimeout(cutOff);
      }
    },
  };
}

/** Where updates come in: long polling or the webhook, and the HTTP server if there is one. */
interface Intake {
  http: HttpServer | undefined;
  /** Takes no new update, and finishes or leaves for the next start those in hand. */
  stop(): Promise<void>;
}

async function startIntake(bot: Bot<AppContext>, tracker: UpdateTracker, deps: AppDeps): Promise<Intake> {
  const { config, logger } = deps;
  const notReady = () => whyNotReady(deps.db);
  if (config.updates.mode === "polling") {
    await bot.api.deleteWebhook();
    const polling = await startPolling(bot, tracker, deps);
    const http = config.port === undefined ? undefined : await startHttpServer(config.port, { notReady }, logger);
    return {
      http,
      async stop() {
        await Promise.all([polling.stop(), http?.close()]);
      },
    };
  }

  const { url, secret } = config.updates;
  const inbox = new WebhookInbox(bot, tracker, deps);
  const left = await inbox.sweep();
  if (left > 0) logger.info({ chats: left }, "handling updates received before the restart");
  inbox.startSweeping();
  const webhook = { path: new URL(url).pathname, secret, receive: (update: Update) => inbox.receive(update) };
  const http = await startHttpServer(config.port!, { webhook, notReady }, logger);
  // Listening first: Telegram posts what is waiting as soon as the webhook is set.
  await bot.api.setWebhook(url, { secret_token: secret });
  return {
    http,
    async stop() {
      // Telegram keeps what it could not post and posts it to the next start.
      await http.close();
      await inbox.stop();
    },
  };
}
