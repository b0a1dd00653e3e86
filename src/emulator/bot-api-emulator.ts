import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type {
  BotCommand,
  Chat,
  ForceReply,
  InlineKeyboardButton,
  InlineKeyboardMarkup,
  KeyboardButton,
  Message,
  MessageEntity,
  PhotoSize,
  ReplyKeyboardMarkup,
  ReplyKeyboardRemove,
  Update,
  User,
  UserFromGetMe,
} from "grammy/types";
import {
  botInfoOf,
  callbackUpdate,
  contactContent,
  locationContent,
  messageUpdate,
  photoContent,
  privateChatOf,
  stickerContent,
  textContent,
  type MessageContent,
  type EmulatedUser,
} from "./updates.js";
import { multipartBoundary, parseMultipart, type UploadedFile } from "./multipart.js";

export type { EmulatedUser };

/** A file uploaded with multipart/form-data. */
export interface RecordedFile {
  filename: string;
  content: Buffer;
  contentType?: string;
}

/** The JSON body of a failed Bot API call. */
export interface ApiErrorBody {
  ok: false;
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

/** One Bot API request as received by the emulator. */
export interface RecordedCall {
  method: string;
  /** Parameters with form-encoded values decoded (numbers, booleans and JSON objects become values). */
  params: Record<string, unknown>;
  /**
   * Uploaded files. A file referenced from a parameter as `attach://<part>` is keyed by that
   * parameter's name (e.g. `files.document`), any other file by its part name.
   */
  files: Record<string, RecordedFile>;
  /** `Date.now()` when the request arrived. */
  at: number;
  /** The `result` the emulator answered with, when the call succeeded. */
  result?: unknown;
  /** The error the emulator answered with, when the call failed. */
  error?: ApiErrorBody;
  /** Set when the call got no answer: it hung, or its connection was dropped (see `dropNext`). */
  dropped?: Drop;
}

/** How `dropNext` leaves a call unanswered: held open until the emulator closes, or cut off. */
export type Drop = "hang" | "reset";

/** What `failNext` should answer with. `description` defaults to Telegram's wording for the code. */
export interface InjectedFailure {
  error_code: number;
  description?: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

/** Any markup a bot can attach to a message. */
export type AnyReplyMarkup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | ForceReply;

/**
 * A message of the bot as it currently looks in the chat: edits applied, `deleted` set once
 * deleted, and `reply_markup` being whatever markup was sent (reply keyboards included, which
 * Telegram itself never echoes back).
 */
export interface SentMessage extends Omit<Message, "reply_markup"> {
  reply_markup?: AnyReplyMarkup;
  deleted: boolean;
}

/** A button of an inline or reply keyboard, flattened. */
export interface ButtonInfo {
  text: string;
  callback_data?: string;
  url?: string;
  request_contact?: boolean;
  request_location?: boolean;
}

/** Options of `startBotApiEmulator`. */
export interface BotApiEmulatorOptions {
  /** Bot token; its numeric prefix becomes the bot's user id. Default "123456:TEST". */
  token?: string;
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** The time messages are dated with; the system clock by default. */
  now?: () => Date;
  /**
   * Telegram's limit on messages a bot sends, over all chats: a send beyond this many within
   * one second (by `now`) is answered 429 with `retry_after`, and not carried out. No limit by default.
   */
  sendsPerSecond?: number;
}

/** A message of a chat, the user's or the bot's, as it looks now. */
export interface ChatMessage extends SentMessage {
  fromBot: boolean;
}

/** A file the bot uploaded, as a client downloads it. */
export interface DownloadedFile {
  name: string;
  mimeType: string;
  content: Buffer;
}

/** The phone number `clickButton` shares when pressing a `request_contact` button. */
export const TEST_PHONE_NUMBER = "+77011234567";
/** Where `clickButton` says the user is when pressing a `request_location` button (Almaty). */
export const TEST_LOCATION = { latitude: 43.238949, longitude: 76.889709 } as const;

const DEFAULT_TIMEOUT_MS = 5000;
const NOT_MODIFIED =
  "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";
const CONFLICT =
  "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running";

/** Methods whose successful calls put or change a bot message in a chat. */
const MESSAGE_METHODS = new Set([
  "sendMessage",
  "sendDocument",
  "sendPhoto",
  "sendLocation",
  "sendVenue",
  "copyMessage",
  "forwardMessage",
  "editMessageText",
  "editMessageReplyMarkup",
  "editMessageCaption",
]);

/** Methods that put a new message in a chat: what Telegram's limit per second counts. */
const SENDING_METHODS = new Set(["sendMessage", "sendDocument", "sendPhoto", "sendLocation", "sendVenue", "copyMessage", "forwardMessage"]);

/** Methods that deliver something to a chat and so fail with 403 once the user blocked the bot. */
const CHAT_BOUND_METHODS = new Set([...MESSAGE_METHODS, "sendChatAction"]);

/**
 * Form-encoded parameters that are strings even when they look like JSON ("123", "true", "[x]").
 * All other form values are decoded as JSON when possible, which is how Telegram reads them.
 */
const STRING_PARAMS = new Set([
  "text",
  "caption",
  "title",
  "address",
  "description",
  "short_description",
  "name",
  "data",
  "url",
  "callback_query_id",
  "inline_message_id",
  "parse_mode",
  "emoji",
  "phone_number",
  "first_name",
  "last_name",
  "vcard",
  "question",
  "action",
  "language_code",
  "foursquare_id",
  "foursquare_type",
  "google_place_id",
  "google_place_type",
  "business_connection_id",
  "message_effect_id",
  "secret_token",
  "file_id",
  "custom_emoji_id",
]);

class ApiError extends Error {
  readonly body: ApiErrorBody;

  constructor(errorCode: number, description: string, parameters?: ApiErrorBody["parameters"]) {
    super(description);
    this.body = { ok: false, error_code: errorCode, description, ...(parameters ? { parameters } : {}) };
  }
}

function badRequest(reason: string): ApiError {
  return new ApiError(400, `Bad Request: ${reason}`);
}

interface StoredMessage {
  /** The message as Telegram would return it (only inline keyboards in `reply_markup`). */
  message: Message;
  fromBot: boolean;
  deleted: boolean;
  /** A reply keyboard / keyboard removal / force reply sent along with the message. */
  replyKeyboard?: ReplyKeyboardMarkup | ReplyKeyboardRemove | ForceReply;
}

interface ChatState {
  chat: Chat;
  /** User and bot messages share one id sequence in a chat, as in Telegram. */
  nextMessageId: number;
  messages: Map<number, StoredMessage>;
}

interface StoredFile {
  file_id: string;
  file_unique_id: string;
  file_size: number;
  file_name?: string;
  mime_type?: string;
  /** What the bot uploaded, kept for `downloadFile`. */
  content?: Buffer;
}

interface PendingPoll {
  res: ServerResponse;
  call: RecordedCall;
  limit: number;
  timer: NodeJS.Timeout;
}

/** One post of an update to the webhook, and how the bot answered it. */
export interface WebhookDelivery {
  update_id: number;
  /** The HTTP status of the answer, or undefined when none came (refused connection, timeout). */
  status: number | undefined;
  /** `Date.now()` when the post was sent and when its answer came. */
  sentAt: number;
  answeredAt: number;
}

/** Telegram waits a while before posting again an update whose post failed; tests wait less. */
const WEBHOOK_RETRY_MS = 100;
/** How long a post waits for the bot's answer before it counts as failed. */
const WEBHOOK_TIMEOUT_MS = 10_000;
const WEBHOOK_ACTIVE =
  "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first";

interface Waiter {
  check: () => void;
  fail: (error: Error) => void;
}

/**
 * Starts a fake Telegram Bot API server on 127.0.0.1 for end-to-end tests.
 * Point grammY at it with `new Bot(token, { client: { apiRoot: emulator.apiRoot } })`.
 */
export async function startBotApiEmulator(opts: BotApiEmulatorOptions = {}): Promise<BotApiEmulator> {
  const emulator = new BotApiEmulator(opts.token ?? "123456:TEST", opts.now, opts.sendsPerSecond);
  await emulator.listen(opts.port ?? 0);
  return emulator;
}

/**
 * An in-process Telegram Bot API: records every call, answers with realistic results, keeps a
 * per-chat transcript, serves updates through faithful long polling, and can inject failures.
 *
 * Only the methods this project uses are implemented; any other method answers 404 like an
 * unknown one, so a test notices instead of silently getting a made-up answer.
 * `parse_mode: "HTML"` is parsed into entities (and rejected when malformed, like Telegram does);
 * Markdown parse modes are passed through as raw text.
 */
export class BotApiEmulator {
  /** The bot token requests must use. */
  readonly token: string;
  /** The bot's user id (the numeric prefix of the token). */
  readonly botId: number;
  /** Every call except getUpdates, in arrival order. */
  readonly calls: RecordedCall[] = [];
  /** Every getUpdates call, kept apart because long polling floods the log. */
  readonly polls: RecordedCall[] = [];
  /** Every post of an update to the webhook, in the order sent. */
  readonly webhookDeliveries: WebhookDelivery[] = [];

  private server: Server | undefined;
  private port = 0;
  private closed = false;

  private readonly queue: Update[] = [];
  private nextUpdateId = 1;
  private pending: PendingPoll | undefined;
  /** Set by setWebhook: updates are then posted there, and getUpdates is refused. */
  private webhook: { url: string; secret?: string } | undefined;
  private delivering = false;

  private readonly chats = new Map<number, ChatState>();
  private readonly files = new Map<string, StoredFile>();
  private nextFileNumber = 1;
  private readonly openCallbackQueries = new Set<string>();
  private nextCallbackNumber = 1;
  private readonly commands = new Map<string, BotCommand[]>();
  private readonly blocked = new Set<number>();
  private readonly failures: Array<{ method: string; failure: InjectedFailure; remaining: number }> = [];
  private readonly answerDelays = new Map<string, number>();
  private readonly drops: Array<{ method: string; drop: Drop; remaining: number; when?: (call: RecordedCall) => boolean }> = [];
  /** When the sends of the last second were carried out, oldest first (see `sendsPerSecond`). */
  private readonly recentSends: number[] = [];

  /** Calls before this index belong to earlier interactions; see `waitForCall`. */
  private cursor = 0;
  private readonly consumed = new Set<number>();
  /** How each message-producing call left its message, for `waitForMessageTo`. */
  private readonly snapshots = new Map<RecordedCall, SentMessage>();
  private readonly waiters = new Set<Waiter>();
  private readonly listeners = new Set<() => void>();
  private lastActivity = Date.now();

  private readonly methods: Record<string, (call: RecordedCall) => unknown> = {
    getMe: () => this.getMe(),
    sendMessage: (call) => this.apiSendMessage(call),
    sendDocument: (call) => this.apiSendDocument(call),
    sendPhoto: (call) => this.apiSendPhoto(call),
    sendLocation: (call) => this.apiSendLocation(call),
    sendVenue: (call) => this.apiSendVenue(call),
    copyMessage: (call) => this.copyMessage(call),
    forwardMessage: (call) => this.forwardMessage(call),
    editMessageText: (call) => this.editMessageText(call),
    editMessageReplyMarkup: (call) => this.editMessageReplyMarkup(call),
    editMessageCaption: (call) => this.editMessageCaption(call),
    deleteMessage: (call) => this.deleteMessage(call),
    deleteMessages: (call) => this.deleteMessages(call),
    answerCallbackQuery: (call) => this.answerCallbackQuery(call),
    setMyCommands: (call) => this.setMyCommands(call),
    getMyCommands: (call) => this.commands.get(commandsKey(call.params.scope, call.params.language_code)) ?? [],
    deleteMyCommands: (call) => {
      this.commands.delete(commandsKey(call.params.scope, call.params.language_code));
      return true;
    },
    getChat: (call) => this.getChat(call),
    getFile: (call) => this.getFile(call),
    getWebhookInfo: () => ({ url: this.webhook?.url ?? "", has_custom_certificate: false, pending_update_count: this.queue.length }),
    sendChatAction: (call) => {
      this.chatState(call.params.chat_id);
      return true;
    },
    deleteWebhook: (call) => this.setWebhook(undefined, call),
    setWebhook: (call) => this.setWebhook({ url: typeof call.params.url === "string" ? call.params.url : "", secret: call.params.secret_token as string | undefined }, call),
    setChatMenuButton: () => true,
    setMyDescription: () => true,
    setMyShortDescription: () => true,
    setMyName: () => true,
    close: () => true,
    logOut: () => true,
  };
  /** Telegram matches method names case-insensitively. */
  private readonly methodNames = new Map(
    [...Object.keys(this.methods), "getUpdates"].map((name) => [name.toLowerCase(), name]),
  );

  /** Use `startBotApiEmulator` instead, which also starts listening. */
  constructor(
    token: string,
    private readonly now: () => Date = () => new Date(),
    private readonly sendsPerSecond = Number.POSITIVE_INFINITY,
  ) {
    const botId = Number(token.split(":")[0]);
    if (!Number.isSafeInteger(botId) || botId <= 0 || !token.includes(":")) {
      throw new Error(`Bot token must look like "<numeric id>:<secret>", got "${token}"`);
    }
    this.token = token;
    this.botId = botId;
  }

  /** Base URL for grammY's `client.apiRoot`, e.g. `http://127.0.0.1:12345`. */
  get apiRoot(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Updates queued and not yet confirmed by a getUpdates offset. */
  get pendingUpdates(): readonly Update[] {
    return structuredClone(this.queue);
  }

  /** The URL updates are posted to, once the bot has set a webhook. */
  get webhookUrl(): string | undefined {
    return this.webhook?.url;
  }

  /** Whether a getUpdates long poll is currently waiting. */
  get isPolling(): boolean {
    return this.pending !== undefined;
  }

  /** Starts the HTTP server; `startBotApiEmulator` calls this. */
  async listen(port = 0): Promise<void> {
    const server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        this.respond(res, 500, { ok: false, error_code: 500, description: `Internal Server Error: ${String(error)}` });
      });
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        resolve();
      });
    });
    this.port = (server.address() as AddressInfo).port;
  }

  /**
   * Answers a pending long poll with no updates, stops the server and drops open sockets
   * (keep-alive included) so the test process can exit. Stop bots with `bot.stop()` first.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.pending) this.finishPoll(this.pending, []);
    for (const waiter of [...this.waiters]) waiter.fail(new Error("Bot API emulator was closed"));
    const server = this.server;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
      // Give the final responses a moment to flush before cutting the remaining connections.
      setTimeout(() => server.closeAllConnections(), 50).unref();
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Updates sent by simulated users

  /** Makes a chat known without sending anything, so the bot may write to a user first. */
  addUser(user: EmulatedUser): void {
    this.userChat(user);
  }

  /** Makes a group chat known, so the bot may write to it. */
  addGroup(chatId: number, title: string): void {
    if (chatId >= 0) throw new Error("Group chat ids are negative");
    const type = chatId <= -1_000_000_000_000 ? "supergroup" : "group";
    const chat = { id: chatId, type, title } as Chat;
    if (!this.chats.has(chatId)) this.chats.set(chatId, { chat, nextMessageId: 1, messages: new Map() });
  }

  /** The user writes `text` to the bot. A leading "/command" gets a `bot_command` entity. */
  sendText(user: EmulatedUser, text: string): Update {
    return this.postUserMessage(user, textContent(text));
  }

  /**
   * Queues an update. With a user, `fields` are merged into a fresh private message from them
   * (e.g. `{ sticker: {...} }`); otherwise `update` is a raw update whose `update_id` is assigned.
   */
  sendUpdate(update: Record<string, unknown>): Update;
  sendUpdate(user: EmulatedUser, fields: Record<string, unknown>): Update;
  sendUpdate(userOrUpdate: EmulatedUser | Record<string, unknown>, fields?: Record<string, unknown>): Update {
    if (fields !== undefined) return this.postUserMessage(userOrUpdate as EmulatedUser, fields);
    const { update_id: _ignored, ...raw } = userOrUpdate as Record<string, unknown>;
    const message = raw.message as Message | undefined;
    if (message?.chat && typeof message.message_id === "number") {
      // Remember the chat and message so the bot can answer, reply to or copy it.
      const state = this.chats.get(message.chat.id) ?? { chat: message.chat, nextMessageId: 1, messages: new Map() };
      state.nextMessageId = Math.max(state.nextMessageId, message.message_id + 1);
      state.messages.set(message.message_id, { message: structuredClone(message), fromBot: false, deleted: false });
      this.chats.set(message.chat.id, state);
    }
    return this.enqueue({ ...raw, update_id: this.nextUpdateId++ });
  }

  /** The user shares a phone number (their own contact, as a `request_contact` button does). */
  sendContact(user: EmulatedUser, phoneNumber: string): Update {
    return this.postUserMessage(user, contactContent(user, phoneNumber));
  }

  /** The user shares a location. */
  sendLocation(user: EmulatedUser, latitude: number, longitude: number): Update {
    return this.postUserMessage(user, locationContent(latitude, longitude));
  }

  /** The user sends a sticker. */
  sendSticker(user: EmulatedUser, emoji = "👍"): Update {
    const { file_id, file_unique_id, file_size } = this.storeFile({ size: 24_576, mimeType: "image/webp" });
    return this.postUserMessage(user, stickerContent({ file_id, file_unique_id, file_size }, emoji));
  }

  /** The user sends a photo, optionally with a caption. */
  sendPhoto(user: EmulatedUser, caption?: string): Update {
    const sizes = this.photoSizes(this.storeFile({ size: 48_213, mimeType: "image/jpeg" }));
    return this.postUserMessage(user, photoContent(sizes, caption));
  }

  /**
   * The user presses an inline button with `callbackData`. The query is attached to message
   * `messageId`, or else to the latest bot message whose inline keyboard has that data, or else
   * to the latest bot message.
   */
  pressButton(user: EmulatedUser, callbackData: string, messageId?: number): Update {
    const state = this.userChat(user);
    const botMessages = [...state.messages.values()].filter((m) => m.fromBot && !m.deleted);
    let target: StoredMessage | undefined;
    if (messageId !== undefined) {
      target = botMessages.find((m) => m.message.message_id === messageId);
      if (!target) throw new Error(`pressButton: the bot has no message ${messageId} in chat ${user.id}`);
    } else {
      target =
        botMessages.findLast((m) => inlineButtons(m.message).some((b) => b.callback_data === callbackData)) ??
        botMessages.at(-1);
      if (!target) throw new Error(`pressButton: the bot has sent no message to chat ${user.id} yet`);
    }
    const queryId = String(4_000_000_000_000 + this.nextCallbackNumber++);
    this.openCallbackQueries.add(queryId);
    return this.enqueue(
      callbackUpdate(user, callbackData, target.message, { updateId: this.nextUpdateId++, queryId }),
    );
  }

  /**
   * The user taps the button labelled `label` (exact text or RegExp) in the user's chat: an
   * inline button on the latest bot message with an inline keyboard, or a button of the reply
   * keyboard currently shown, whichever is newer first. A reply button sends its text, or the
   * contact / location it requests. Throws listing the available buttons when none matches.
   */
  clickButton(user: EmulatedUser, label: string | RegExp): Update {
    const state = this.userChat(user);
    const botMessages = [...state.messages.values()].filter((m) => m.fromBot);
    const inline = botMessages.findLast((m) => !m.deleted && inlineButtons(m.message).length > 0);
    const reply = shownReplyKeyboard(botMessages);
    const matches = (text: string) => (typeof label === "string" ? text === label : label.test(text));

    const sources = [inline, reply]
      .filter((m): m is StoredMessage => m !== undefined)
      .sort((a, b) => b.message.message_id - a.message.message_id);
    for (const source of sources) {
      if (source === inline) {
        const button = inlineButtons(source.message).find((b) => matches(b.text));
        if (!button) continue;
        if (button.callback_data === undefined) {
          throw new Error(`clickButton: "${button.text}" is not a callback button (${JSON.stringify(button)})`);
        }
        return this.pressButton(user, button.callback_data, source.message.message_id);
      }
      const button = buttonsOf({ reply_markup: source.replyKeyboard }).find((b) => matches(b.text));
      if (!button) continue;
      if (button.request_contact) return this.sendContact(user, TEST_PHONE_NUMBER);
      if (button.request_location) return this.sendLocation(user, TEST_LOCATION.latitude, TEST_LOCATION.longitude);
      return this.sendText(user, button.text);
    }

    const available = sources.map((source) => {
      const kind = source === inline ? `inline keyboard of message ${source.message.message_id}` : "reply keyboard";
      const texts = buttonsOf(source === inline ? source.message : { reply_markup: source.replyKeyboard });
      return `${kind}: ${texts.map((b) => JSON.stringify(b.text)).join(", ")}`;
    });
    throw new Error(
      `clickButton: no button matching ${String(label)} in chat ${user.id}. ` +
        (available.length ? `Available buttons — ${available.join("; ")}` : "The bot has shown no keyboard there."),
    );
  }

  // ---------------------------------------------------------------------------------------------
  // Transcript

  /** The bot's messages in a chat, oldest first, as they look now (edits applied, deletions marked). */
  messagesTo(chatId: number): SentMessage[] {
    const state = this.chats.get(chatId);
    if (!state) return [];
    return [...state.messages.values()].filter((m) => m.fromBot).map(transcriptView);
  }

  /**
   * What the bot showed in a chat from call number `mark` on, in order: each message sent and
   * each edit, as the message looked right after it.
   */
  shownSince(chatId: number, mark: number): SentMessage[] {
    return this.calls
      .slice(mark)
      .map((call) => this.snapshots.get(call))
      .filter((message): message is SentMessage => message !== undefined && message.chat.id === chatId)
      .map((message) => structuredClone(message));
  }

  /** Every message of a chat, the user's and the bot's, oldest first, as they look now. */
  chatHistory(chatId: number): ChatMessage[] {
    const state = this.chats.get(chatId);
    if (!state) return [];
    return [...state.messages.values()].map((m) => ({ ...transcriptView(m), fromBot: m.fromBot }));
  }

  /** The reply keyboard a chat shows under its input field now, if any. */
  replyKeyboardOf(chatId: number): ReplyKeyboardMarkup | undefined {
    const state = this.chats.get(chatId);
    const shown = state && shownReplyKeyboard([...state.messages.values()].filter((m) => m.fromBot));
    return shown?.replyKeyboard as ReplyKeyboardMarkup | undefined;
  }

  /** A file the bot uploaded, by the file_id its message names; undefined for one it only referred to. */
  downloadFile(fileId: string): DownloadedFile | undefined {
    const file = this.files.get(fileId);
    if (!file?.content) return undefined;
    return { name: file.file_name ?? file.file_unique_id, mimeType: file.mime_type ?? "application/octet-stream", content: file.content };
  }

  /** Calls `listener` after each change: a call recorded, an update queued. Returns how to stop. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The bot's latest message in a chat that has not been deleted. */
  lastMessageTo(chatId: number): SentMessage | undefined {
    return this.messagesTo(chatId).findLast((m) => !m.deleted);
  }

  /** The commands stored by setMyCommands for a scope and language (default scope, no language by default). */
  commandsFor(scope?: object, languageCode?: string): BotCommand[] {
    return structuredClone(this.commands.get(commandsKey(scope, languageCode)) ?? []);
  }

  /** Recorded calls of one method; `callsOf("getUpdates")` gives the long polls. */
  callsOf(method: string): RecordedCall[] {
    return (method === "getUpdates" ? this.polls : this.calls).filter((c) => c.method === method);
  }

  /** A position in `calls`, for `waitForCallSince`. */
  mark(): number {
    return this.calls.length;
  }

  // ---------------------------------------------------------------------------------------------
  // Waiting

  /**
   * Resolves with the first call of `method` (matching `predicate`) recorded since the latest
   * simulated user action that no earlier `waitForCall`/`waitForMessageTo` has returned. So after
   * `sendText`, it finds the reply to that text, and waiting twice yields two different calls.
   */
  waitForCall(
    method: string,
    predicate?: (call: RecordedCall) => boolean,
    timeoutMs = DEFAULT_TIMEOUT_MS,
  ): Promise<RecordedCall> {
    return this.waitFor(`a ${method} call`, timeoutMs, () =>
      this.take((call) => (call.method === method && (!predicate || predicate(call)) ? call : undefined)),
    );
  }

  /** Resolves with the first call of `method` (matching `predicate`) at index `mark` or later. */
  waitForCallSince(
    mark: number,
    method: string,
    predicate?: (call: RecordedCall) => boolean,
    timeoutMs = DEFAULT_TIMEOUT_MS,
  ): Promise<RecordedCall> {
    return this.waitFor(`a ${method} call since #${mark}`, timeoutMs, () =>
      this.calls.slice(mark).find((call) => call.method === method && (!predicate || predicate(call))),
    );
  }

  /**
   * Resolves with the next bot message sent to, or edited in, a chat (same cursor rules as
   * `waitForCall`). The message is a snapshot taken right after that call.
   */
  waitForMessageTo(
    chatId: number,
    predicate?: (message: SentMessage) => boolean,
    timeoutMs = DEFAULT_TIMEOUT_MS,
  ): Promise<SentMessage> {
    return this.waitFor(`a message to chat ${chatId}`, timeoutMs, () =>
      this.take((call) => {
        const message = this.snapshots.get(call);
        if (!message || message.chat.id !== chatId || (predicate && !predicate(message))) return undefined;
        return structuredClone(message);
      }),
    );
  }

  /** Resolves once a getUpdates long poll is waiting, i.e. the bot is up and idle. */
  waitForPolling(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
    return this.waitFor("a pending getUpdates long poll", timeoutMs, () => (this.pending ? true : undefined)).then(
      () => undefined,
    );
  }

  /**
   * Resolves once every queued update has been confirmed by the bot's next getUpdates and no
   * call has arrived for `quietMs`. Needs a polling bot (confirmation comes from getUpdates).
   */
  async waitUntilIdle(quietMs = 100, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.queue.length > 0 || Date.now() - this.lastActivity < quietMs) {
      if (Date.now() > deadline) {
        throw new Error(
          `Timed out after ${timeoutMs} ms waiting for the bot to go idle ` +
            `(${this.queue.length} unconfirmed updates).\n${this.recentCalls()}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Fault injection

  /** The next `times` calls of `method` fail with this error instead of being handled. */
  failNext(method: string, failure: InjectedFailure, times = 1): void {
    this.failures.push({ method, failure, remaining: times });
  }

  /**
   * From now on calls of `method` are carried out (and recorded) at once but answered `ms` later,
   * as over a slow network: the bot does not yet know what Telegram already did. 0 ends it.
   */
  delayAnswers(method: string, ms: number): void {
    this.answerDelays.set(method, ms);
  }

  /**
   * The next `times` calls of `method` (those matching `when`, if given) get no answer: with
   * "hang" the request is held open (until the client gives up or the emulator closes), with
   * "reset" its connection is dropped. Either way the call is not handled, and is recorded with
   * `dropped` set: a getUpdates dropped so confirms nothing, as a request that never arrived.
   */
  dropNext(method: string, drop: Drop, times = 1, when?: (call: RecordedCall) => boolean): void {
    this.drops.push({ method, drop, remaining: times, when });
  }

  /** From now on sends and edits to this chat fail with 403, as when the user blocked the bot. */
  blockChat(chatId: number): void {
    this.blocked.add(chatId);
  }

  /** Undoes `blockChat`. */
  unblockChat(chatId: number): void {
    this.blocked.delete(chatId);
  }

  // ---------------------------------------------------------------------------------------------
  // HTTP

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const route = /^\/bot([^/]*)\/([^/]+)$/.exec(url.pathname);
    if (!route) return this.respond(res, 404, apiError(404, "Not Found"));
    if (decodeURIComponent(route[1]!) !== this.token) return this.respond(res, 401, apiError(401, "Unauthorized"));

    const requested = route[2]!;
    const method = this.methodNames.get(requested.toLowerCase()) ?? requested;
    let call: RecordedCall;
    try {
      call = { method, ...parseRequest(req.headers["content-type"], body, url.searchParams), at: Date.now() };
    } catch (error) {
      return this.respond(res, 400, apiError(400, `Bad Request: ${(error as Error).message}`));
    }

    const drop = this.takeDrop(call);
    if (drop) {
      call.dropped = drop;
      (method === "getUpdates" ? this.polls : this.calls).push(call);
      this.lastActivity = Date.now();
      this.notify();
      if (drop === "reset") req.socket.destroy();
      return;
    }

    if (method === "getUpdates") {
      this.polls.push(call);
      if (this.webhook) {
        call.error = apiError(409, WEBHOOK_ACTIVE);
        return this.respond(res, 409, call.error);
      }
      const failure = this.takeFailure(method);
      if (failure) {
        call.error = failure.body;
        return this.respond(res, failure.body.error_code, failure.body);
      }
      return this.poll(call, res);
    }

    this.lastActivity = Date.now();
    let status = 200;
    let answer: unknown;
    try {
      const result = this.dispatch(call);
      call.result = structuredClone(result);
      answer = { ok: true, result };
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      call.error = error.body;
      status = error.body.error_code;
      answer = error.body;
    }
    this.calls.push(call);
    this.notify();
    const delay = this.answerDelays.get(method) ?? 0;
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    this.respond(res, status, answer);
  }

  private dispatch(call: RecordedCall): unknown {
    const handler = this.methods[call.method];
    if (!handler) throw new ApiError(404, "Not Found: method not found");
    const failure = this.takeFailure(call.method);
    if (failure) throw failure;
    if (SENDING_METHODS.has(call.method)) this.countSend();
    const chatId = call.params.chat_id;
    if (CHAT_BOUND_METHODS.has(call.method) && chatId !== undefined && this.blocked.has(Number(chatId))) {
      throw new ApiError(403, "Forbidden: bot was blocked by the user");
    }
    const result = handler(call);
    if (MESSAGE_METHODS.has(call.method)) this.snapshotMessage(call, result);
    return result;
  }

  /** Counts a send against the limit per second, or refuses it as Telegram does beyond it. */
  private countSend(): void {
    const at = this.now().getTime();
    while (this.recentSends.length > 0 && this.recentSends[0]! <= at - 1000) this.recentSends.shift();
    if (this.recentSends.length >= this.sendsPerSecond) {
      // Telegram gives whole seconds: the wait until the oldest send of the window leaves it, rounded up.
      const retryAfter = Math.max(1, Math.ceil((this.recentSends[0]! + 1000 - at) / 1000));
      throw new ApiError(429, defaultDescription(429, { retry_after: retryAfter }), { retry_after: retryAfter });
    }
    this.recentSends.push(at);
  }

  private respond(res: ServerResponse, status: number, body: unknown): void {
    if (res.writableEnded || res.destroyed) return;
    const json = JSON.stringify(body);
    res.writeHead(status, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(json),
      ...(this.closed ? { connection: "close" } : {}),
    });
    res.end(json);
  }

  private takeDrop(call: RecordedCall): Drop | undefined {
    const index = this.drops.findIndex((d) => d.method === call.method && (!d.when || d.when(call)));
    if (index < 0) return undefined;
    const entry = this.drops[index]!;
    if (--entry.remaining <= 0) this.drops.splice(index, 1);
    return entry.drop;
  }

  private takeFailure(method: string): ApiError | undefined {
    const index = this.failures.findIndex((f) => f.method === method);
    if (index < 0) return undefined;
    const entry = this.failures[index]!;
    if (--entry.remaining <= 0) this.failures.splice(index, 1);
    const { error_code, parameters } = entry.failure;
    return new ApiError(error_code, entry.failure.description ?? defaultDescription(error_code, parameters), parameters);
  }

  // ---------------------------------------------------------------------------------------------
  // Long polling

  private poll(call: RecordedCall, res: ServerResponse): void {
    const offset = integer(call.params.offset, 0);
    const limit = Math.min(100, Math.max(1, integer(call.params.limit, 100)));
    const timeout = Math.max(0, integer(call.params.timeout, 0));

    // A confirmed offset forgets older updates; a negative one keeps only the last -offset.
    if (offset > 0) this.queue.splice(0, this.queue.filter((u) => u.update_id < offset).length);
    if (offset < 0) this.queue.splice(0, Math.max(0, this.queue.length + offset));

    // Telegram terminates the older request when a second one arrives.
    if (this.pending) {
      const older = this.pending;
      this.pending = undefined;
      clearTimeout(older.timer);
      older.call.error = apiError(409, CONFLICT);
      this.respond(older.res, 409, older.call.error);
    }

    if (this.queue.length > 0 || timeout === 0 || this.closed) {
      this.answerPoll(res, call, limit);
      return;
    }
    const pending: PendingPoll = {
      res,
      call,
      limit,
      timer: setTimeout(() => this.finishPoll(pending), timeout * 1000),
    };
    this.pending = pending;
    // The client may give up (e.g. bot.stop() aborts the request); forget the poll then.
    res.on("close", () => {
      if (this.pending === pending) {
        clearTimeout(pending.timer);
        this.pending = undefined;
      }
    });
    this.notify();
  }

  private finishPoll(pending: PendingPoll, result?: Update[]): void {
    if (this.pending === pending) this.pending = undefined;
    clearTimeout(pending.timer);
    if (result) {
      pending.call.result = result;
      this.respond(pending.res, 200, { ok: true, result });
    } else {
      this.answerPoll(pending.res, pending.call, pending.limit);
    }
  }

  private answerPoll(res: ServerResponse, call: RecordedCall, limit: number): void {
    const result = this.queue.slice(0, limit);
    call.result = result;
    this.respond(res, 200, { ok: true, result });
  }

  /** Queues an update whose `update_id` was taken from `nextUpdateId`. */
  private enqueue(update: Update): Update {
    const full = structuredClone(update);
    this.queue.push(full);
    // Calls from now on are reactions to this update; see waitForCall.
    this.cursor = this.calls.length;
    this.lastActivity = Date.now();
    if (this.pending) this.finishPoll(this.pending);
    this.notify();
    void this.deliver();
    return structuredClone(full);
  }

  // ---------------------------------------------------------------------------------------------
  // Webhook

  private setWebhook(webhook: { url: string; secret?: string } | undefined, call: RecordedCall): true {
    if (webhook && !/^https?:\/\//.test(webhook.url)) throw new ApiError(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook");
    if (call.params.drop_pending_updates === true) this.queue.splice(0);
    this.webhook = webhook;
    void this.deliver();
    return true;
  }

  /**
   * Posts the queued updates to the webhook one at a time, oldest first, with the secret in
   * `X-Telegram-Bot-Api-Secret-Token`; an update leaves the queue once the bot answers 2xx,
   * and is posted again after a pause otherwise, as Telegram does.
   */
  private async deliver(): Promise<void> {
    if (this.delivering) return;
    this.delivering = true;
    try {
      while (this.webhook && this.queue.length > 0 && !this.closed) {
        const update = this.queue[0]!;
        const { url, secret } = this.webhook;
        const sentAt = Date.now();
        let status: number | undefined;
        try {
          const res = await fetch(url, {
            method: "POST",
            headers: { "content-type": "application/json", ...(secret ? { "x-telegram-bot-api-secret-token": secret } : {}) },
            body: JSON.stringify(update),
            signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
          });
          status = res.status;
          await res.arrayBuffer();
        } catch {
          status = undefined;
        }
        this.webhookDeliveries.push({ update_id: update.update_id, status, sentAt, answeredAt: Date.now() });
        this.lastActivity = Date.now();
        if (status !== undefined && status >= 200 && status < 300) {
          if (this.queue[0] === update) this.queue.shift();
        } else {
          await new Promise((resolve) => setTimeout(resolve, WEBHOOK_RETRY_MS));
        }
        this.notify();
      }
    } finally {
      this.delivering = false;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Methods

  private getMe(): UserFromGetMe {
    return botInfoOf(this.botId);
  }

  private botUser(): User {
    const { id, is_bot, first_name, username } = this.getMe();
    return { id, is_bot, first_name, username };
  }

  private apiSendMessage(call: RecordedCall): Message {
    const p = call.params;
    const { text, entities } = formatText(p.text, p.parse_mode, p.entities);
    if (text.length === 0) throw badRequest("message text is empty");
    if (text.length > 4096) throw badRequest("message is too long");
    return this.postBotMessage(call, { text, ...(entities.length ? { entities } : {}) });
  }

  private apiSendDocument(call: RecordedCall): Message {
    const file = this.inputFile(call, "document");
    const document = {
      file_id: file.file_id,
      file_unique_id: file.file_unique_id,
      file_name: file.file_name,
      mime_type: file.mime_type,
      file_size: file.file_size,
    };
    return this.postBotMessage(call, { document, ...this.caption(call) });
  }

  private apiSendPhoto(call: RecordedCall): Message {
    const photo = this.photoSizes(this.inputFile(call, "photo"));
    return this.postBotMessage(call, { photo, ...this.caption(call) });
  }

  private apiSendLocation(call: RecordedCall): Message {
    return this.postBotMessage(call, { location: coordinates(call.params) });
  }

  private apiSendVenue(call: RecordedCall): Message {
    const p = call.params;
    if (typeof p.title !== "string" || typeof p.address !== "string") throw badRequest("venue title and address required");
    const location = coordinates(p);
    return this.postBotMessage(call, { location, venue: { location, title: p.title, address: p.address } });
  }

  /** Like Telegram, answers with a bare MessageId; the copy itself lands in the transcript. */
  private copyMessage(call: RecordedCall): { message_id: number } {
    const content = messageContent(this.sourceMessage(call, "message to copy not found"));
    if (call.params.caption !== undefined && content.text === undefined) {
      delete content.caption;
      delete content.caption_entities;
      Object.assign(content, this.caption(call));
    }
    const message = this.postBotMessage(call, content);
    return { message_id: message.message_id };
  }

  private forwardMessage(call: RecordedCall): Message {
    const source = this.sourceMessage(call, "message to forward not found");
    const origin = source.from
      ? { type: "user", sender_user: source.from, date: source.date }
      : { type: "hidden_user", sender_user_name: "Hidden", date: source.date };
    return this.postBotMessage(call, { ...messageContent(source), forward_origin: origin }, false);
  }

  private editMessageText(call: RecordedCall): Message | true {
    const p = call.params;
    const { text, entities } = formatText(p.text, p.parse_mode, p.entities);
    if (text.length === 0) throw badRequest("message text is empty");
    if (text.length > 4096) throw badRequest("MESSAGE_TOO_LONG");
    const markup = inlineMarkup(p.reply_markup);
    const stored = this.editTarget(call);
    if (stored === "inline") return true;
    const message = stored.message;
    if (message.text === undefined) throw badRequest("there is no text in the message to edit");
    // Omitting reply_markup removes the inline keyboard, as it does in Telegram.
    const before = { text: message.text, entities: message.entities ?? [], markup: message.reply_markup };
    if (sameJson(before, { text, entities, markup })) throw new ApiError(400, NOT_MODIFIED);
    message.text = text;
    setOptional(message, "entities", entities.length ? entities : undefined);
    setOptional(message, "reply_markup", markup);
    message.edit_date = this.unixNow();
    return message;
  }

  private editMessageCaption(call: RecordedCall): Message | true {
    const p = call.params;
    const { caption, caption_entities } = this.caption(call);
    const markup = inlineMarkup(p.reply_markup);
    const stored = this.editTarget(call);
    if (stored === "inline") return true;
    const message = stored.message;
    if (message.text !== undefined) throw badRequest("there is no caption in the message to edit");
    const before = { caption: message.caption, entities: message.caption_entities, markup: message.reply_markup };
    if (sameJson(before, { caption, entities: caption_entities, markup })) throw new ApiError(400, NOT_MODIFIED);
    setOptional(message, "caption", caption);
    setOptional(message, "caption_entities", caption_entities);
    setOptional(message, "reply_markup", markup);
    message.edit_date = this.unixNow();
    return message;
  }

  private editMessageReplyMarkup(call: RecordedCall): Message | true {
    const markup = inlineMarkup(call.params.reply_markup);
    const stored = this.editTarget(call);
    if (stored === "inline") return true;
    const message = stored.message;
    if (sameJson(message.reply_markup, markup)) throw new ApiError(400, NOT_MODIFIED);
    setOptional(message, "reply_markup", markup);
    message.edit_date = this.unixNow();
    return message;
  }

  private deleteMessage(call: RecordedCall): true {
    const state = this.chatState(call.params.chat_id);
    const stored = state.messages.get(integer(call.params.message_id, 0));
    if (!stored || stored.deleted) throw badRequest("message to delete not found");
    stored.deleted = true;
    return true;
  }

  private deleteMessages(call: RecordedCall): true {
    const state = this.chatState(call.params.chat_id);
    const ids = call.params.message_ids;
    if (!Array.isArray(ids) || ids.length === 0) throw badRequest("message identifiers are not specified");
    for (const id of ids) {
      const stored = state.messages.get(Number(id));
      if (stored) stored.deleted = true;
    }
    return true;
  }

  private answerCallbackQuery(call: RecordedCall): true {
    const id = textParam(call.params.callback_query_id);
    // An unknown id and a second answer get the same error from Telegram.
    if (!this.openCallbackQueries.delete(id)) {
      throw badRequest("query is too old and response timeout expired or query ID is invalid");
    }
    return true;
  }

  private setMyCommands(call: RecordedCall): true {
    const commands = call.params.commands;
    if (!Array.isArray(commands)) throw badRequest("parameter \"commands\" is required");
    const stored: BotCommand[] = commands.map((c: { command?: unknown; description?: unknown }) => {
      const command = textParam(c.command).replace(/^\//, "");
      if (!/^[a-z0-9_]{1,32}$/.test(command)) throw badRequest("BOT_COMMAND_INVALID");
      const description = textParam(c.description);
      if (description.length === 0 || description.length > 256) throw badRequest("command description is empty or too long");
      return { command, description };
    });
    this.commands.set(commandsKey(call.params.scope, call.params.language_code), stored);
    return true;
  }

  private getChat(call: RecordedCall): object {
    const chat = this.chatState(call.params.chat_id).chat;
    return { ...chat, accent_color_id: 0, max_reaction_count: 11 };
  }

  private getFile(call: RecordedCall): object {
    const file = this.files.get(textParam(call.params.file_id));
    if (!file) throw badRequest("invalid file_id");
    return {
      file_id: file.file_id,
      file_unique_id: file.file_unique_id,
      file_size: file.file_size,
      file_path: `documents/file_${file.file_unique_id}${extensionOf(file.file_name)}`,
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Chats, messages and files

  private chatState(chatId: unknown): ChatState {
    if (chatId === undefined || chatId === "") throw badRequest("chat_id is empty");
    const state = this.chats.get(Number(chatId));
    // Telegram refuses chats the bot has never seen, which catches e.g. a database id used as a chat id.
    if (!state) throw badRequest("chat not found");
    return state;
  }

  private userChat(user: EmulatedUser): ChatState {
    let state = this.chats.get(user.id);
    if (!state) {
      state = { chat: privateChatOf(user), nextMessageId: 1, messages: new Map() };
      this.chats.set(user.id, state);
    }
    return state;
  }

  private postUserMessage(user: EmulatedUser, content: MessageContent): Update {
    const state = this.userChat(user);
    const update = messageUpdate(user, content, { updateId: this.nextUpdateId++, messageId: state.nextMessageId++ });
    const message = update.message!;
    message.date = this.unixNow();
    state.messages.set(message.message_id, { message, fromBot: false, deleted: false });
    return this.enqueue(update);
  }

  private postBotMessage(call: RecordedCall, content: object, allowReply = true): Message {
    const p = call.params;
    const state = this.chatState(p.chat_id);
    const markup = parseMarkup(p.reply_markup);
    const replyTo = allowReply ? this.replyTarget(state, p) : undefined;
    const message = {
      message_id: state.nextMessageId++,
      from: this.botUser(),
      chat: state.chat,
      date: this.unixNow(),
      ...(replyTo ? { reply_to_message: messageWithoutReply(replyTo) } : {}),
      ...content,
      ...(markup && "inline_keyboard" in markup ? { reply_markup: markup } : {}),
    } as Message;
    const replyKeyboard = markup && !("inline_keyboard" in markup) ? markup : undefined;
    state.messages.set(message.message_id, { message, fromBot: true, deleted: false, replyKeyboard });
    return message;
  }

  private replyTarget(state: ChatState, p: Record<string, unknown>): Message | undefined {
    const parameters = parseJsonObject(p.reply_parameters) as { message_id?: unknown; allow_sending_without_reply?: unknown } | undefined;
    const id = parameters?.message_id ?? p.reply_to_message_id;
    if (id === undefined) return undefined;
    const target = state.messages.get(Number(id));
    if (target && !target.deleted) return target.message;
    if (parameters?.allow_sending_without_reply || p.allow_sending_without_reply) return undefined;
    throw badRequest("message to be replied not found");
  }

  private sourceMessage(call: RecordedCall, notFound: string): Message {
    const source = this.chatState(call.params.from_chat_id).messages.get(integer(call.params.message_id, 0));
    if (!source || source.deleted) throw badRequest(notFound);
    return source.message;
  }

  private editTarget(call: RecordedCall): StoredMessage | "inline" {
    const p = call.params;
    if (p.inline_message_id !== undefined) return "inline";
    const state = this.chatState(p.chat_id);
    if (p.message_id === undefined) throw badRequest("message identifier is not specified");
    const stored = state.messages.get(integer(p.message_id, 0));
    if (!stored || stored.deleted) throw badRequest("message to edit not found");
    if (!stored.fromBot) throw badRequest("message can't be edited");
    return stored;
  }

  private caption(call: RecordedCall): { caption?: string; caption_entities?: MessageEntity[] } {
    const p = call.params;
    if (p.caption === undefined) return {};
    const { text, entities } = formatText(p.caption, p.parse_mode, p.caption_entities);
    if (text.length > 1024) throw badRequest("message caption is too long");
    return { ...(text ? { caption: text } : {}), ...(entities.length ? { caption_entities: entities } : {}) };
  }

  /** Resolves a file parameter: an upload (`attach://` or a part named after the parameter), a known file_id, or a URL. */
  private inputFile(call: RecordedCall, key: string): StoredFile {
    const upload = call.files[key];
    if (upload) {
      return this.storeFile({ size: upload.content.length, name: upload.filename, mimeType: mimeTypeOf(upload.filename), content: upload.content });
    }
    const value = call.params[key];
    if (typeof value !== "string" || value === "") throw badRequest(`there is no ${key} in the request`);
    const known = this.files.get(value);
    if (known) return known;
    if (/^https?:\/\//.test(value)) {
      const name = decodeURIComponent(new URL(value).pathname.split("/").pop() || "file");
      return this.storeFile({ size: 1024, name, mimeType: mimeTypeOf(name) });
    }
    throw badRequest("wrong file identifier/HTTP URL specified");
  }

  private storeFile(info: { size: number; name?: string; mimeType?: string; content?: Buffer }): StoredFile {
    const n = this.nextFileNumber++;
    const file: StoredFile = {
      file_id: `BQACAgIAAxkBAAI${String(n).padStart(6, "0")}`,
      file_unique_id: `AgAD${String(n).padStart(4, "0")}`,
      file_size: info.size,
      ...(info.name !== undefined ? { file_name: info.name } : {}),
      ...(info.mimeType !== undefined ? { mime_type: info.mimeType } : {}),
      ...(info.content !== undefined ? { content: info.content } : {}),
    };
    this.files.set(file.file_id, file);
    return file;
  }

  private photoSizes(file: StoredFile): PhotoSize[] {
    // Telegram answers with several resolutions; the last is the largest and carries the upload's id.
    const thumb = this.storeFile({ size: Math.ceil(file.file_size / 10), mimeType: "image/jpeg" });
    return [
      { file_id: thumb.file_id, file_unique_id: thumb.file_unique_id, file_size: thumb.file_size, width: 90, height: 90 },
      { file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.file_size, width: 800, height: 800 },
    ];
  }

  private snapshotMessage(call: RecordedCall, result: unknown): void {
    if (result === true) return;
    const messageId = (result as { message_id: number }).message_id;
    const chatId = Number(call.params.chat_id);
    const stored = this.chats.get(chatId)?.messages.get(messageId);
    if (stored) this.snapshots.set(call, transcriptView(stored));
  }

  // ---------------------------------------------------------------------------------------------
  // Waiting internals

  /** The first unconsumed call since the cursor for which `match` returns a value. */
  private take<T>(match: (call: RecordedCall) => T | undefined): T | undefined {
    for (let i = this.cursor; i < this.calls.length; i++) {
      if (this.consumed.has(i)) continue;
      const found = match(this.calls[i]!);
      if (found !== undefined) {
        this.consumed.add(i);
        return found;
      }
    }
    return undefined;
  }

  private waitFor<T>(what: string, timeoutMs: number, find: () => T | undefined): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter = {
        check: () => {
          try {
            const found = find();
            if (found === undefined) return;
            stop();
            resolve(found);
          } catch (error) {
            stop();
            reject(error);
          }
        },
        fail: (error) => {
          stop();
          reject(error);
        },
      };
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.\n${this.recentCalls()}`));
      }, timeoutMs);
      const stop = () => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
      };
      this.waiters.add(waiter);
      waiter.check();
    });
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter.check();
    for (const listener of this.listeners) listener();
  }

  private unixNow(): number {
    return Math.floor(this.now().getTime() / 1000);
  }

  private recentCalls(count = 6): string {
    if (this.calls.length === 0) return "No Bot API calls were recorded.";
    const first = Math.max(0, this.calls.length - count);
    const lines = this.calls.slice(first).map((call, i) => {
      const outcome = call.error ? ` -> ${call.error.error_code} ${call.error.description}` : "";
      return `  #${first + i} ${call.method} ${truncate(JSON.stringify(call.params), 200)}${outcome}`;
    });
    return `Last calls (searching from #${this.cursor}):\n${lines.join("\n")}`;
  }
}

// -----------------------------------------------------------------------------------------------
// Keyboards

/** Flattens the buttons of a message's inline keyboard or reply keyboard. */
export function buttonsOf(message: { reply_markup?: AnyReplyMarkup | undefined }): ButtonInfo[] {
  const markup = message.reply_markup;
  if (!markup) return [];
  if ("inline_keyboard" in markup) {
    return markup.inline_keyboard.flat().map((button: InlineKeyboardButton) => {
      const info: ButtonInfo = { text: button.text };
      if ("callback_data" in button) info.callback_data = button.callback_data;
      if ("url" in button) info.url = button.url;
      return info;
    });
  }
  if ("keyboard" in markup) {
    return markup.keyboard.flat().map((button: KeyboardButton) => {
      if (typeof button === "string") return { text: button };
      const info: ButtonInfo = { text: button.text };
      if ("request_contact" in button && button.request_contact) info.request_contact = true;
      if ("request_location" in button && button.request_location) info.request_location = true;
      return info;
    });
  }
  return [];
}

/** The bot message whose reply keyboard the chat shows now: the latest one sent, unless removed since. */
function shownReplyKeyboard(botMessages: StoredMessage[]): StoredMessage | undefined {
  const lastKeyboard = botMessages.findLast((m) => m.replyKeyboard && !("force_reply" in m.replyKeyboard));
  return lastKeyboard?.replyKeyboard && "keyboard" in lastKeyboard.replyKeyboard ? lastKeyboard : undefined;
}

function inlineButtons(message: Message): ButtonInfo[] {
  return message.reply_markup ? buttonsOf(message) : [];
}

function parseMarkup(value: unknown): AnyReplyMarkup | undefined {
  const markup = parseJsonObject(value) as AnyReplyMarkup | undefined;
  if (!markup) return undefined;
  if ("inline_keyboard" in markup) {
    if (!Array.isArray(markup.inline_keyboard) || !markup.inline_keyboard.every(Array.isArray)) {
      throw badRequest("field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array of Arrays");
    }
    for (const button of markup.inline_keyboard.flat() as unknown as Array<Record<string, unknown>>) {
      const actions = Object.keys(button).filter((k) => !["text", "icon_custom_emoji_id", "style"].includes(k));
      if (actions.length === 0) {
        throw badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
      }
      const data = button.callback_data;
      if (data !== undefined && (typeof data !== "string" || data.length === 0 || Buffer.byteLength(data) > 64)) {
        throw badRequest("BUTTON_DATA_INVALID");
      }
    }
  }
  return markup;
}

function inlineMarkup(value: unknown): InlineKeyboardMarkup | undefined {
  const markup = parseMarkup(value);
  if (markup && !("inline_keyboard" in markup)) throw badRequest("inline keyboard expected");
  // An empty inline keyboard is how bots remove the keyboard; Telegram stores no markup then.
  if (markup && markup.inline_keyboard.length === 0) return undefined;
  return markup;
}

// -----------------------------------------------------------------------------------------------
// Formatting

/** Text after applying `parse_mode` (HTML only) or explicit entities. */
function formatText(
  value: unknown,
  parseMode: unknown,
  explicitEntities: unknown,
): { text: string; entities: MessageEntity[] } {
  const raw = textParam(value);
  const entities = parseJsonArray(explicitEntities);
  if (entities) return { text: raw, entities: entities as MessageEntity[] };
  if (parseMode === undefined || parseMode === "") return { text: raw, entities: [] };
  if (typeof parseMode === "string" && parseMode.toLowerCase() === "html") return parseHtml(raw);
  if (parseMode === "MarkdownV2" || parseMode === "Markdown") return { text: raw, entities: [] };
  throw badRequest(`unsupported parse_mode`);
}

const HTML_ENTITY_TYPES: Record<string, string> = {
  b: "bold",
  strong: "bold",
  i: "italic",
  em: "italic",
  u: "underline",
  ins: "underline",
  s: "strikethrough",
  strike: "strikethrough",
  del: "strikethrough",
  "tg-spoiler": "spoiler",
  code: "code",
  pre: "pre",
  a: "text_link",
  blockquote: "blockquote",
  "tg-emoji": "custom_emoji",
};

/**
 * What the user reads of a text sent with `parse_mode: "HTML"` (tags dropped, entities decoded),
 * e.g. to compare a message in the transcript with the locale text it was rendered from.
 */
export function htmlToPlainText(html: string): string {
  return parseHtml(html).text;
}

/** Parses Telegram's HTML subset into plain text plus entities, failing the way Telegram does. */
function parseHtml(html: string): { text: string; entities: MessageEntity[] } {
  let text = "";
  const entities: MessageEntity[] = [];
  const open: Array<{ tag: string; offset: number; entity?: Record<string, unknown> }> = [];
  const fail = (reason: string): never => {
    throw badRequest(`can't parse entities: ${reason}`);
  };
  const byteOffset = (index: number) => Buffer.byteLength(html.slice(0, index));

  let i = 0;
  while (i < html.length) {
    const ch = html[i]!;
    if (ch === "&") {
      const entity = /^&(lt|gt|amp|quot|#\d+|#x[0-9a-f]+);/i.exec(html.slice(i, i + 12));
      text += entity ? decodeHtmlEntity(entity[1]!) : "&";
      i += entity ? entity[0].length : 1;
      continue;
    }
    if (ch !== "<") {
      text += ch;
      i++;
      continue;
    }
    const end = html.indexOf(">", i);
    if (end < 0) fail(`Unclosed start tag at byte offset ${byteOffset(i)}`);
    const tag = /^<(\/?)([a-z][a-z0-9-]*)((?:\s[^>]*)?)>$/i.exec(html.slice(i, end + 1));
    if (!tag) fail(`Unsupported start tag "" at byte offset ${byteOffset(i)}`);
    const [, closing, rawName, attributes] = tag!;
    const name = rawName!.toLowerCase();
    if (closing) {
      const top = open.pop();
      if (!top) fail(`Unexpected end tag at byte offset ${byteOffset(i)}`);
      if (top!.tag !== name) {
        fail(`Unmatched end tag at byte offset ${byteOffset(i)}, expected "</${top!.tag}>", found "</${name}>"`);
      }
      const length = text.length - top!.offset;
      if (top!.entity && length > 0) entities.push({ ...top!.entity, offset: top!.offset, length } as MessageEntity);
    } else {
      open.push({ tag: name, offset: text.length, entity: htmlEntity(name, attributes ?? "", open, fail, byteOffset(i)) });
    }
    i = end + 1;
  }
  if (open.length > 0) fail(`Can't find end tag corresponding to start tag "${open.at(-1)!.tag}"`);
  entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { text, entities };
}

function htmlEntity(
  name: string,
  attributes: string,
  open: Array<{ tag: string; entity?: Record<string, unknown> }>,
  fail: (reason: string) => never,
  at: number,
): Record<string, unknown> | undefined {
  const attribute = (key: string) => {
    const match = new RegExp(`${key}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(attributes);
    const value = match ? (match[1] ?? match[2] ?? match[3]) : undefined;
    return value === undefined ? undefined : value.replace(/&(lt|gt|amp|quot|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => decodeHtmlEntity(e));
  };
  if (name === "span") {
    if (attribute("class") !== "tg-spoiler") fail(`Unsupported start tag "span" at byte offset ${at}`);
    return { type: "spoiler" };
  }
  const type = HTML_ENTITY_TYPES[name];
  if (!type) return fail(`Unsupported start tag "${name}" at byte offset ${at}`);
  if (name === "a") {
    const href = attribute("href");
    return href ? { type, url: href } : undefined;
  }
  if (name === "code" && open.at(-1)?.tag === "pre") {
    // <pre><code class="language-x"> is one pre entity with a language.
    const language = attribute("class")?.replace(/^language-/, "");
    if (language && open.at(-1)!.entity) open.at(-1)!.entity!.language = language;
    return undefined;
  }
  if (name === "blockquote" && /\bexpandable\b/i.test(attributes)) return { type: "expandable_blockquote" };
  if (name === "tg-emoji") return { type, custom_emoji_id: attribute("emoji-id") ?? "" };
  return { type };
}

function decodeHtmlEntity(entity: string): string {
  const named: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };
  const lower = entity.toLowerCase();
  if (named[lower] !== undefined) return named[lower];
  const code = lower.startsWith("#x") ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
  return String.fromCodePoint(code);
}

// -----------------------------------------------------------------------------------------------
// Request parsing

/** Reads parameters from the query string and a JSON, urlencoded or multipart body. */
function parseRequest(
  contentType: string | undefined,
  body: Buffer,
  query: URLSearchParams,
): { params: Record<string, unknown>; files: Record<string, RecordedFile> } {
  const params: Record<string, unknown> = {};
  for (const [key, value] of query) params[key] = decodeFormValue(key, value);
  const type = (contentType ?? "").toLowerCase();
  if (body.length === 0) return { params, files: {} };

  if (type.startsWith("application/json")) {
    const parsed: unknown = JSON.parse(body.toString("utf8"));
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      throw new Error("request body must be a JSON object");
    }
    return { params: { ...params, ...(parsed as Record<string, unknown>) }, files: {} };
  }
  if (type.startsWith("application/x-www-form-urlencoded")) {
    for (const [key, value] of new URLSearchParams(body.toString("utf8"))) params[key] = decodeFormValue(key, value);
    return { params, files: {} };
  }
  if (type.startsWith("multipart/form-data")) {
    const boundary = multipartBoundary(contentType ?? "");
    if (!boundary) throw new Error("multipart/form-data without boundary");
    const { fields, files } = parseMultipart(body, boundary);
    for (const [key, value] of Object.entries(fields)) params[key] = decodeFormValue(key, value);
    return { params, files: nameFilesByParameter(params, files) };
  }
  throw new Error(`unsupported Content-Type "${contentType ?? ""}"`);
}

function decodeFormValue(key: string, raw: string): unknown {
  if (STRING_PARAMS.has(key)) return raw;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

function nameFilesByParameter(
  params: Record<string, unknown>,
  parts: Record<string, UploadedFile>,
): Record<string, RecordedFile> {
  const files: Record<string, RecordedFile> = {};
  const remaining = new Map(Object.entries(parts));
  for (const [key, value] of Object.entries(params)) {
    if (typeof value !== "string" || !value.startsWith("attach://")) continue;
    const part = remaining.get(value.slice("attach://".length));
    if (!part) continue;
    files[key] = part;
    remaining.delete(value.slice("attach://".length));
  }
  for (const [name, part] of remaining) files[name] = part;
  return files;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

// -----------------------------------------------------------------------------------------------
// Small helpers

function apiError(errorCode: number, description: string): ApiErrorBody {
  return { ok: false, error_code: errorCode, description };
}

function defaultDescription(errorCode: number, parameters?: InjectedFailure["parameters"]): string {
  switch (errorCode) {
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden: bot was blocked by the user";
    case 404:
      return "Not Found";
    case 409:
      return CONFLICT;
    case 429:
      return `Too Many Requests: retry after ${parameters?.retry_after ?? 1}`;
    default:
      return "Internal Server Error";
  }
}

function transcriptView(stored: StoredMessage): SentMessage {
  const view = structuredClone(stored.message) as SentMessage;
  if (!view.reply_markup && stored.replyKeyboard) view.reply_markup = structuredClone(stored.replyKeyboard);
  view.deleted = stored.deleted;
  return view;
}

/** The content fields of a message (what copyMessage duplicates). */
function messageContent(message: Message): Record<string, unknown> {
  const {
    message_id: _id,
    from: _from,
    chat: _chat,
    date: _date,
    edit_date: _edit,
    reply_markup: _markup,
    reply_to_message: _reply,
    forward_origin: _origin,
    ...content
  } = structuredClone(message);
  return content;
}

function messageWithoutReply(message: Message): Message {
  const { reply_to_message: _nested, ...rest } = structuredClone(message);
  return rest;
}

function coordinates(p: Record<string, unknown>): { latitude: number; longitude: number } {
  const latitude = Number(p.latitude);
  const longitude = Number(p.longitude);
  if (!Number.isFinite(latitude) || Math.abs(latitude) > 90) throw badRequest("wrong latitude");
  if (!Number.isFinite(longitude) || Math.abs(longitude) > 180) throw badRequest("wrong longitude");
  return { latitude, longitude };
}

function commandsKey(scope: unknown, languageCode: unknown): string {
  const parsed = parseJsonObject(scope) ?? { type: "default" };
  // Key order and "123" vs 123 must not make two spellings of one scope distinct.
  const normalized = Object.entries(parsed)
    .map(([key, value]) => [key, String(value)])
    .sort(([a], [b]) => (a! < b! ? -1 : 1));
  return `${JSON.stringify(normalized)}|${typeof languageCode === "string" ? languageCode : ""}`;
}

/** Objects may arrive JSON-encoded inside a JSON body too; Telegram accepts both. */
function parseJsonObject(value: unknown): Record<string, unknown> | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  const parsed: unknown = typeof value === "string" ? JSON.parse(value) : value;
  return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
}

function parseJsonArray(value: unknown): unknown[] | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  const parsed: unknown = typeof value === "string" ? JSON.parse(value) : value;
  return Array.isArray(parsed) ? parsed : undefined;
}

function setOptional<K extends keyof Message>(message: Message, key: K, value: Message[K] | undefined): void {
  if (value === undefined) delete message[key];
  else message[key] = value;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** A parameter read as text: numbers and booleans written out, anything else (nothing, an object) empty. */
function textParam(value: unknown): string {
  if (typeof value === "string") return value;
  return typeof value === "number" || typeof value === "boolean" ? String(value) : "";
}

function integer(value: unknown, fallback: number): number {
  const n = Number(value);
  return value === undefined || value === null || !Number.isFinite(n) ? fallback : Math.trunc(n);
}


function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function extensionOf(name: string | undefined): string {
  const match = name ? /\.[a-z0-9]+$/i.exec(name) : null;
  return match ? match[0].toLowerCase() : "";
}

function mimeTypeOf(name: string): string {
  const types: Record<string, string> = {
    ".json": "application/json",
    ".pdf": "application/pdf",
    ".txt": "text/plain",
    ".csv": "text/csv",
    ".ics": "text/calendar",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  };
  return types[extensionOf(name)] ?? "application/octet-stream";
}
