import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { ConfigError, loadConfig } from "../config.js";
import { runSeed } from "../db/seed/index.js";
import { isLocalDate, isLocalTime, toInstant } from "../domain/time.js";
import { startBotApiEmulator } from "../emulator/bot-api-emulator.js";
import type { Logger } from "../logger.js";
import { loggerFor, openStore, startBotService } from "../service.js";
import { MovableClock } from "./clock.js";
import { SandboxClock } from "./clock-control.js";
import { People } from "./people.js";
import { adminIds, DEMO_CLIENTS, preparePersonas } from "./personas.js";
import { startWebChat } from "./server.js";

/** The token of the sandbox's own Bot API: it never leaves this machine. */
const SANDBOX_TOKEN = "7000000001:sandbox-only-never-sent-to-telegram";
const DEFAULT_PORT = 8765;

export interface SandboxOptions {
  /** A database file kept between runs; a throwaway one when absent. */
  dbPath?: string;
  /** The web chat's port on 127.0.0.1; 0 picks a free one. */
  port: number;
  /** Where the clock starts (by default, now). */
  startAt?: Date;
}

export interface Sandbox {
  url: string;
  logger: Logger;
  stop(): Promise<void>;
}

/**
 * `sandbox [--db PATH] [--port N] [--time YYYY-MM-DDTHH:MM]`; the time is Almaty's.
 * A wrong argument is a ConfigError naming it.
 */
export function parseSandboxArgs(args: readonly string[]): SandboxOptions {
  const options: SandboxOptions = { port: DEFAULT_PORT };
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    const value = args[i + 1];
    if (value === undefined || !["--db", "--port", "--time"].includes(flag!)) {
      throw new ConfigError(`sandbox takes --db PATH, --port N and --time YYYY-MM-DDTHH:MM, not "${args.slice(i).join(" ")}"`);
    }
    i++;
    if (flag === "--db") options.dbPath = resolve(value);
    if (flag === "--port") {
      const port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new ConfigError(`--port must be a port number, not "${value}"`);
      options.port = port;
    }
    if (flag === "--time") {
      const [date, time] = value.split("T");
      if (!isLocalDate(date) || !isLocalTime(time)) throw new ConfigError(`--time must look like 2026-12-07T09:00 (Almaty time), not "${value}"`);
      options.startAt = toInstant(date, time);
    }
  }
  return options;
}

/**
 * The real bot (the same service as `npm start`: database, outbox, scheduler) against the
 * built-in Bot API emulator, with demo data, prepared people and a web chat to talk to it as them.
 */
export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const clock = new MovableClock(options.startAt);
  const em = await startBotApiEmulator({ token: SANDBOX_TOKEN, now: () => clock.now() });
  const throwaway = options.dbPath ? undefined : mkdtempSync(join(tmpdir(), "jastar-sandbox-"));
  const dbPath = options.dbPath ?? join(throwaway!, "jastar.db");
  mkdirSync(dirname(dbPath), { recursive: true });
  const config = loadConfig({
    ...process.env,
    BOT_TOKEN: SANDBOX_TOKEN,
    TELEGRAM_API_ROOT: em.apiRoot,
    ADMIN_IDS: adminIds().join(","),
    DATABASE_URL: `sqlite:${dbPath}`,
    LOG_LEVEL: process.env.LOG_LEVEL || "warn",
  });
  const logger = loggerFor(config);
  const db = await openStore(config.database, logger);
  // The same demo data as `seed --demo`: every side of the bot has something to show.
  logger.info(await runSeed(db, clock.now(), ["--demo"]));
  await preparePersonas(db, config, clock.now());

  const people = new People();
  for (const user of [...people.all().map((p) => p.user), ...DEMO_CLIENTS]) em.addUser(user);
  const service = await startBotService({ config, db, logger, clock });
  const web = await startWebChat(
    { em, people, clock: new SandboxClock(clock, db, service.scheduler), i18n: service.i18n, logger },
    options.port,
  );
  console.log(web.url);

  return {
    url: web.url,
    logger,
    async stop() {
      await web.close();
      try {
        await service.stop();
      } finally {
        await db.destroy();
        await em.close();
        if (throwaway) rmSync(throwaway, { recursive: true, force: true });
      }
    },
  };
}
