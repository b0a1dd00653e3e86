import { GrammyError } from "grammy";

/** Opens the private chat of a person who has no username; Telegram allows it in buttons only. */
export function chatLink(userId: number): string {
  return `tg://user?id=${userId}`;
}

/**
 * Telegram refuses a whole message when one of its buttons opens the chat of someone whose
 * privacy settings forbid links to their account: the message has to go again without it.
 */
export function isChatLinkRefused(err: unknown): boolean {
  return err instanceof GrammyError && err.error_code === 400 && err.description.includes("BUTTON_USER_PRIVACY_RESTRICTED");
}
