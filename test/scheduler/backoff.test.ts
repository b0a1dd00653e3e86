import { describe, expect, it } from "vitest";
import { MAX_SEND_ATTEMPTS, retryDelayMs } from "../../src/scheduler/backoff.js";

describe("retry backoff", () => {
  it("doubles from 30 seconds and stops growing at half an hour", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(retryDelayMs)).toEqual([
      30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_800_000, 1_800_000,
    ]);
  });

  it("gives a message up after a handful of attempts, within the first hour", () => {
    expect(MAX_SEND_ATTEMPTS).toBe(5);
    const waited = Array.from({ length: MAX_SEND_ATTEMPTS - 1 }, (_, i) => retryDelayMs(i + 1)).reduce((a, b) => a + b, 0);
    expect(waited).toBeLessThan(60 * 60_000);
  });

  it("rejects nonsense attempt numbers", () => {
    expect(() => retryDelayMs(0)).toThrow(RangeError);
    expect(() => retryDelayMs(1.5)).toThrow(RangeError);
  });
});
