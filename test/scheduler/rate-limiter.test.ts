import { describe, expect, it } from "vitest";
import { SendRateLimiter, TELEGRAM_SEND_LIMITS } from "../../src/scheduler/rate-limiter.js";

/** Reserves sends for `chats` one after another, each caller waiting for its slot like the dispatcher does. */
function schedule(limiter: SendRateLimiter, chats: number[], start = 0): number[] {
  let now = start;
  return chats.map((chat) => (now = limiter.reserve(chat, now)));
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
    const first = limiter.reserve(1, 0);
    const other = limiter.reserve(2, 0);
    const second = limiter.reserve(1, 0);
    expect(first).toBe(0);
    expect(other).toBeLessThan(100);
    expect(second).toBe(1000);
    expect(limiter.reserve(1, 5000)).toBe(5000);
  });

  it("pauses every chat after a 429 until retry_after has passed", () => {
    const limiter = new SendRateLimiter();
    limiter.reserve(1, 0);
    limiter.pauseUntil(3000);
    expect(limiter.reserve(2, 100)).toBe(3000);
    expect(limiter.reserve(3, 100)).toBeGreaterThan(3000);
  });

  it("keeps its limits with many distinct chats over a long time", () => {
    const limiter = new SendRateLimiter();
    const times = schedule(limiter, Array.from({ length: 3000 }, (_, i) => i % 1500), 0);
    // Chat 0 came back after 1500 others: still at least a second after its first message.
    expect(times[1500]! - times[0]!).toBeGreaterThanOrEqual(1000);
  });
});
