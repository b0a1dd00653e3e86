import { describe, expect, it } from "vitest";
import { SendRateLimiter, TELEGRAM_SEND_LIMITS } from "../../src/scheduler/rate-limiter.js";

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

  it("spaces sends from when they really went, not from when their wait was worked out", () => {
    const limiter = new SendRateLimiter();
    // Allowed at once, but the machine was busy: the message went half a second later.
    expect(limiter.delayFor(1, 0)).toBe(0);
    limiter.sent(1, 500);
    // The next one, to another chat, keeps its distance from that late send.
    expect(limiter.delayFor(2, 500)).toBe(Math.ceil(1000 / TELEGRAM_SEND_LIMITS.perSecond));
    // And the same chat waits a second from it.
    expect(limiter.delayFor(1, 1000)).toBe(500);
  });

  it("pauses every chat after a 429 until retry_after has passed", () => {
    const limiter = new SendRateLimiter();
    sendAt(limiter, 1, 0);
    limiter.pauseUntil(3000);
    expect(sendAt(limiter, 2, 100)).toBe(3000);
    expect(sendAt(limiter, 3, 100)).toBeGreaterThan(3000);
  });

  it("keeps its limits with many distinct chats over a long time", () => {
    const limiter = new SendRateLimiter();
    const times = schedule(limiter, Array.from({ length: 3000 }, (_, i) => i % 1500), 0);
    // Chat 0 came back after 1500 others: still at least a second after its first message.
    expect(times[1500]! - times[0]!).toBeGreaterThanOrEqual(1000);
  });
});
