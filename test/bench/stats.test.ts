import { describe, expect, it } from "vitest";
import { percentile, spreadOf, spreadsOf } from "../../bench/stats.js";

describe("benchmark statistics", () => {
  it("takes the nearest-rank percentile, whatever the order of the values", () => {
    const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 90)).toBe(9);
    expect(percentile(values, 99)).toBe(10);
    expect(percentile(values, 0)).toBe(1);
    expect(percentile([42], 99)).toBe(42);
    expect(percentile([], 50)).toBeNaN();
  });

  it("keeps the slowest of a hundred as the 99th percentile of a hundred and one", () => {
    const values = Array.from({ length: 101 }, (_, i) => i + 1);
    expect(percentile(values, 99)).toBe(100);
  });

  it("gives min, median and max of repetitions, named as the figures are", () => {
    expect(spreadOf([3, 1, 2])).toEqual({ min: 1, median: 2, max: 3 });
    expect(spreadOf([4, 1])).toEqual({ min: 1, median: 1, max: 4 });
    expect(() => spreadOf([])).toThrow();
    expect(spreadsOf([{ updates_per_s: 10, p99_ms: 3 }, { updates_per_s: 30, p99_ms: 1 }, { updates_per_s: 20, p99_ms: 2 }])).toEqual({
      updates_per_s: { min: 10, median: 20, max: 30 },
      p99_ms: { min: 1, median: 2, max: 3 },
    });
  });
});
