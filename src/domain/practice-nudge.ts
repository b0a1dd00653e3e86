import type { PlannedNotice } from "./notices.js";
import { addDays, localDateOf, toInstant, type LocalDate } from "./time.js";
import { addMinutes } from "./time-math.js";

/**
 * The times a person may choose for the daily Kazakh-practice nudge (Almaty time). All fall
 * outside the quiet hours: the nudge is not urgent, so an earlier time would only be moved.
 */
export const NUDGE_TIMES = ["09:00", "12:00", "18:00", "20:00", "21:00"] as const;
export type NudgeTime = (typeof NUDGE_TIMES)[number];

/** A nudge that could not go out within this long after its time is dropped, not sent late. */
export const NUDGE_VALID_MINUTES = 120;

export function isNudgeTime(value: unknown): value is NudgeTime {
  return typeof value === "string" && (NUDGE_TIMES as readonly string[]).includes(value);
}

/** One nudge per person and day, whatever the time and however often it is planned. */
export function practiceNudgeKey(userId: number, date: LocalDate): string {
  return `practice_nudge:${userId}:${date}`;
}

/** The person's next nudge: today at `time` if that is still ahead, otherwise tomorrow. */
export function nextPracticeNudge(userId: number, time: NudgeTime, now: Date): PlannedNotice {
  const today = localDateOf(now);
  const date = toInstant(today, time) > now ? today : addDays(today, 1);
  const dueAt = toInstant(date, time);
  return {
    kind: "practice_nudge",
    dueAt,
    expiresAt: addMinutes(dueAt, NUDGE_VALID_MINUTES),
    payload: { date },
    dedupeKey: practiceNudgeKey(userId, date),
    essential: false,
    urgent: false,
  };
}
