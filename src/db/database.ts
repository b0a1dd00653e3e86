import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { createRequire } from "node:module";
import SQLite from "better-sqlite3";
import {
  CompiledQuery,
  createQueryId,
  Kysely,
  PostgresDialect,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  SqliteQueryCompiler,
  type Compilable,
  type DatabaseConnection,
  type DataTypeNode,
  type LogConfig,
  type QueryCompiler,
  type SelectModifierNode,
  type SqliteDatabase,
  type SqliteDialectConfig,
} from "kysely";
import type { DatabaseConfig } from "../config.js";
import type { Database } from "./schema.js";

/** A database handle or an open transaction: a module's functions take either, so a caller can make several one. */
export type Db = Kysely<Database>;

/**
 * Runs `work` in a transaction: a new one, or the caller's when `db` is one already, so that a
 * step that is one transaction on its own can also be part of a larger one.
 */
export function transact<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/**
 * A statement that runs on every update or every card, built and compiled once per database
 * instead of at every call: kysely builds and compiles a query anew each time, which costs more
 * than SQLite takes to run one this short. `build` is given stand-ins for the values that vary,
 * each unlike the others and unlike every value fixed in the statement (an id nobody has, say);
 * wherever a stand-in went among the parameters, the call's value goes.
 */
export function compiledOnce<P extends readonly unknown[], R>(
  standIns: P,
  build: (db: Db, ...values: P) => Compilable<R>,
): (db: Db, ...values: P) => Promise<R[]> {
  const compiled = new WeakMap<Db, { query: CompiledQuery<R>; slots: number[] }>();
  return async (db, ...values) => {
    let entry = compiled.get(db);
    if (!entry) {
      const query = build(db, ...standIns).compile();
      const slots = query.parameters.map((p) => standIns.indexOf(p));
      const lost = standIns.findIndex((_, i) => !slots.includes(i));
      if (lost !== -1) throw new Error(`the stand-in ${String(standIns[lost])} is not among the statement's parameters`);
      entry = { query, slots };
      compiled.set(db, entry);
    }
    const { query, slots } = entry;
    const parameters = query.parameters.map((fixed, i) => (slots[i] === -1 ? fixed : values[slots[i]!]));
    const result = await db.executeQuery<R>({ ...query, parameters, queryId: createQueryId() });
    return result.rows;
  };
}

/**
 * Opens the database named by the configuration: an SQLite file (the embedded default) or a
 * PostgreSQL server; the rest of the code only sees `Kysely<Database>`. `log` sees every
 * statement run, with its parameters.
 */
export function openDatabase(config: DatabaseConfig, options: { log?: LogConfig } = {}): Db {
  if (config.dialect === "postgres") return openPostgres(config.url, options);
  const path = resolve(config.path);
  mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  // WAL lets readers proceed while the scheduler writes; the busy timeout covers a second process
  // (another bot, `npm run seed`): a write waits up to this long for the other's to end.
  sqlite.pragma("journal_mode = WAL");
  // SQLite's default (FULL) syncs the disk at every commit; in WAL mode NORMAL syncs only at
  // checkpoints and still never corrupts the file. A power cut may lose the last commits, a
  // crash of the process loses nothing. Set on every connection, since it is not stored in the file.
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  return new Kysely<Database>({ dialect: new AppSqliteDialect({ database: preparingOnce(sqlite) }), log: options.log });
}

/** Connections one process keeps open to PostgreSQL: the bot's updates, the scheduler and the outbox side by side. */
const POOL_SIZE = 10;

function openPostgres(url: string, options: { log?: LogConfig }): Db {
  // Loaded only here: a bot on SQLite never needs the PostgreSQL client, nor the memory it holds.
  const pg = createRequire(import.meta.url)("pg") as typeof import("pg");
  // Numbers come back as numbers, as they do from SQLite: Telegram's ids are `bigint` columns and
  // `count(*)` is a `bigint`, which pg would return as strings; both stay far below 2^53. An
  // average is `numeric`. Timestamps are text on both, so no date is parsed.
  pg.types.setTypeParser(pg.types.builtins.INT8, Number);
  pg.types.setTypeParser(pg.types.builtins.NUMERIC, Number);
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE });
  // An idle connection the server dropped (a restart, a failover) is left out of the pool; the
  // next query opens another. Unheard, the pool's error would stop the process.
  pool.on("error", () => undefined);
  return new Kysely<Database>({ dialect: new AppPostgresDialect({ pool }), log: options.log });
}

/**
 * kysely's PostgreSQL dialect, where a column declared `integer` is a `bigint`: SQLite's
 * integers are 64-bit, and an id read from a button, however large, must compare with a column
 * as it does there rather than fail as out of range.
 */
class AppPostgresDialect extends PostgresDialect {
  override createQueryCompiler(): QueryCompiler {
    return new (class extends PostgresQueryCompiler {
      protected override visitDataType(node: DataTypeNode): void {
        if (node.dataType === "integer") this.append("bigint");
        else super.visitDataType(node);
      }
    })();
  }
}

/** Distinct statements kept prepared; past this many the memory starts afresh. */
const PREPARED_STATEMENTS = 500;

/**
 * The database as kysely's driver sees it, preparing each distinct statement once. The driver
 * prepares every statement it runs, and preparing costs as much as running most of the short
 * ones the bot makes. Reusing a statement is safe: the driver runs one statement at a time, and
 * SQLite prepares it again by itself after a change of schema.
 */
function preparingOnce(sqlite: SQLite.Database): SqliteDatabase {
  const prepared = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text) {
      let statement = prepared.get(text);
      if (!statement) {
        if (prepared.size >= PREPARED_STATEMENTS) prepared.clear();
        statement = sqlite.prepare(text);
        prepared.set(text, statement);
      }
      return statement;
    },
  };
}

/** kysely's SQLite dialect with three corrections, explained on each. */
class AppSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  /**
   * SQLite can roll back schema changes, but kysely's adapter says it cannot, and then runs
   * migrations without a transaction: a process stopped halfway through one would leave a schema
   * that no later start can migrate. Saying so makes each run of migrations all or nothing.
   */
  override createAdapter(): SqliteAdapter {
    return new (class extends SqliteAdapter {
      override get supportsTransactionalDdl(): boolean {
        return true;
      }
    })();
  }

  override createDriver(): SqliteDriver {
    return new ImmediateSqliteDriver(this.#config);
  }

  /**
   * Row locks (`forUpdate()`, `skipLocked()`) are PostgreSQL's way of keeping two connections'
   * check-then-write apart. SQLite has no such syntax and needs none: every transaction here
   * begins IMMEDIATE, holding the whole file's write lock, so the same query runs without them.
   */
  override createQueryCompiler(): QueryCompiler {
    return new (class extends SqliteQueryCompiler {
      protected override visitSelectModifier(node: SelectModifierNode): void {
        if (node.modifier && ROW_LOCKS.has(node.modifier)) return;
        super.visitSelectModifier(node);
      }
    })();
  }
}

const ROW_LOCKS = new Set(["ForUpdate", "ForShare", "ForKeyShare", "ForNoKeyUpdate", "NoWait", "SkipLocked"]);

/**
 * Begins every transaction IMMEDIATE, taking the write lock at once. A plain BEGIN reads from a
 * snapshot and asks for the lock only at its first write; if another process committed in
 * between, SQLite refuses that write at once (SQLITE_BUSY_SNAPSHOT) without waiting, since the
 * snapshot is stale. Asking first makes the transaction wait out the busy timeout instead.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  readonly #turns = new Turns();

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }

  // kysely's own lock stays in place behind this one, never contended.
  override async acquireConnection(): Promise<DatabaseConnection> {
    await this.#turns.take();
    return super.acquireConnection();
  }

  override async releaseConnection(): Promise<void> {
    await super.releaseConnection();
    this.#turns.pass();
  }
}

/**
 * The one connection handed to those waiting for it in turn, each woken once. kysely's own
 * lock wakes every waiter at each release, and all but one go back to waiting: with many
 * updates at once, each release costs as much as the whole queue.
 */
class Turns {
  #taken = false;
  readonly #waiting: (() => void)[] = [];

  async take(): Promise<void> {
    if (!this.#taken) {
      this.#taken = true;
      return;
    }
    await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }

  /** The next in line has it now; with nobody waiting it is free. */
  pass(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#taken = false;
  }
}
