import { GrammyError, type InlineKeyboard, type MiddlewareFn } from "grammy";
import type { LinkPreviewOptions } from "grammy/types";
import type { BaseContext } from "../context.js";

export interface ScreenOptions {
  link_preview_options?: LinkPreviewOptions;
}

/**
 * Telegram refuses an edit that changes nothing: the screen already shows what was asked.
 */
function isNotModified(err: unknown): boolean {
  return err instanceof GrammyError && err.error_code === 400 && err.description.includes("message is not modified");
}

/**
 * Telegram refuses to edit a message that is gone, too old, not the bot's, or not text (a file's
 * caption, a venue): the screen then comes as a new message.
 */
function isUneditable(err: unknown): boolean {
  return (
    err instanceof GrammyError &&
    err.error_code === 400 &&
    /message (can't be edited|to edit not found)|no text in the message|MESSAGE_ID_INVALID/.test(err.description)
  );
}

/**
 * Contexts that have already sent a message for their update, or turned the pressed message into
 * a record: a screen after that comes below it instead of editing the pressed message.
 */
const sentSomething = new WeakSet<BaseContext>();
/** Answered presses of a flow whose prompt is to become a record unless a screen takes its place. */
const toRecord = new WeakSet<BaseContext>();

/**
 * For the contexts of a flow, whose Api objects are their own: notes when one sends a message,
 * so that a screen shown after it comes below it rather than editing the pressed message above
 * it (a step asked after the help lines, the menu after a confirmation). An answered prompt
 * becomes a record just before that message, as it then stays in the chat above it.
 */
export const noteSends: MiddlewareFn<BaseContext> = async (ctx, next) => {
  ctx.api.config.use(async (prev, method, payload, signal) => {
    if (method.startsWith("send")) {
      sentSomething.add(ctx);
      if (toRecord.delete(ctx)) await recordAnswer(ctx);
    }
    return prev(method, payload, signal);
  });
  await next();
};

/**
 * Whatever is shown for this update from now on comes as new messages, below what was already
 * sent for it from elsewhere (a flow that has just ended, say), instead of editing the message
 * pressed on.
 */
export function showBelow(ctx: BaseContext): void {
  sentSomething.add(ctx);
}

/**
 * Marks a valid answer to a flow's step: the next screen takes the place of the prompt, and if
 * a message comes first instead, the prompt becomes a record of the answer, so that its buttons
 * cannot be pressed again either way.
 */
export function settleAnswer(ctx: BaseContext): void {
  if (ctx.callbackQuery?.message) toRecord.add(ctx);
}

/**
 * Shows a one-tap screen. A button press edits the message it was pressed on, so the chat keeps
 * one screen instead of a trail of old ones whose buttons still look pressable; a command or a
 * typed message, a message that can no longer be edited, or a press already answered with a new
 * message in a flow, gets the screen as a new message.
 */
export async function showScreen(ctx: BaseContext, text: string, markup?: InlineKeyboard, options: ScreenOptions = {}): Promise<void> {
  if (ctx.callbackQuery?.message && !sentSomething.has(ctx)) {
    try {
      toRecord.delete(ctx);
      await ctx.editMessageText(text, { reply_markup: markup, ...options });
      return;
    } catch (err) {
      if (isNotModified(err)) return;
      if (!isUneditable(err)) throw err;
    }
  }
  await ctx.reply(text, { reply_markup: markup, ...options });
}

/**
 * Turns the message a step's button was pressed on into a plain record of the answer: its text
 * stays, followed by the label of the button pressed, and its keyboard goes, so that the old
 * buttons cannot be pressed again. Best effort: a message that cannot be edited stays as it is.
 */
export async function recordAnswer(ctx: BaseContext): Promise<void> {
  const query = ctx.callbackQuery;
  const message = query?.message;
  if (!query || !message || !("text" in message) || message.text === undefined) return;
  const pressed = message.reply_markup?.inline_keyboard.flat().find((b) => "callback_data" in b && b.callback_data === query.data);
  const record = pressed ? `${message.text}\n\n✔️ ${pressed.text}` : message.text;
  sentSomething.add(ctx);
  try {
    // The text as Telegram shows it, with its own entities (none: an empty list), never parsed
    // as HTML again; without a keyboard, the message keeps none.
    await ctx.editMessageText(record, { entities: message.entities ?? [] });
  } catch (err) {
    if (!isNotModified(err) && !isUneditable(err)) throw err;
  }
}
