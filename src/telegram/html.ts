import type { Transformer } from "grammy";

/** The methods whose text or caption Telegram formats by `parse_mode`. */
const FORMATTED_METHODS: ReadonlySet<string> = new Set([
  "sendMessage",
  "editMessageText",
  "sendPhoto",
  "sendDocument",
  "sendAudio",
  "sendVideo",
  "sendAnimation",
  "sendVoice",
  "sendPaidMedia",
  "copyMessage",
  "editMessageCaption",
]);

/**
 * Every text and caption the bot sends is Telegram HTML, so that a message is formatted the
 * same whichever code sends it: a call that names its own `parse_mode`, or gives its entities
 * explicitly, keeps them. Installed on every Api object of the process (the bot's, those the
 * conversations plugin builds, the outbox's).
 */
export const htmlByDefault: Transformer = (prev, method, payload, signal) => {
  const fields = payload as Record<string, unknown>;
  const chosen = fields.parse_mode !== undefined || fields.entities !== undefined || fields.caption_entities !== undefined;
  if (!FORMATTED_METHODS.has(method) || chosen) return prev(method, payload, signal);
  return prev(method, { ...payload, parse_mode: "HTML" }, signal);
};
