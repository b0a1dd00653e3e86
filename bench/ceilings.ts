import { conversations, createConversation, type Conversation, type ConversationFlavor } from "@grammyjs/conversations";
import SQLite from "better-sqlite3";
import { Bot, Context } from "grammy";
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

/**
 * The conversations plugin walking a conversation of `steps` steps that does no work besides
 * answering each, its state kept in a SQLite key-value table (a file in `dir`).
 */
export async function bareConversation(
  telegram: InProcessTelegram,
  people: { count: number; firstId: number },
  steps: number,
  path: string,
): Promise<CeilingFigures> {
  const sqlite = new SQLite(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.exec("CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
  const get = sqlite.prepare<[string], { value: string }>("SELECT value FROM kv WHERE key = ?");
  const put = sqlite.prepare("INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  const drop = sqlite.prepare("DELETE FROM kv WHERE key = ?");

  const bot = new Bot<WalkContext>(TOKEN, { botInfo: botInfoOf(123456), client: { fetch: telegram.fetch as never } });
  bot.use(
    conversations<WalkContext, Context>({
      storage: {
        type: "key",
        adapter: {
          read: (key) => {
            const row = get.get(key);
            return row ? (JSON.parse(row.value) as never) : undefined;
          },
          write: (key, state) => void put.run(key, JSON.stringify(state)),
          delete: (key) => void drop.run(key),
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
    sqlite.close();
  }
}
