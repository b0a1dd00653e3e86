import { describe, expect, it } from "vitest";
import { SendRateLimiter, TELEGRAM_SEND_LIMITS, WINDOW_MARGIN_MS } from "../../src/scheduler/rate-limiter.js";

/** Sends to `chats` one after another, each waiting as long as the limiter says, as the dispatcher does. */
function schedule(limiter: SendRateLimiter, chats: number[], start = 0): number[] {
  let now = start;
  return chats.map((chat) => {
    now += limiter.delayFor(chat, now);
    limiter.sent(chat, now);
    return now;
  });
}

/** Sends at `atMs` once the limiter allows it. */
function sendAt(limiter: SendRateLimiter, chat: number, atMs: number): number {
  const at = atMs + limiter.delayFor(chat, atMs);
  limiter.sent(chat, at);
  return at;
}

describe("send rate limiter", () => {
  it("never lets more than 30 messages out in any second, across chats", () => {
    const times = schedule(new SendRateLimiter(), Array.from({ length: 200 }, (_, i) => i + 1));
    for (let i = 0; i < times.length; i++) {
      const inWindow = times.filter((t) => t >= times[i]! && t < times[i]! + 1000).length;
      expect(inWindow).toBeLessThanOrEqual(TELEGRAM_SEND_LIMITS.perSecond);
    }
    // And does not slow down needlessly: 200 messages in under 7 seconds.
    expect(times.at(-1)!).toBeLessThan(7000);
  });

  it("spaces messages to one chat a second apart, while other chats go in between", () => {
    const limiter = new SendRateLimiter();
    expect(sendAt(limiter, 1, 0)).toBe(0);
    expect(sendAt(limiter, 2, 0)).toBeLessThan(100);
    expect(sendAt(limiter, 1, 0)).toBe(1000);
    expect(limiter.delayFor(1, 5000)).toBe(0);
  });

  it("spreads sends at 30 a second, and catches up a late one with a burst of a tenth of a second's worth", () => {
    const limiter = new SendRateLimiter();
    // Four sends at once: three go together, the fourth a thirtieth of a second later.
    expect([1, 2, 3, 4].map((chat) => sendAt(limiter, chat, 0))).toEqual([0, 0, 0, 34]);
    // The machine was busy for half a second: the next three go at once, then the pace is even again.
    const later = [5, 6, 7, 8].map((chat) => sendAt(limiter, chat, 534));
    expect(later.slice(0, 3)).toEqual([534, 534, 534]);
    expect(later[3]! - 534).toBeGreaterThanOrEqual(33);
    expect(later[3]! - 534).toBeLessThanOrEqual(34);
  });

  it("gives distinct slots to sends in flight side by side, each asking right before it goes", () => {
    const limiter = new SendRateLimiter();
    // Eight senders ask at the same moment; each takes its slot as soon as it is told 0.
    const times = schedule(limiter, [1, 2, 3, 4, 5, 6, 7, 8]);
    expect(times.slice(0, 3)).toEqual([0, 0, 0]);
    for (let i = 3; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(33);
  });

  it("counts the second a little longer than a second, for requests that arrive later than they left", () => {
    const times = schedule(new SendRateLimiter(), Array.from({ length: 120 }, (_, i) => i + 1));
    for (let i = 0; i + 30 < times.length; i++) expect(times[i + 30]! - times[i]!).toBeGreaterThanOrEqual(1000 + WINDOW_MARGIN_MS);
    // 120 messages in just over four seconds.
    expect(times.at(-1)!).toBeLessThan(4200);
  });

  it("counts a send from when its answer came, since Telegram may have counted it as late as that", () => {
    const limiter = new SendRateLimiter();
    let now = 0;
    const answers = Array.from({ length: 30 }, (_, i) => {
      now += limiter.delayFor(i, now);
      return { at: now, answered: limiter.sent(i, now) };
    });
    // Each answer took 600 ms: the 31st waits a second and the margin from the first answer.
    for (const { answered, at } of answers) answered(at + 600);
    expect(limiter.delayFor(999, 1000)).toBe(600 + 1000 + WINDOW_MARGIN_MS - 1000);
  });

  it("pauses every chat after a 429 until retry_after has passed", () => {
    const limiter = new SendRateLimiter();
    sendAt(limiter, 1, 0);
    limiter.pauseUntil(3000);
    expect(sendAt(limiter, 2, 100)).toBe(3000);
    expect(sendAt(limiter, 1, 100)).toBeGreaterThanOrEqual(3000);
  });

  it("keeps its limits with many distinct chats over a long time", () => {
    const limiter = new SendRateLimiter();
    const times = schedule(limiter, Array.from({ length: 3000 }, (_, i) => i % 1500), 0);
    // Chat 0 came back after 1500 others: still at least a second after its first message.
    expect(times[1500]! - times[0]!).toBeGreaterThanOrEqual(1000);
  });
});
