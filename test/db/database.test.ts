import { createHook } from "node:async_hooks";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { once } from "node:events";
import { sql } from "kysely";
import SQLite from "better-sqlite3";
import { afterEach, describe, expect, it, vi } from "vitest";
import { openDatabase } from "../../src/db/database.js";
import { projectRoot } from "../../src/paths.js";
import { insertCenter } from "../support/fixtures.js";
import { createTestDb, type TestDb } from "../support/harness.js";

/**
 * A second process on the same file, as a second bot or `npm run seed` would be: on "write" it
 * changes the center's phone (waiting for the lock as long as its busy timeout allows) and
 * answers "written".
 */
const SECOND_PROCESS = `
const Database = require("better-sqlite3");
const db = new Database(process.argv[1], { timeout: 5000 });
process.on("message", () => {
  db.prepare("update centers set phone = '+7 727 000 00 02' where id = 'almaly-1'").run();
  process.send("written");
});
process.send("ready");
`;

let store: TestDb | undefined;
let second: ChildProcess | undefined;
afterEach(async () => {
  second?.kill();
  second = undefined;
  await store?.cleanup();
  store = undefined;
});

async function startSecondProcess(path: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["-e", SECOND_PROCESS, path], { cwd: projectRoot(), stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const [message] = (await once(child, "message")) as [string];
  expect(message).toBe("ready");
  return child;
}

describe("two processes on one database file", () => {
  it("a transaction that reads before it writes waits for the other's write instead of failing", async () => {
    store = await createTestDb();
    const { db } = store;
    await insertCenter(db, { id: "almaly-1" });
    second = await startSecondProcess(store.path);
    const written = once(second, "message");

    const result = await db.transaction().execute(async (trx) => {
      const center = await trx.selectFrom("centers").select("phone").where("id", "=", "almaly-1").executeTakeFirstOrThrow();
      // The other process commits now if it can; if it waits for this transaction, it does so
      // until the end of it.
      second!.send("write");
      await Promise.race([written, new Promise((resolve) => setTimeout(resolve, 300))]);
      await trx.updateTable("centers").set({ hours_ru: "Пн–Пт 09:00–18:00" }).where("id", "=", "almaly-1").execute();
      return center.phone;
    });

    await written;
    // Both writes are there: neither failed, neither was lost.
    expect(result).not.toBe("+7 727 000 00 02");
    const center = await db.selectFrom("centers").select(["phone", "hours_ru"]).where("id", "=", "almaly-1").executeTakeFirstOrThrow();
    expect(center).toEqual({ phone: "+7 727 000 00 02", hours_ru: "Пн–Пт 09:00–18:00" });
  });
});

describe("a database file created fresh", () => {
  it("is in WAL mode and syncs the disk only at checkpoints from the start, before its first write", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jastar-fresh-"));
    const db = openDatabase({ dialect: "sqlite", path: join(dir, "jastar.db") });
    try {
      const pragma = async (name: "journal_mode" | "synchronous") =>
        (await sql<Record<string, string | number>>`pragma ${sql.raw(name)}`.execute(db)).rows[0]![name];
      expect(await pragma("journal_mode")).toBe("wal");
      // 1 is NORMAL. A fresh file's connection would otherwise keep SQLite's default, FULL (2),
      // which syncs the disk at every commit, until its first write.
      expect(await pragma("synchronous")).toBe(1);
    } finally {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("statements", () => {
  it("are prepared once and reused, however often they run", async () => {
    const prepare = vi.spyOn(SQLite.prototype, "prepare");
    try {
      store = await createTestDb();
      const { db } = store;
      const query = (id: string) => db.selectFrom("centers").select("id").where("id", "=", id);
      const prepared = () => prepare.mock.calls.filter(([sql]) => sql === query("").compile().sql).length;
      const before = prepared();
      for (let i = 0; i < 5; i++) await query(`c-${i}`).execute();
      expect(prepared() - before).toBe(1);
    } finally {
      prepare.mockRestore();
    }
  });
});

describe("statements waiting for the connection", () => {
  it("run after the transaction holding it, each woken once, so that a longer queue costs no more per statement", async () => {
    store = await createTestDb();
    const { db } = store;
    await insertCenter(db, { id: "almaly-1" });
    /** Promises made while `waiting` reads queue up behind a transaction, per read. */
    const promisesPerRead = async (waiting: number, hours: string) => {
      let promises = 0;
      const hook = createHook({
        init: (_id, type) => {
          if (type === "PROMISE") promises++;
        },
      });
      let reads: Promise<{ hours_ru: string }[]> = Promise.resolve([]);
      await db.transaction().execute(async (trx) => {
        hook.enable();
        reads = Promise.all(
          Array.from({ length: waiting }, () => db.selectFrom("centers").select("hours_ru").where("id", "=", "almaly-1").executeTakeFirstOrThrow()),
        );
        await new Promise((resolve) => setTimeout(resolve, 20));
        await trx.updateTable("centers").set({ hours_ru: hours }).where("id", "=", "almaly-1").execute();
      });
      const seen = await reads;
      hook.disable();
      // Every read waited for the transaction's end: none ran inside it, none saw it half done.
      expect(seen.map((r) => r.hours_ru)).toEqual(Array.from({ length: waiting }, () => hours));
      return promises / waiting;
    };
    const fewWaiting = await promisesPerRead(10, "Пн–Пт 09:00–18:00");
    const manyWaiting = await promisesPerRead(400, "Пн–Сб 10:00–19:00");
    expect(manyWaiting).toBeLessThan(2 * fewWaiting);
  });
});
