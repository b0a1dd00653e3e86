import { State } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { currentStreak, progressOf } from "../../../src/domain/practice/progress.js";
import { addDays, toInstant } from "../../../src/domain/time.js";

describe("practice streak", () => {
  it.each<[string[], number]>([
    [["2026-11-23", "2026-11-22", "2026-11-21"], 3],
    // Today is still open: a streak up to yesterday stands.
    [["2026-11-22", "2026-11-21"], 2],
    [["2026-11-23", "2026-11-21", "2026-11-20"], 1],
    [["2026-11-21"], 0],
    [[], 0],
    [["2026-11-23", "2026-11-23", "2026-11-22"], 2],
    // Across a month's end: every day from 31 October.
    [Array.from({ length: 24 }, (_, i) => addDays("2026-10-31", i)), 24],
  ])("%j on 2026-11-23 → %i", (days, streak) => {
    expect(currentStreak(days, "2026-11-23")).toBe(streak);
  });

  it("counts Almaty days, not UTC days", () => {
    const now = toInstant("2026-11-23", "10:00");
    // 23:30 on the 22nd in Almaty is 18:30 UTC; 00:30 on the 23rd is 19:30 UTC on the 22nd.
    const late = toInstant("2026-11-22", "23:30");
    const early = toInstant("2026-11-23", "00:30");
    expect(progressOf([], [late, early], now).streak).toBe(2);
    expect(progressOf([], [early], now).streak).toBe(1);
  });
});

describe("practice progress", () => {
  it("counts words met and learned (in review)", () => {
    const now = toInstant("2026-11-23", "10:00");
    const cards = [
      { due: toInstant("2026-11-22", "10:00"), state: State.Review },
      { due: toInstant("2026-11-23", "23:59"), state: State.Review },
      { due: toInstant("2026-11-24", "00:00"), state: State.Review },
      { due: toInstant("2026-11-23", "10:10"), state: State.Learning },
      { due: toInstant("2026-11-30", "10:00"), state: State.Relearning },
    ];
    expect(progressOf(cards, [], now)).toEqual({ seen: 5, learned: 3, streak: 0 });
  });
});
