/** Telegram's limits for messages a bot starts: about 30 a second overall and 1 a second per chat. */
export const TELEGRAM_SEND_LIMITS = { perSecond: 30, perChatIntervalMs: 1000 } as const;

/**
 * The second in which at most `perSecond` messages go is counted this much longer. Telegram counts
 * each send from when its request arrives, which lies between when it left and when its answer
 * came back: the limiter counts an answered send from its answer for that reason, and this margin
 * is for the sends still on their way.
 */
export const WINDOW_MARGIN_MS = 25;

/** Chats whose next slot lies in the past carry no information; past this many they are forgotten. */
const REMEMBERED_CHATS = 1000;

/**
 * Decides when each send may go: never more than `perSecond` within any second (plus the margin),
 * evenly spread at `perSecond` with a burst of a tenth of a second's worth to catch up a send that
 * went late, nothing at all while Telegram asked to pause, and one chat's messages
 * `perChatIntervalMs` apart. The caller asks `delayFor` right before it sends, waits and asks
 * again, and records the moment it sends with `sent`, synchronously after a 0: so that sends of
 * several messages in flight at once take distinct slots. Pure timing: the caller passes the
 * current time, so a test drives it with a fake clock.
 */
export class SendRateLimiter {
  private readonly perSecond: number;
  private readonly chatIntervalMs: number;
  private readonly burst: number;
  /** The last `perSecond` sends, oldest first: when each left, or when its answer came. */
  private readonly lastSends: { at: number }[] = [];
  private tokens: number;
  private tokensCountedAt = 0;
  private pausedUntil = 0;
  private readonly nextFreeByChat = new Map<number, number>();

  constructor(limits: { perSecond: number; perChatIntervalMs: number } = TELEGRAM_SEND_LIMITS) {
    this.perSecond = limits.perSecond;
    this.chatIntervalMs = limits.perChatIntervalMs;
    this.burst = Math.max(1, limits.perSecond / 10);
    this.tokens = this.burst;
  }

  private get limited(): boolean {
    return Number.isFinite(this.perSecond);
  }

  /** How long a send to `chatId` must wait at `nowMs` (0: it may go now), in ms. */
  delayFor(chatId: number, nowMs: number): number {
    const chat = (this.nextFreeByChat.get(chatId) ?? 0) - nowMs;
    if (!this.limited) return Math.max(0, this.pausedUntil - nowMs, chat);
    const window = this.lastSends.length < this.perSecond ? 0 : Math.min(...this.lastSends.map((send) => send.at)) + 1000 + WINDOW_MARGIN_MS - nowMs;
    const tokens = this.tokensAvailable(nowMs);
    const spread = tokens >= 1 ? 0 : Math.ceil(((1 - tokens) * 1000) / this.perSecond);
    return Math.max(0, this.pausedUntil - nowMs, window, spread, chat);
  }

  /** A message to `chatId` goes out at `atMs`; the function returned is told when its answer came. */
  sent(chatId: number, atMs: number): (answeredAtMs: number) => void {
    this.nextFreeByChat.set(chatId, Math.max(this.nextFreeByChat.get(chatId) ?? 0, atMs + this.chatIntervalMs));
    if (this.nextFreeByChat.size > REMEMBERED_CHATS) this.forgetPast(atMs);
    if (!this.limited) return () => {};
    this.tokens = this.tokensAvailable(atMs) - 1;
    this.tokensCountedAt = atMs;
    const send = { at: atMs };
    this.lastSends.push(send);
    if (this.lastSends.length > this.perSecond) this.lastSends.shift();
    return (answeredAtMs) => void (send.at = Math.max(send.at, answeredAtMs));
  }

  /** Telegram said "too many requests": nothing goes out before `untilMs`, to any chat. */
  pauseUntil(untilMs: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, untilMs);
  }

  private tokensAvailable(nowMs: number): number {
    return Math.min(this.burst, this.tokens + (Math.max(0, nowMs - this.tokensCountedAt) * this.perSecond) / 1000);
  }

  private forgetPast(nowMs: number): void {
    for (const [chatId, next] of this.nextFreeByChat) if (next <= nowMs) this.nextFreeByChat.delete(chatId);
  }
}
