import { systemClock } from "./clock.js";
import { ConfigError, loadConfig, loadDotEnv, loadStoreConfig } from "./config.js";
import { backupDatabase, defaultBackupPath } from "./db/backup.js";
import { runSeed } from "./db/seed/index.js";
import { createLogger, type Logger } from "./logger.js";
import { loggerFor, openMigrated, openStore, startBotService } from "./service.js";

/** A stop that has not finished by then ends the process anyway: a service manager waits 10 s. */
const STOP_DEADLINE_MS = 9_000;

/**
 * Start-up: config → database → migrations → bot → polling → scheduler; SIGINT/SIGTERM stop it cleanly.
 * The `migrate`, `seed` and `backup` commands stop after their own work; `sandbox` runs the bot against a
 * built-in Bot API with a web chat (see src/sandbox).
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
  if (command === "backup") {
    const store = configOrExit(loadStoreConfig);
    if (store.database.dialect !== "sqlite") {
      // PostgreSQL keeps its own consistent copies: pg_dump, as the README says.
      console.error("npm run backup copies an SQLite file; for PostgreSQL use pg_dump (see the README)");
      process.exit(2);
    }
    const backup = await backupDatabase(store.database, args[0] ?? defaultBackupPath(systemClock.now()));
    console.log(`backup written: ${backup.path} (${backup.bytes} bytes, integrity checked)`);
    return;
  }
  if (command === "sandbox") {
    // Loaded for this command alone: the bot itself never needs the sandbox or its QR reader.
    const { parseSandboxArgs, startSandbox } = await import("./sandbox/index.js");
    const sandbox = await startSandbox(configOrExit(() => parseSandboxArgs(args)));
    stopOnSignals(sandbox.logger, () => sandbox.stop());
    return;
  }

  const config = configOrExit(loadConfig);
  const logger = loggerFor(config);
  const db = await openStore(config.database, logger);
  const service = await startBotService({ config, db, logger, clock: systemClock });

  stopOnSignals(logger, async () => {
    try {
      await service.stop();
    } finally {
      await db.destroy();
    }
  });
}

/** SIGINT and SIGTERM run `stop` once and end the process, or end it anyway if `stop` hangs. */
function stopOnSignals(logger: Logger, stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping");
    setTimeout(() => {
      logger.error("stopping took too long; exiting");
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    await stop();
    logger.info("stopped");
    process.exit(0);
  };
  process.once("SIGINT", () => void onSignal("SIGINT"));
  process.once("SIGTERM", () => void onSignal("SIGTERM"));
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

main(process.argv[2], process.argv.slice(3)).catch((err: unknown) => {
  console.error(err instanceof Error ? `Start-up failed: ${err.message}` : err);
  process.exit(1);
});
