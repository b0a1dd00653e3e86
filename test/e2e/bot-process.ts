import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RawBuilder } from "kysely";
import { afterEach, beforeEach } from "vitest";
import { CONFIG_VARIABLES, type DatabaseConfig } from "../../src/config.js";
import { openDatabase, type Db } from "../../src/db/database.js";
import { projectRoot } from "../../src/paths.js";
import { TEST_TOKEN } from "../support/harness.js";
import { createPostgresDatabase, TEST_DATABASE_URL } from "../support/postgres.js";
import { startBotApiEmulator, type BotApiEmulator } from "../../src/emulator/bot-api-emulator.js";
import { startFlags } from "../../bench/bot-process.js";

/**
 * A first start, and `migrate` or `seed --demo`, build a whole database: on PostgreSQL, where
 * each statement is a round trip, on a busy machine that alone takes seconds.
 */
const START_TIMEOUT_MS = 30_000;
const COMMAND_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;

/** How a process ended: an exit code, or the signal that killed it. */
export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Every process started through this module, so none outlives its test. */
const started = new Set<BotProcess>();

/** The configuration of a bot process: DATABASE_URL at least, and any other variables. */
export type BotEnv = { DATABASE_URL: string } & Record<string, string>;

/**
 * The environment a bot process gets: only PATH is inherited, so a BOT_TOKEN in the developer's
 * shell never reaches a test; every configuration variable is passed, blank unless `env` gives
 * it, because the configuration reads blank as unset and a set variable is one a `.env` cannot
 * fill in.
 */
function processEnv(env: Record<string, string>): Record<string, string> {
  const blank = Object.fromEntries(CONFIG_VARIABLES.map((name) => [name, ""]));
  return { PATH: process.env.PATH ?? "", ...blank, ...env };
}

/**
 * The bot's real process, `node dist/src/main.js` as `npm start` runs it (or with a command,
 * e.g. `seed --demo`, as the other npm scripts do), with its output captured.
 */
export class BotProcess {
  /** Resolves when the process has ended, however it ended. */
  readonly exited: Promise<ExitStatus>;
  private readonly child: ChildProcess;
  private out = "";
  private err = "";
  private status: ExitStatus | undefined;

  constructor(env: Record<string, string>, args: readonly string[] = []) {
    this.child = spawn(process.execPath, [...startFlags(), join(projectRoot(), "dist", "src", "main.js"), ...args], {
      cwd: projectRoot(),
      env: processEnv(env),
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (this.out += chunk));
    this.child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (this.err += chunk));
    this.exited = new Promise((resolve) => {
      // "close" rather than "exit": by then stdout and stderr have been read to the end.
      this.child.once("close", (code, signal) => {
        this.status = { code, signal };
        resolve(this.status);
      });
      this.child.once("error", (error) => {
        this.err += `${error.message}\n`;
        this.status = { code: null, signal: null };
        resolve(this.status);
      });
    });
    started.add(this);
  }

  get stdout(): string {
    return this.out;
  }

  get stderr(): string {
    return this.err;
  }

  /** Whether the process has ended. */
  get hasExited(): boolean {
    return this.status !== undefined;
  }

  /** Both streams, labelled, for failure messages. */
  output(): string {
    return `--- bot process ${this.child.pid} stdout ---\n${this.out}--- stderr ---\n${this.err}`;
  }

  /** Resolves once the process has ended by itself; fails with its output after `timeoutMs`. */
  async waitForExit(timeoutMs = STOP_TIMEOUT_MS): Promise<ExitStatus> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`The bot process did not exit within ${timeoutMs} ms.\n${this.output()}`)), timeoutMs);
    });
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Sends `signal` (SIGTERM by default, as a service manager does) and resolves with the exit
   * code. A process that does not stop in time is killed and the call fails.
   */
  async stop(signal: NodeJS.Signals = "SIGTERM"): Promise<number | null> {
    if (!this.hasExited) this.child.kill(signal);
    try {
      return (await this.waitForExit()).code;
    } catch (error) {
      await this.kill();
      throw error;
    }
  }

  /** Kills the process outright (SIGKILL), as a crash or power loss would. */
  async kill(): Promise<void> {
    if (!this.hasExited) this.child.kill("SIGKILL");
    await this.exited;
  }
}

/** Starts the bot process with exactly this configuration (see CONFIG_VARIABLES for the rest). */
export function spawnBot(env: Record<string, string>): BotProcess {
  return new BotProcess(env);
}

/** How a command of the bot ended, with what it wrote. */
export interface CommandResult extends ExitStatus {
  stdout: string;
  stderr: string;
}

/**
 * Runs one command of the bot (`args`, e.g. `["seed", "--demo"]`) with exactly this
 * configuration, as spawnBot does, and resolves once it has ended by itself. A command still
 * running after `timeoutMs` is killed and the call fails with its output.
 */
export async function runBotCommand(
  args: readonly string[],
  env: Record<string, string>,
  timeoutMs = COMMAND_TIMEOUT_MS,
): Promise<CommandResult> {
  const command = new BotProcess(env, args);
  try {
    const status = await command.waitForExit(timeoutMs);
    return { ...status, stdout: command.stdout, stderr: command.stderr };
  } catch (error) {
    await command.kill();
    throw error;
  }
}

/**
 * Starts the bot against the emulator and resolves once it is long polling, i.e. it has done
 * its start-up calls and waits for updates. Fails with the process output if it exits instead.
 * The emulator needs a token the configuration accepts (its short default is not one).
 */
export async function startBot(em: BotApiEmulator, env: BotEnv): Promise<BotProcess> {
  const pollsBefore = em.polls.length;
  const bot = spawnBot({ BOT_TOKEN: em.token, TELEGRAM_API_ROOT: em.apiRoot, ...env });
  const deadline = Date.now() + START_TIMEOUT_MS;
  // A poll counts only if this process made it: after a kill, the emulator may briefly still
  // hold the previous process's poll. A newer poll always replaces an older pending one.
  while (!(em.polls.length > pollsBefore && em.isPolling)) {
    if (bot.hasExited) throw new Error(`The bot process exited during start-up.\n${bot.output()}`);
    if (Date.now() > deadline) {
      await bot.kill();
      throw new Error(`The bot process was not polling after ${START_TIMEOUT_MS} ms.\n${bot.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return bot;
}

/** A TCP port on 127.0.0.1 that is free now, for a bot process's HTTP server. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** What a bot process in webhook mode listens on, and the secret Telegram sends it. */
export interface WebhookEndpoint {
  /** The bot's own address, e.g. http://127.0.0.1:PORT. */
  origin: string;
  /** Where Telegram posts updates. */
  url: string;
  secret: string;
  /** The configuration that makes a bot process serve this webhook. */
  env: Record<string, string>;
}

/** A webhook on a free port: the bot serves it, and the emulator posts to it once it is set. */
export async function webhookEndpoint(): Promise<WebhookEndpoint> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const url = `${origin}/telegram`;
  const secret = "webhook-secret-of-the-test-suite";
  return { origin, url, secret, env: { BOT_MODE: "webhook", WEBHOOK_URL: url, WEBHOOK_SECRET: secret, PORT: String(port) } };
}

/**
 * Starts the bot in webhook mode and resolves once it has set its webhook, i.e. it listens and
 * Telegram (the emulator) posts updates to it. Fails with the process output if it exits instead.
 */
export async function startWebhookBot(em: BotApiEmulator, env: BotEnv, webhook: WebhookEndpoint): Promise<BotProcess> {
  const setBefore = em.callsOf("setWebhook").length;
  const bot = spawnBot({ BOT_TOKEN: em.token, TELEGRAM_API_ROOT: em.apiRoot, ...webhook.env, ...env });
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (em.callsOf("setWebhook").length === setBefore) {
    if (bot.hasExited) throw new Error(`The bot process exited during start-up.\n${bot.output()}`);
    if (Date.now() > deadline) {
      await bot.kill();
      throw new Error(`The bot process had not set its webhook after ${START_TIMEOUT_MS} ms.\n${bot.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return bot;
}

/**
 * Registers an afterEach hook that kills every bot process the test left running and, when the
 * test failed, prints what the processes wrote, since a timeout alone rarely says why.
 */
export function cleanUpBotProcessesAfterEach(): void {
  afterEach(async (context) => {
    const failed = context.task.result?.state === "fail";
    const bots = [...started];
    started.clear();
    for (const bot of bots) {
      if (failed) console.error(bot.output());
      await bot.kill();
    }
  });
}

/** What each end-to-end test runs against: its own Bot API emulator, and its own database. */
export interface EndToEndSetup {
  em: BotApiEmulator;
  /** A fresh folder of this test's own, for what a test keeps beside the database (a clock, a backup). */
  dir: string;
  /**
   * Where the bot keeps its data: an SQLite file in `dir` that does not exist yet or, when
   * TEST_DATABASE_URL names a server, an empty PostgreSQL database. Either way the bot process
   * migrates it itself, as it does in production.
   */
  database: DatabaseConfig;
  /**
   * This test's database through a connection of the test's own, beside the bot's: to prepare
   * what the bot will find, and to read what it wrote. Opened on first use, closed after the test.
   */
  readonly db: Db;
}

/**
 * Registers the hooks of an end-to-end test file: before each test a fresh emulator, an empty
 * folder (named with `dirPrefix`) and an empty database; after it, the bot processes are
 * stopped, and only then the emulator is closed, the test's connection closed, the folder
 * removed and the database dropped. The returned object is refilled for each test.
 */
export function endToEndSetupEachTest(dirPrefix: string): EndToEndSetup {
  let db: Db | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  const setup = {
    get db(): Db {
      db ??= openDatabase(setup.database);
      return db;
    },
  } as EndToEndSetup;
  beforeEach(async () => {
    setup.em = await startBotApiEmulator({ token: TEST_TOKEN });
    setup.dir = mkdtempSync(join(tmpdir(), dirPrefix));
    if (TEST_DATABASE_URL) {
      const server = await createPostgresDatabase({ empty: true });
      setup.database = { dialect: "postgres", url: server.url };
      dropDatabase = server.drop;
    } else {
      setup.database = { dialect: "sqlite", path: join(setup.dir, "jastar.db") };
    }
  });
  afterEach(async () => {
    await setup.em.close();
    await db?.destroy();
    db = undefined;
    rmSync(setup.dir, { recursive: true, force: true });
    await dropDatabase?.();
    dropDatabase = undefined;
  });
  // Registered last so that it runs first: bots are stopped before the emulator goes away.
  cleanUpBotProcessesAfterEach();
  return setup;
}

/** The DATABASE_URL that names this configuration, as the bot process reads it. */
function databaseUrl(database: DatabaseConfig): string {
  return database.dialect === "sqlite" ? `sqlite:${database.path}` : database.url;
}

/** A bot configuration on this test's database, with `variables` besides. */
export function botEnv(setup: EndToEndSetup, variables: Record<string, string> = {}): BotEnv {
  return { DATABASE_URL: databaseUrl(setup.database), ...variables };
}

/** The database file of a test about SQLite's file itself, which the PostgreSQL run skips. */
export function sqliteFile(setup: EndToEndSetup): string {
  if (setup.database.dialect !== "sqlite") throw new Error("a test of SQLite's file runs on SQLite only");
  return setup.database.path;
}

/**
 * The rows `query` (kysely's `sql` template, written to mean the same on SQLite and on
 * PostgreSQL) reads from this test's database.
 */
export async function readDb<Row>(setup: EndToEndSetup, query: RawBuilder<Row>): Promise<Row[]> {
  return (await query.execute(setup.db)).rows;
}

// Last resort if the test worker itself is torn down (e.g. by a timeout) before afterEach ran.
process.once("exit", () => {
  for (const bot of started) if (!bot.hasExited) bot.kill().catch(() => undefined);
});
