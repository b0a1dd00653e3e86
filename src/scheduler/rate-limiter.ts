/** Telegram's limits for messages a bot starts: about 30 a second overall and 1 a second per chat. */
export const TELEGRAM_SEND_LIMITS = { perSecond: 30, perChatIntervalMs: 1000 } as const;

/** Chats whose next slot lies in the past carry no information; past this many they are forgotten. */
const REMEMBERED_CHATS = 1000;

/**
 * Spaces sends out in time: before a send the caller waits as long as `delayFor` says, and
 * records the moment it really sends with `sent`. Spacing from that moment rather than from when
 * the wait was worked out keeps sends apart even when the work between the two is slow (a busy
 * machine): otherwise late sends bunch up, and Telegram answers 429. Pure timing: the caller
 * passes the current time, so a test drives it with a fake clock.
 */
export class SendRateLimiter {
  private readonly globalIntervalMs: number;
  private readonly chatIntervalMs: number;
  private nextFree = 0;
  private readonly nextFreeByChat = new Map<number, number>();

  constructor(limits: { perSecond: number; perChatIntervalMs: number } = TELEGRAM_SEND_LIMITS) {
    this.globalIntervalMs = Math.ceil(1000 / limits.perSecond);
    this.chatIntervalMs = limits.perChatIntervalMs;
  }

  /** How long a send to `chatId` must wait at `nowMs` (0: it may go now), in ms. */
  delayFor(chatId: number, nowMs: number): number {
    return Math.max(0, this.nextFree - nowMs, (this.nextFreeByChat.get(chatId) ?? 0) - nowMs);
  }

  /** A message to `chatId` went out at `atMs`: the next ones are spaced from then. */
  sent(chatId: number, atMs: number): void {
    this.nextFree = Math.max(this.nextFree, atMs + this.globalIntervalMs);
    this.nextFreeByChat.set(chatId, Math.max(this.nextFreeByChat.get(chatId) ?? 0, atMs + this.chatIntervalMs));
    if (this.nextFreeByChat.size > REMEMBERED_CHATS) this.forgetPast(atMs);
  }

  /** Telegram said "too many requests": nothing goes out before `untilMs`, to any chat. */
  pauseUntil(untilMs: number): void {
    this.nextFree = Math.max(this.nextFree, untilMs);
  }

  private forgetPast(nowMs: number): void {
    for (const [chatId, next] of this.nextFreeByChat) if (next <= nowMs) this.nextFreeByChat.delete(chatId);
  }
}
