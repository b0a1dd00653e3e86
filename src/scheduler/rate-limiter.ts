/** Telegram's limits for messages a bot starts: about 30 a second overall and 1 a second per chat. */
export const TELEGRAM_SEND_LIMITS = { perSecond: 30, perChatIntervalMs: 1000 } as const;

/** Chats whose next slot lies in the past carry no information; past this many they are forgotten. */
const REMEMBERED_CHATS = 1000;

/**
 * Spaces sends out in time: each send reserves the earliest moment that keeps both the overall
 * rate and the per-chat rate, and the caller waits until then. Pure timing: the caller passes
 * the current time, so a test drives it with a fake clock.
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

  /** Reserves a send to `chatId` and returns when it may happen (epoch ms, never before `nowMs`). */
  reserve(chatId: number, nowMs: number): number {
    const at = Math.max(nowMs, this.nextFree, this.nextFreeByChat.get(chatId) ?? 0);
    this.nextFree = at + this.globalIntervalMs;
    this.nextFreeByChat.set(chatId, at + this.chatIntervalMs);
    if (this.nextFreeByChat.size > REMEMBERED_CHATS) this.forgetPast(nowMs);
    return at;
  }

  /** Telegram said "too many requests": nothing goes out before `untilMs`, to any chat. */
  pauseUntil(untilMs: number): void {
    this.nextFree = Math.max(this.nextFree, untilMs);
  }

  private forgetPast(nowMs: number): void {
    for (const [chatId, next] of this.nextFreeByChat) if (next <= nowMs) this.nextFreeByChat.delete(chatId);
  }
}
