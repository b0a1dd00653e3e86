import { GrammyError, HttpError } from "grammy";
import { TelegramUnreachable } from "./transport.js";

/**
 * What may be logged of a failed Bot API call: the error's type, the method, Telegram's code and
 * description or the network error's code. Never the error itself: a GrammyError carries the
 * request's payload (what the bot wrote to someone), a network error the URL with the token.
 */
export function describeFailure(error: unknown): Record<string, unknown> | undefined {
  if (error instanceof GrammyError) {
    return { err: { name: error.name }, method: error.method, code: error.error_code, description: error.description };
  }
  if (!(error instanceof HttpError)) return undefined;
  const cause = TelegramUnreachable.from(error.error);
  if (cause) return { err: { name: error.name }, method: cause.method, code: cause.reason };
  return { err: { name: error.name }, method: /'(\w+)'/.exec(error.message)?.[1], code: "network error" };
}

/**
 * Telegram, or the way to it, failed (429, 5xx, no answer) rather than the request itself: the
 * same request may well succeed in a moment.
 */
export function isTelegramOutage(error: unknown): boolean {
  if (error instanceof HttpError) return true;
  return error instanceof GrammyError && (error.error_code === 429 || error.error_code >= 500);
}

/**
 * Telegram refuses a whole message when one of its buttons opens the chat of someone whose
 * privacy settings forbid links to their account: the message has to go again without it.
 */
export function isChatLinkRefused(err: unknown): boolean {
  return err instanceof GrammyError && err.error_code === 400 && err.description.includes("BUTTON_USER_PRIVACY_RESTRICTED");
}
