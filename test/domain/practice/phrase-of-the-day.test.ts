import { describe, expect, it } from "vitest";
import { phraseOfTheDay } from "../../../src/domain/practice/phrase-of-the-day.js";
import { addDays } from "../../../src/domain/time.js";

describe("phrase of the day", () => {
  const month = Array.from({ length: 30 }, (_, i) => addDays("2026-11-01", i));

  it("is the same item all day for the same date and level", () => {
    for (const date of month) expect(phraseOfTheDay(date, 2)).toBe(phraseOfTheDay(date, 2));
  });

  it("changes from day to day", () => {
    const ids = new Set(month.map((date) => phraseOfTheDay(date, 3).id));
    expect(ids.size).toBeGreaterThan(20);
  });

  it("keeps to items up to the learner's level", () => {
    for (const level of [1, 2, 3] as const) {
      for (const date of month) expect(phraseOfTheDay(date, level).level).toBeLessThanOrEqual(level);
    }
    expect(new Set(month.map((date) => phraseOfTheDay(date, 3).level))).toEqual(new Set([1, 2, 3]));
  });
});
