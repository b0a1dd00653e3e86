import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { it } from "vitest";
import { openDatabase } from "../../src/db/database.js";
import { migrateToLatest } from "../../src/db/migrate.js";
import { projectRoot } from "../../src/paths.js";

/**
 * The PostgreSQL server the suite runs on instead of SQLite files, when `TEST_DATABASE_URL`
 * names one (`postgres://USER@HOST:PORT/DATABASE`, a user that may create databases).
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

/** The URL of another database on the same server. */
function urlOf(database: string): string {
  const url = new URL(TEST_DATABASE_URL!);
  url.pathname = `/${database}`;
  return url.toString();
}

let admin: pg.Pool | undefined;
function server(): pg.Pool {
  admin ??= new pg.Pool({ connectionString: TEST_DATABASE_URL, max: 2 });
  return admin;
}

/**
 * A database with every migration applied, which each test's database copies: copying a
 * template is much cheaper than migrating anew. Named after the migrations' contents and the
 * dialect's code, so that a change to either makes a new one; the first test process to need it builds it, under an
 * advisory lock that the others wait on.
 */
let template: Promise<string> | undefined;
function migratedTemplate(): Promise<string> {
  template ??= (async () => {
    const root = projectRoot();
    const folder = join(root, "migrations");
    const hash = createHash("sha256");
    for (const file of readdirSync(folder).sort()) hash.update(file).update(readFileSync(join(folder, file)));
    // How the schema is compiled for PostgreSQL counts too.
    hash.update(readFileSync(join(root, "src", "db", "database.ts")));
    const name = `jastar_template_${hash.digest("hex").slice(0, 16)}`;
    const client = await server().connect();
    try {
      await client.query("select pg_advisory_lock(hashtext('jastar test template'))");
      const found = await client.query("select 1 from pg_database where datname = $1", [name]);
      if (found.rowCount === 0) {
        const building = `${name}_building`;
        await client.query(`drop database if exists ${building}`);
        await client.query(`create database ${building}`);
        const db = openDatabase({ dialect: "postgres", url: urlOf(building) });
        await migrateToLatest(db);
        await db.destroy();
        await client.query(`alter database ${building} rename to ${name}`);
      }
      await client.query("select pg_advisory_unlock(hashtext('jastar test template'))");
    } finally {
      client.release();
    }
    return name;
  })();
  return template;
}

let created = 0;

/** A new database, copied from the migrated template unless it is to start `empty`; `drop` removes it. */
export async function createPostgresDatabase(options: { empty?: boolean } = {}): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `jastar_test_${process.pid}_${++created}_${Date.now().toString(36)}`;
  const template = options.empty ? "template0" : await migratedTemplate();
  await server().query(`create database ${name} template ${template}`);
  return { url: urlOf(name), drop: async () => void (await server().query(`drop database if exists ${name} with (force)`)) };
}

/** A test of what only PostgreSQL does (its advisory locks); the SQLite run skips it. */
export const itOnPostgres = TEST_DATABASE_URL ? it : it.skip;
