import { conversations, createConversation, type Conversation, type ConversationFlavor } from "@grammyjs/conversations";
import SQLite from "better-sqlite3";
import { Bot, Context } from "grammy";
import pg from "pg";
import { botInfoOf, messageUpdate, textContent, type EmulatedUser } from "../src/emulator/updates.js";
import { percentile } from "./stats.js";
import type { InProcessTelegram } from "./telegram.js";

/** What a ceiling measured: the most a bare bot does with the same people and the same steps. */
export interface CeilingFigures {
  updates_per_s: number;
  p50_ms: number;
  p99_ms: number;
}

const TOKEN = "123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

/** Every person sends `steps` messages, each after the answer to the one before, all at once. */
async function drive<C extends Context>(bot: Bot<C>, people: { count: number; firstId: number }, steps: number): Promise<CeilingFigures> {
  const timings: number[] = [];
  const walk = async (n: number) => {
    const user: EmulatedUser = { id: people.firstId + n, first_name: "Айгерим" };
    for (let i = 0; i < steps; i++) {
      const start = performance.now();
      await bot.handleUpdate(messageUpdate(user, textContent(String(i))));
      timings.push(performance.now() - start);
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: people.count }, (_, n) => walk(n)));
  const wallMs = performance.now() - start;
  return { updates_per_s: (timings.length / wallMs) * 1000, p50_ms: percentile(timings, 50), p99_ms: percentile(timings, 99) };
}

/** A grammY bot that answers each update with one message, and nothing else. */
export async function bareGrammy(telegram: InProcessTelegram, people: { count: number; firstId: number }, steps: number): Promise<CeilingFigures> {
  const bot = new Bot(TOKEN, { botInfo: botInfoOf(123456), client: { fetch: telegram.fetch as never } });
  bot.on("message", (ctx) => ctx.reply("ok"));
  return drive(bot, people, steps);
}

type WalkContext = Context & ConversationFlavor<Context>;

/** Where the bare conversation keeps its state: one table of keys and JSON values. */
export interface KeyValueTable {
  read(key: string): Promise<string | undefined> | string | undefined;
  write(key: string, value: string): Promise<void> | void;
  delete(key: string): Promise<void> | void;
  close(): Promise<void>;
}

/** The table in an SQLite file at `path`, set up as the bot's own file is. */
export function sqliteKeyValue(path: string): KeyValueTable {
  const sqlite = new SQLite(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.exec("CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
  const get = sqlite.prepare<[string], { value: string }>("SELECT value FROM kv WHERE key = ?");
  const put = sqlite.prepare("INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  const drop = sqlite.prepare("DELETE FROM kv WHERE key = ?");
  return {
    read: (key) => get.get(key)?.value,
    write: (key, value) => void put.run(key, value),
    delete: (key) => void drop.run(key),
    close: async () => void sqlite.close(),
  };
}

/** The table in the PostgreSQL database at `url`, through a pool as large as the bot's. */
export async function postgresKeyValue(url: string): Promise<KeyValueTable> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  await pool.query("CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
  return {
    read: async (key) => (await pool.query<{ value: string }>("SELECT value FROM kv WHERE key = $1", [key])).rows[0]?.value,
    write: async (key, value) => void (await pool.query("INSERT INTO kv (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [key, value])),
    delete: async (key) => void (await pool.query("DELETE FROM kv WHERE key = $1", [key])),
    close: () => pool.end(),
  };
}

/**
 * The conversations plugin walking a conversation of `steps` steps that does no work besides
 * answering each, its state kept in `table`, which is closed at the end.
 */
export async function bareConversation(
  telegram: InProcessTelegram,
  people: { count: number; firstId: number },
  steps: number,
  table: KeyValueTable,
): Promise<CeilingFigures> {
  const bot = new Bot<WalkContext>(TOKEN, { botInfo: botInfoOf(123456), client: { fetch: telegram.fetch as never } });
  bot.use(
    conversations<WalkContext, Context>({
      storage: {
        type: "key",
        adapter: {
          // better-sqlite3 answers at once, as it does for the bot: only PostgreSQL's answer is awaited.
          read: (key) => {
            const parse = (value: string | undefined) => (value === undefined ? undefined : (JSON.parse(value) as never));
            const value = table.read(key);
            return value instanceof Promise ? value.then(parse) : parse(value);
          },
          write: (key, state) => table.write(key, JSON.stringify(state)),
          delete: (key) => table.delete(key),
        },
      },
    }),
  );
  const walk = async (conversation: Conversation<WalkContext, Context>, ctx: Context) => {
    for (let i = 1; i < steps; i++) {
      await ctx.reply("ok");
      ctx = await conversation.wait();
    }
    await ctx.reply("ok");
  };
  bot.use(createConversation(walk, "walk"));
  bot.on("message", (ctx) => ctx.conversation.enter("walk"));
  try {
    return await drive(bot, people, steps);
  } finally {
    await table.close();
  }
}
