import { describe, expect, it } from "vitest";
import { isNudgeTime, nextPracticeNudge, NUDGE_TIMES, NUDGE_VALID_MINUTES } from "../../src/domain/practice-nudge.js";
import { isQuietTime } from "../../src/domain/quiet-hours.js";
import { toInstant } from "../../src/domain/time.js";

describe("the daily practice nudge", () => {
  it("offers only times outside the quiet hours, so a chosen time is never moved", () => {
    for (const time of NUDGE_TIMES) expect(isQuietTime(toInstant("2026-11-23", time)), time).toBe(false);
    expect(isNudgeTime("20:00")).toBe(true);
    expect(isNudgeTime("07:00")).toBe(false);
    expect(isNudgeTime("off")).toBe(false);
  });

  it("is planned for today while the time is ahead, otherwise for tomorrow", () => {
    // 10:00 Almaty on 23 November.
    const now = new Date("2026-11-23T05:00:00Z");
    const today = nextPracticeNudge(7, "20:00", now);
    expect(today).toMatchObject({
      kind: "practice_nudge",
      payload: { date: "2026-11-23" },
      dedupeKey: "practice_nudge:7:2026-11-23",
      essential: false,
      urgent: false,
    });
    expect(today.dueAt.toISOString()).toBe("2026-11-23T15:00:00.000Z");
    expect(today.expiresAt!.getTime() - today.dueAt.getTime()).toBe(NUDGE_VALID_MINUTES * 60_000);

    const tomorrow = nextPracticeNudge(7, "09:00", now);
    expect(tomorrow.dedupeKey).toBe("practice_nudge:7:2026-11-24");
    expect(tomorrow.dueAt.toISOString()).toBe("2026-11-24T04:00:00.000Z");

    // Exactly at the time: that one is being sent or was; the next is tomorrow.
    expect(nextPracticeNudge(7, "20:00", new Date("2026-11-23T15:00:00Z")).payload).toEqual({ date: "2026-11-24" });
  });
});
