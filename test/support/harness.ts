import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BotError } from "grammy";
import type { LogConfig } from "kysely";
import type { Message, Update } from "grammy/types";
import { createBot } from "../../src/bot/index.js";
import { registeredCallbacks } from "../../src/bot/shared/callback-data.js";
import type { AppDeps } from "../../src/bot/context.js";
import { loadConfig, type Config, type DatabaseConfig } from "../../src/config.js";
import { openDatabase, type Db } from "../../src/db/database.js";
import { migrateToLatest } from "../../src/db/migrate.js";
import { createLogger, type Logger } from "../../src/logger.js";
import { isTelegramOutage } from "../../src/telegram/failures.js";
import { multipartBoundary, parseMultipart } from "../../src/emulator/multipart.js";
import { TestClock } from "./clock.js";
import { createPostgresDatabase, TEST_DATABASE_URL } from "./postgres.js";
import { botInfoOf, callbackUpdate, contactUpdate, documentUpdate, photoUpdate, stickerUpdate, textUpdate, type TestUser } from "./updates.js";

export const TEST_TOKEN = "123456:TEST-token-for-the-test-suite";
export const BOT_INFO = botInfoOf(Number(TEST_TOKEN.split(":")[0]));

export interface ApiCall {
  method: string;
  payload: Record<string, any>;
  /** The uploaded files' bytes by field (a photo to decode), beside their text in `payload`. */
  files?: Record<string, Buffer>;
}

/** How Telegram fails a call instead of handling it: an error answer, or the connection breaking. */
export type TelegramFault = { error_code: number; description?: string; retry_after?: number } | "connection reset";

interface InlineButton {
  text: string;
  callback_data?: string;
}

/**
 * A Bot API request as a plain object. grammY sends JSON, or multipart form data when a file is
 * uploaded; there the non-file fields are JSON-encoded and a file's content is kept as text, and
 * as bytes in `files`.
 */
async function readPayload(url: string | URL | Request, init?: RequestInit): Promise<Omit<ApiCall, "method">> {
  const request = new Request(url, init);
  const body = Buffer.from(await request.arrayBuffer());
  if (body.length === 0) return { payload: {} };
  const boundary = multipartBoundary(request.headers.get("content-type") ?? "");
  if (!boundary) return { payload: JSON.parse(body.toString("utf8")) };
  const { fields, files } = parseMultipart(body, boundary);
  const payload: Record<string, any> = {};
  const bytes: Record<string, Buffer> = {};
  for (const [name, value] of Object.entries(fields)) {
    const attached = /^attach:\/\/(.+)$/.exec(value);
    const file = attached ? files[attached[1]!] : undefined;
    if (file) bytes[name] = file.content;
    payload[name] = attached ? file?.content.toString("utf8") : parseField(value);
  }
  return { payload, files: bytes };
}

function parseField(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** A step's prompt once answered by a button: its text, then the label of the button pressed. */
export function recorded(prompt: string, label: string): string {
  return `${prompt}\n\n✔️ ${label}`;
}

/** Picks the calls Telegram refuses, with the error it answers. */
type Refusal = (call: ApiCall) => { error_code: number; description: string } | undefined;

export interface TestDb {
  db: Db;
  /** How to open this database again (a second process, a restart). */
  config: DatabaseConfig;
  /** The same as `DATABASE_URL` says it. */
  url: string;
  /** Where the SQLite file is, or would be when the suite runs on PostgreSQL. */
  path: string;
  /** A folder of the test's own, removed with the database. */
  dir: string;
  cleanup: () => Promise<void>;
}

/**
 * A fresh database with every migration applied (none when `empty`): an SQLite file, or a
 * database of its own on the PostgreSQL server that `TEST_DATABASE_URL` names. `log` sees every
 * statement run on it.
 */
export async function createTestDb(options: { log?: LogConfig; empty?: boolean } = {}): Promise<TestDb> {
  const dir = mkdtempSync(join(tmpdir(), "jastar-test-"));
  const path = join(dir, "jastar.db");
  const server = TEST_DATABASE_URL ? await createPostgresDatabase({ empty: options.empty }) : undefined;
  const config: DatabaseConfig = server ? { dialect: "postgres", url: server.url } : { dialect: "sqlite", path };
  const db = openDatabase(config, { log: options.log });
  if (!options.empty) await migrateToLatest(db);
  return {
    db,
    config,
    url: server?.url ?? `sqlite:${path}`,
    path,
    dir,
    async cleanup() {
      await db.destroy();
      await server?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The real bot, fed updates through `bot.handleUpdate`, with the client's `fetch` answered in
 * place of Telegram: every call is recorded and answered with a result shaped like Telegram's,
 * unless a fault was injected for it.
 */
export async function createHarness(options: { env?: Record<string, string>; now?: string; store?: TestDb; logger?: Logger } = {}) {
  // Passing the store of an earlier harness is a restart: a new bot on the same database.
  const store = options.store ?? (await createTestDb());
  const config: Config = loadConfig({
    BOT_TOKEN: TEST_TOKEN,
    DATABASE_URL: store.url,
    LOG_LEVEL: "silent",
    ...options.env,
  });
  const clock = new TestClock(options.now ?? "2026-11-23T04:00:00Z");
  const deps: AppDeps = { config, db: store.db, logger: options.logger ?? createLogger("silent"), clock };

  const calls: ApiCall[] = [];
  const sent = new Map<number, Message[]>();
  let messageId = 1000;
  /** When each message was last sent or edited: the latest is the screen the person looks at. */
  const shownAt = new Map<Message, number>();
  let shown = 0;
  /**
   * Telegram cannot edit a message it never sent in that chat (a press made up by a test), nor
   * turn a photo's caption into a message's text.
   */
  const uneditable = (method: string, p: Record<string, any>) => {
    if (!method.startsWith("edit")) return undefined;
    const message = sent.get(Number(p.chat_id))?.find((m) => m.message_id === Number(p.message_id));
    if (!message) return { error_code: 400, description: "Bad Request: message to edit not found" };
    if (method === "editMessageText" && "photo" in message) return { error_code: 400, description: "Bad Request: there is no text in the message to edit" };
    return undefined;
  };
  // Telegram's side of every call, at the fetch level: conversations build their own Api
  // objects from the client options, so this is the one place that sees all calls exactly once.
  const answered = new Set<string>();
  let refusal: Refusal | undefined;
  const faults: Array<{ method: string; fault: TelegramFault; remaining: number }> = [];
  /** Calls Telegram failed, apart from `calls` (which holds what Telegram handled). */
  const failed: ApiCall[] = [];
  /** Button data that no codec reads: a keyboard made it by hand, and no handler can trust it. */
  const unread: string[] = [];
  /** Keyboards with an empty row, which Telegram is not meant to get: the call and the start of its text. */
  const emptyRows: string[] = [];
  /** Files people sent, by file id, as Telegram keeps them for the bot to download. */
  const uploads = new Map<string, Buffer>();
  const telegram = async (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const address = String(url instanceof Request ? url.url : url);
    const download = /\/file\/bot[^/]+\/documents\/(.+)$/.exec(address);
    if (download) {
      const content = uploads.get(decodeURIComponent(download[1]!));
      return content ? new Response(content) : new Response("Not Found", { status: 404 });
    }
    const method = address.split("/").pop()!;
    const { payload: p, files } = await readPayload(url, init);
    const injected = faults.find((f) => f.method === method);
    if (injected) {
      if (--injected.remaining <= 0) faults.splice(faults.indexOf(injected), 1);
      failed.push({ method, payload: p });
      if (injected.fault === "connection reset") {
        throw new TypeError("fetch failed", { cause: Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }) });
      }
      const { error_code, retry_after } = injected.fault;
      const description =
        injected.fault.description ?? (error_code === 429 ? `Too Many Requests: retry after ${retry_after ?? 1}` : "Internal Server Error");
      const body = { ok: false, error_code, description, ...(retry_after === undefined ? {} : { parameters: { retry_after } }) };
      return new Response(JSON.stringify(body), { status: error_code, headers: { "content-type": "application/json" } });
    }
    const notFound = uneditable(method, p);
    if (notFound) {
      failed.push({ method, payload: p });
      return new Response(JSON.stringify({ ok: false, ...notFound }), { status: notFound.error_code });
    }
    calls.push({ method, payload: p, ...(files ? { files } : {}) });
    const rows = (p.reply_markup?.inline_keyboard ?? p.reply_markup?.keyboard ?? []) as unknown[][];
    if (rows.some((row) => row.length === 0)) emptyRows.push(`${method} «${String(p.text ?? p.caption ?? "").slice(0, 40)}»`);
    for (const button of (p.reply_markup?.inline_keyboard?.flat() ?? []) as InlineButton[]) {
      const data = button.callback_data;
      if (data !== undefined && !registeredCallbacks().some((codec) => codec.match(data) !== null)) unread.push(data);
    }
    const refused = refusal?.({ method, payload: p });
    if (refused) return new Response(JSON.stringify({ ok: false, ...refused }), { status: refused.error_code });
    // Telegram takes one answer per callback query.
    if (method === "answerCallbackQuery") {
      if (answered.has(p.callback_query_id)) {
        const description = "Bad Request: query is too old and response timeout expired or query ID is invalid";
        return new Response(JSON.stringify({ ok: false, error_code: 400, description }), { status: 400 });
      }
      answered.add(p.callback_query_id);
    }
    let result: unknown = true;
    if (method === "getFile") {
      const content = uploads.get(String(p.file_id));
      if (!content) return new Response(JSON.stringify({ ok: false, error_code: 400, description: "Bad Request: invalid file_id" }), { status: 400 });
      result = { file_id: p.file_id, file_unique_id: `u-${p.file_id}`, file_size: content.length, file_path: `documents/${p.file_id}` };
    }
    if (method.startsWith("send")) {
      const message = {
        message_id: ++messageId,
        date: Math.floor(clock.now().getTime() / 1000),
        chat: { id: Number(p.chat_id), type: "private" },
        text: p.text ?? p.caption,
        ...(method === "sendPhoto" ? { photo: [{ file_id: `photo-${messageId}`, file_unique_id: `p${messageId}`, width: 600, height: 600 }] } : {}),
        reply_markup: p.reply_markup?.inline_keyboard ? p.reply_markup : undefined,
      } as Message;
      sent.set(Number(p.chat_id), [...(sent.get(Number(p.chat_id)) ?? []), message]);
      shownAt.set(message, ++shown);
      result = message;
    }
    // An edit replaces the message's text and its keyboard (no keyboard in the call: none left).
    if (method === "editMessageText" || method === "editMessageReplyMarkup") {
      const message = sent.get(Number(p.chat_id))?.find((m) => m.message_id === Number(p.message_id));
      if (message) {
        const edited = message as { text?: string; reply_markup?: unknown };
        if (method === "editMessageText") edited.text = p.text;
        edited.reply_markup = p.reply_markup?.inline_keyboard ? p.reply_markup : undefined;
        shownAt.set(message, ++shown);
        result = message;
      }
    }
    return new Response(JSON.stringify({ ok: true, result }), { headers: { "content-type": "application/json" } });
  };
  const { bot, i18n } = createBot(deps, { botInfo: BOT_INFO, client: { fetch: telegram } });

  async function feed(update: Update): Promise<ApiCall[]> {
    const from = calls.length;
    try {
      await bot.handleUpdate(update);
    } catch (error) {
      // Telegram failing goes to the error handler, as when polling; any other error is a bug
      // the test must see.
      if (!(error instanceof BotError) || !isTelegramOutage(error.error)) throw error;
      await bot.errorHandler(error);
    }
    return calls.slice(from);
  }

  /** A conversation partner with the shortcuts a test needs. */
  function user(u: TestUser) {
    const lastWithButtons = () =>
      (sent.get(u.id) ?? []).filter((m) => m.reply_markup?.inline_keyboard).sort((a, b) => shownAt.get(b)! - shownAt.get(a)!)[0];
    const buttons = (): InlineButton[] => lastWithButtons()?.reply_markup?.inline_keyboard.flat() ?? [];
    return {
      ...u,
      send: (text: string) => feed(textUpdate(u, text)),
      sendSticker: () => feed(stickerUpdate(u)),
      sendPhoto: () => feed(photoUpdate(u)),
      /** Sends a file as a document, which the bot can then download by its file id. */
      sendDocument: (fileName: string, content: string | Buffer, mimeType = "text/csv") => {
        const fileId = `doc-${++messageId}`;
        const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
        uploads.set(fileId, bytes);
        return feed(documentUpdate(u, { file_id: fileId, file_unique_id: `u-${fileId}`, file_name: fileName, mime_type: mimeType, file_size: bytes.length }));
      },
      sendContact: (phone: string, ownerId?: number) => feed(contactUpdate(u, phone, ownerId)),
      /**
       * Presses a button by its callback data, on the latest message (sent or edited) that carries
       * it; without one, on a message of the bot's that carries just that button (sent before the
       * test began).
       */
      press: (data: string) => {
        const chat = sent.get(u.id) ?? [];
        let message = chat
          .filter((m) => m.reply_markup?.inline_keyboard.flat().some((b: any) => b.callback_data === data))
          .sort((a, b) => shownAt.get(b)! - shownAt.get(a)!)[0];
        if (!message) {
          message = {
            message_id: ++messageId,
            date: Math.floor(clock.now().getTime() / 1000),
            chat: { id: u.id, type: "private", first_name: u.first_name },
            text: "…",
            reply_markup: { inline_keyboard: [[{ text: data, callback_data: data }]] },
          };
          sent.set(u.id, [...chat, message]);
          shownAt.set(message, 0);
        }
        return feed(callbackUpdate(u, data, message));
      },
      /** Presses the button whose label matches, on the latest message (sent or edited) with a keyboard. */
      click: (label: string | RegExp) => {
        const button = buttons().find((b) => (typeof label === "string" ? b.text === label : label.test(b.text)));
        if (!button?.callback_data) {
          throw new Error(`no button ${String(label)} among: ${buttons().map((b) => b.text).join(" | ")}`);
        }
        return feed(callbackUpdate(u, button.callback_data, lastWithButtons()));
      },
      buttons,
      messages: () => sent.get(u.id) ?? [],
    };
  }

  return {
    bot,
    i18n,
    db: store.db,
    dbPath: store.path,
    clock,
    config,
    calls,
    failed,
    /** The next `times` calls of `method` fail with `fault` instead of reaching Telegram. */
    failNext(method: string, fault: TelegramFault, times = 1) {
      faults.push({ method, fault, remaining: times });
    },
    feed,
    user,
    /** From now on Telegram answers the calls `rule` picks with its error (undefined: the call goes through). */
    refuse: (rule: Refusal | undefined) => {
      refusal = rule;
    },
    /** Texts the bot sent (or edited) in a batch of calls, in order. */
    texts: (batch: ApiCall[]) =>
      batch.filter((c) => ["sendMessage", "editMessageText", "sendDocument", "sendPhoto"].includes(c.method)).map((c) => String(c.payload.text ?? c.payload.caption ?? "")),
    store,
    /** Also fails the test if the bot sent a button whose data no codec reads, or a keyboard with an empty row. */
    async cleanup() {
      await store.cleanup();
      if (unread.length > 0) throw new Error(`buttons whose data no codec reads: ${[...new Set(unread)].join(", ")}`);
      if (emptyRows.length > 0) throw new Error(`keyboards with an empty row, sent by: ${[...new Set(emptyRows)].join(", ")}`);
    },
  };
}

export type Harness = Awaited<ReturnType<typeof createHarness>>;
export type HarnessUser = ReturnType<Harness["user"]>;
