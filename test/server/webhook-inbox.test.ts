import { hostname } from "node:os";
import { Bot } from "grammy";
import type { Update } from "grammy/types";
import { AliasNode, SelectQueryNode, sql, TableNode, type RootOperationNode } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AppContext } from "../../src/bot/context.js";
import { handledUpdateNotes, UpdateTracker } from "../../src/bot/polling.js";
import { openDatabase, type Db } from "../../src/db/database.js";
import { findUser } from "../../src/db/users.js";
import { createLogger } from "../../src/logger.js";
import { WebhookInbox, type WebhookInboxOptions } from "../../src/server/webhook.js";
import { TestClock } from "../support/clock.js";
import { BOT_INFO, createHarness, createTestDb, TEST_TOKEN, type Harness, type TestDb } from "../support/harness.js";
import { callbackUpdate, textUpdate, type TestUser } from "../support/updates.js";

const NOW = "2026-11-23T04:00:00Z";
const logger = createLogger("silent");

let store: TestDb;
/** A second connection to the same database: the other instance's own. */
let other: Db;
let clock: TestClock;
const inboxes: WebhookInbox[] = [];
beforeEach(async () => {
  store = await createTestDb();
  // SQLite's driver waits for a lock synchronously: two connections in one process would wait on
  // each other for ever. Two processes, which is what this stands for, each wait for the other.
  other = store.config.dialect === "postgres" ? openDatabase(store.config) : store.db;
  clock = new TestClock(NOW);
});
afterEach(async () => {
  for (const inbox of inboxes.splice(0)) await inbox.stop();
  if (other !== store.db) await other.destroy();
  await store.cleanup();
});

/** A gate an update's handler waits at until the test opens it. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/**
 * An instance of the bot as far as the inbox sees it: a bot that notes when it starts and ends
 * each update (waiting at the update's gate, if it has one), on its own connection.
 */
function instance(name: string, db: Db, log: string[], gates = new Map<number, Promise<void>>(), options: WebhookInboxOptions = {}): WebhookInbox {
  const bot = new Bot<AppContext>(TEST_TOKEN, { botInfo: BOT_INFO });
  bot.use(async (ctx) => {
    const id = ctx.update.update_id;
    log.push(`${name} starts ${id}`);
    await gates.get(id);
    log.push(`${name} ends ${id}`);
  });
  const deps = { db, clock, logger };
  const inbox = new WebhookInbox(bot, new UpdateTracker(handledUpdateNotes(deps)), deps, options);
  inboxes.push(inbox);
  return inbox;
}

const count = async (table: "received_updates" | "chat_turns" | "handled_updates") =>
  Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(store.db)).rows[0]!.n);

/** Resolves once every update received is handled and every turn let go. */
async function settled(): Promise<void> {
  const deadline = Date.now() + 10_000;
  while ((await count("received_updates")) > 0 || (await count("chat_turns")) > 0) {
    if (Date.now() > deadline) throw new Error("updates still waiting");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Waits until `log` has `entry`. */
async function logged(log: string[], entry: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!log.includes(entry)) {
    if (Date.now() > deadline) throw new Error(`never logged: ${entry}; log: ${log.join(", ")}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

const aliya: TestUser = { id: 750001, first_name: "Алия", language_code: "ru" };
const daniyar: TestUser = { id: 750002, first_name: "Данияр", language_code: "ru" };

describe("two instances behind one webhook", () => {
  it("handle one chat's updates one at a time, in order, whichever instance got each, and other chats side by side", async () => {
    const log: string[] = [];
    const first = textUpdate(aliya, "one");
    const second = textUpdate(aliya, "two");
    const third = textUpdate(aliya, "three");
    const elsewhere = textUpdate(daniyar, "hello");
    const slow = gate();
    const a = instance("A", store.db, log, new Map([[first.update_id, slow.opened]]));
    const b = instance("B", other, log);

    await a.receive(first);
    await logged(log, `A starts ${first.update_id}`);
    // Aliya's next updates reach the other instance while the first is still being handled.
    await b.receive(second);
    await b.receive(third);
    await b.receive(elsewhere);
    await logged(log, `B ends ${elsewhere.update_id}`);
    expect(log).toEqual([`A starts ${first.update_id}`, `B starts ${elsewhere.update_id}`, `B ends ${elsewhere.update_id}`]);

    slow.open();
    await settled();
    // The holder of Aliya's turn handled what came meanwhile, in order, after the first.
    expect(log.slice(3)).toEqual([
      `A ends ${first.update_id}`,
      `A starts ${second.update_id}`,
      `A ends ${second.update_id}`,
      `A starts ${third.update_id}`,
      `A ends ${third.update_id}`,
    ]);
    expect(await count("handled_updates")).toBe(4);
  });

  it("strand no update stored by one instance just as the other, having read the chat's last, lets its turn go", async () => {
    const log: string[] = [];
    const first = textUpdate(aliya, "one");
    const second = textUpdate(aliya, "two");
    // Between A's last read of Aliya's updates (finding none) and its letting the turn go, B
    // stores her next one and finds the turn still taken: it has looked at who holds it. B has
    // a connection of its own even on SQLite: it writes while A's connection waits for this.
    const found = gate();
    const own = openDatabase(store.config);
    const b = instance("B", afterQuery(own, (node) => isReadOf(node, "chat_turns"), async () => found.open()), log);
    let armed = true;
    const lastRead = (node: RootOperationNode, rows: unknown[]) => armed && isReadOf(node, "received_updates") && rows.length === 0;
    const a = instance(
      "A",
      afterQuery(store.db, lastRead, async () => {
        armed = false;
        await b.receive(second);
        await found.opened;
        log.push(`B stored ${second.update_id}`);
      }),
      log,
    );

    await a.receive(first);
    await settled();
    await own.destroy();
    // Handled by A, which looked once more after letting the turn go: no sweep ran.
    expect(log).toEqual([`A starts ${first.update_id}`, `A ends ${first.update_id}`, `B stored ${second.update_id}`, `A starts ${second.update_id}`, `A ends ${second.update_id}`]);
  });

  it("take over a chat whose holder's turn expired, or whose holder on this machine is gone, and leave a live one's alone", async () => {
    const log: string[] = [];
    const elsewhere = "db-2.example.org:4242:0badf00d";
    const dead = `${hostname()}:999999:deadbeef`;
    const a = instance("A", store.db, log, undefined, { processExists: (pid) => pid !== 999_999 });
    const expiresAt = new Date(Date.parse(NOW) + 30_000).toISOString();
    await store.db
      .insertInto("chat_turns")
      .values([
        { chat_key: String(aliya.id), holder: elsewhere, expires_at: expiresAt },
        { chat_key: String(daniyar.id), holder: dead, expires_at: expiresAt },
      ])
      .execute();
    const hers = textUpdate(aliya, "one");
    const his = textUpdate(daniyar, "one");

    // The holder on this machine whose process no longer runs gives its chat up at once; the
    // other machine's holder, whose process cannot be seen from here, keeps its turn.
    await a.receive(hers);
    await a.receive(his);
    await logged(log, `A ends ${his.update_id}`);
    expect(await a.sweep()).toBe(0);
    expect(log).toEqual([`A starts ${his.update_id}`, `A ends ${his.update_id}`]);

    // Until its hold expires: then the sweep takes the chat.
    clock.advance(30_000);
    expect(await a.sweep()).toBe(1);
    await settled();
    expect(log.slice(2)).toEqual([`A starts ${hers.update_id}`, `A ends ${hers.update_id}`]);
  });

  it("handle an update posted again, to either instance, during its handling or after it, only once", async () => {
    const log: string[] = [];
    const update = textUpdate(aliya, "one");
    const slow = gate();
    const a = instance("A", store.db, log, new Map([[update.update_id, slow.opened]]));
    const b = instance("B", other, log);

    await Promise.all([a.receive(update), b.receive(update)]);
    await logged(log, `A starts ${update.update_id}`);
    await b.receive(update);
    slow.open();
    await settled();
    await Promise.all([a.receive(update), b.receive(update)]);
    await settled();

    expect(log.filter((entry) => entry.includes("starts"))).toHaveLength(1);
    expect(await count("handled_updates")).toBe(1);
  });

  it("hand a chat over to the other instance at a stop, which takes it up at its sweep", async () => {
    const log: string[] = [];
    const first = textUpdate(aliya, "one");
    const second = textUpdate(aliya, "two");
    const slow = gate();
    const a = instance("A", store.db, log, new Map([[first.update_id, slow.opened]]));
    const b = instance("B", other, log);
    await a.receive(first);
    await logged(log, `A starts ${first.update_id}`);
    await b.receive(second);

    const stopped = a.stop();
    slow.open();
    await stopped;
    // A finished what it had begun and let the turn go; the rest waits for B.
    expect(await count("chat_turns")).toBe(0);
    expect(await b.sweep()).toBe(1);
    await settled();
    expect(log).toEqual([`A starts ${first.update_id}`, `A ends ${first.update_id}`, `B starts ${second.update_id}`, `B ends ${second.update_id}`]);
  });
});

describe("a sign-up typed ahead, its updates sprayed across two instances of the real bot", () => {
  let hA: Harness;
  let hB: Harness;
  beforeEach(async () => {
    hA = await createHarness({ store, now: NOW });
    hB = await createHarness({ store: { ...store, db: other }, now: NOW });
  });

  it("runs every step once, in order, and signs the person up", async () => {
    const inboxOf = (h: Harness) => {
      const deps = { db: h.db, clock: h.clock, logger };
      const inbox = new WebhookInbox(h.bot, new UpdateTracker(handledUpdateNotes(deps)), deps);
      inboxes.push(inbox);
      return inbox;
    };
    const [a, b] = [inboxOf(hA), inboxOf(hB)];
    const dana: TestUser = { id: 750101, first_name: "Дана", language_code: "ru" };
    const press = (data: string) => callbackUpdate(dana, data);
    const steps: Update[] = [
      textUpdate(dana, "/start"),
      press("su-lang:ru"),
      press("su-start:go"),
      press("su-consent:yes"),
      textUpdate(dana, "Дана"),
      textUpdate(dana, "20"),
      press("su-district:medeu"),
      textUpdate(dana, hA.i18n.t("ru", "button-skip")),
      press("su-occupation:study"),
    ];
    // Posted as fast as Telegram would, each to either instance, none waiting for the last.
    for (const [i, update] of steps.entries()) await (i % 2 === 0 ? a : b).receive(update);
    await settled();

    expect(await findUser(store.db, dana.id)).toMatchObject({ name: "Дана", age: 20, district: "medeu", occupation: "study", language: "ru" });
    const said = [...hA.calls, ...hB.calls].filter((c) => c.method === "sendMessage").map((c) => String(c.payload.text));
    expect(said.filter((text) => text === hA.i18n.t("ru", "signup-done", { name: "Дана" }))).toHaveLength(1);
    expect(said).not.toContain(hA.i18n.t("ru", "need-button"));
  });
});

/** The database as `db`, but a statement `matches` picks runs `after` before its caller gets the result. */
function afterQuery(db: Db, matches: (node: RootOperationNode, rows: unknown[]) => boolean, after: () => Promise<void>): Db {
  const nodes = new Map<unknown, RootOperationNode>();
  return db.withPlugin({
    transformQuery: ({ node, queryId }) => {
      nodes.set(queryId, node);
      return node;
    },
    async transformResult({ result, queryId }) {
      const node = nodes.get(queryId);
      nodes.delete(queryId);
      if (node && matches(node, result.rows)) await after();
      return result;
    },
  });
}

/** Whether a query reads `table` (its first FROM item, aliased or not). */
function isReadOf(node: RootOperationNode, table: string): boolean {
  if (!SelectQueryNode.is(node)) return false;
  const from = node.from?.froms[0];
  const named = from && AliasNode.is(from) ? from.node : from;
  return named !== undefined && TableNode.is(named) && named.table.identifier.name === table;
}
