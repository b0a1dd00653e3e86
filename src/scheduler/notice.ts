import type { InlineKeyboardMarkup } from "grammy/types";
import type { Db } from "../db/database.js";
import type { Broadcast, OutboxRow, User } from "../db/schema.js";
import type { Language, Translate } from "../domain/language.js";
import type { NoticeKind } from "../domain/notices.js";

/** A text message ready to send: rendered in the recipient's language at send time, as HTML. */
export interface RenderedText {
  text: string;
  reply_markup?: InlineKeyboardMarkup;
  /** What goes instead when Telegram refuses a button that opens someone's chat (see `isChatLinkRefused`). */
  ifChatLinkRefused?: RenderedText;
}

/** A file to send as a document, its caption rendered like a text message. */
export interface NoticeDocument {
  filename: string;
  content: Uint8Array;
  caption: string;
}

/** A photo Telegram already has, sent again by its file id, with a caption rendered like a text message. */
export interface NoticePhoto {
  fileId: string;
  caption: string;
  reply_markup?: InlineKeyboardMarkup;
}

/** What one outbox row becomes: one message, a text, a file or a photo. */
export type RenderedNotice = RenderedText | { document: NoticeDocument } | { photo: NoticePhoto };

export interface RenderInput {
  row: OutboxRow;
  /** The recipient's row as the dispatcher read it for the whole batch; undefined when the bot has none. */
  recipient: User | undefined;
  payload: Record<string, unknown>;
  language: Language;
  t: Translate;
  db: Db;
  now: Date;
}

/**
 * Turns an outbox row into its message, or null when it no longer makes sense (its booking
 * was cancelled meanwhile): the row is then cancelled instead of sent.
 */
export type NoticeRenderer = (input: RenderInput) => Promise<RenderedNotice | null>;

/** The renderer of each kind the outbox may hold; the bot's features supply them (see `startScheduler`). */
export type NoticeRenderers = Partial<Record<NoticeKind, NoticeRenderer>>;

/** A broadcast's live progress message to its sender: its text and its buttons, in their language. */
export type BroadcastProgressRenderer = (input: { broadcast: Broadcast; remaining: number; t: Translate; now: Date }) => RenderedText;
