import { addDays, localDateOf, localTimeOf, minutesOf, toInstant, type LocalTime } from "./time.js";

/**
 * Almaty's night, when nothing that can wait is sent: from `from` until `until` the next
 * morning. Urgent messages (a reminder two hours before a consultation) ignore it.
 */
export const QUIET_HOURS: { from: LocalTime; until: LocalTime } = { from: "22:00", until: "09:00" };

/** Whether `now` falls in the quiet hours. */
export function isQuietTime(now: Date): boolean {
  const minute = minutesOf(localTimeOf(now));
  return minute >= minutesOf(QUIET_HOURS.from) || minute < minutesOf(QUIET_HOURS.until);
}

/** The earliest instant at or after `now` at which a non-urgent message may go out. */
export function nextAllowedTime(now: Date): Date {
  if (!isQuietTime(now)) return now;
  const today = localDateOf(now);
  const beforeMidnight = minutesOf(localTimeOf(now)) >= minutesOf(QUIET_HOURS.from);
  return toInstant(beforeMidnight ? addDays(today, 1) : today, QUIET_HOURS.until);
}
