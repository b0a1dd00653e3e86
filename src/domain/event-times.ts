/**
 * When an event is, as an organiser types it: "12.12 18:30", "12.12.2026 18.30", "2026-12-12 18:30".
 * Read in Almaty time and checked (ahead of now, ends after it starts) before anything is saved.
 */

import { addDays, isLocalDate, localDateOf, toInstant, type LocalDate } from "./time.js";

export type TypedStart = { kind: "ok"; at: Date } | { kind: "unreadable" | "past" };
export type TypedEnd = { kind: "ok"; at: Date } | { kind: "unreadable" | "before-start" };

/** A date typed without a year this long before today means next year's ("15.01" typed in December). */
const PAST_DAYS_MEANING_NEXT_YEAR = 60;

const DAY_MONTH = /^(\d{1,2})[./-](\d{1,2})(?:[./-](\d{2}|\d{4}))?$/;
const YEAR_FIRST = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const CLOCK = /^(\d{1,2})[:.](\d{2})$/;

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

/** "18:30", "9.05" → "18:30", "09:05"; null for anything else. */
function clockOf(text: string): string | null {
  const m = CLOCK.exec(text);
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  return hour < 24 && minute < 60 ? `${pad2(hour)}:${pad2(minute)}` : null;
}

/** A typed date as an Almaty calendar date; without a year, the one that is not long gone. */
function dateOf(text: string, now: Date): LocalDate | null {
  const yearFirst = YEAR_FIRST.exec(text);
  if (yearFirst) {
    const date = `${yearFirst[1]}-${pad2(Number(yearFirst[2]))}-${pad2(Number(yearFirst[3]))}`;
    return isLocalDate(date) ? date : null;
  }
  const m = DAY_MONTH.exec(text);
  if (!m) return null;
  const today = localDateOf(now);
  const thisYear = Number(today.slice(0, 4));
  const typedYear = m[3] === undefined ? undefined : m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  const build = (year: number) => `${year}-${pad2(Number(m[2]))}-${pad2(Number(m[1]))}`;
  if (typedYear !== undefined) return isLocalDate(build(typedYear)) ? build(typedYear) : null;
  const date = build(thisYear);
  if (!isLocalDate(date)) return isLocalDate(build(thisYear + 1)) ? build(thisYear + 1) : null;
  return date < addDays(today, -PAST_DAYS_MEANING_NEXT_YEAR) ? build(thisYear + 1) : date;
}

/** A date and a time in either order, separated by spaces or a comma. */
function dateAndTime(text: string, now: Date): Date | null {
  const words = text.trim().split(/[\s,]+/).filter(Boolean);
  if (words.length !== 2) return null;
  for (const [d, t] of [words, [...words].reverse()]) {
    const date = dateOf(d!, now);
    const time = clockOf(t!);
    if (date && time) return toInstant(date, time);
  }
  return null;
}

/** The start of an event as typed; it must be ahead of `now`. */
export function readStart(text: string, now: Date): TypedStart {
  const at = dateAndTime(text, now);
  if (!at) return { kind: "unreadable" };
  return at > now ? { kind: "ok", at } : { kind: "past" };
}

/** The end of an event starting at `start`: a time of the same day ("20:00"), or a date and time. */
export function readEnd(text: string, start: Date, now: Date): TypedEnd {
  const time = clockOf(text.trim());
  const at = time ? toInstant(localDateOf(start), time) : dateAndTime(text, now);
  if (!at) return { kind: "unreadable" };
  return at > start ? { kind: "ok", at } : { kind: "before-start" };
}

/** A tea-talk host marks everyone in one message, two buttons each: the database holds sessions to this. */
export const TEATALK_MAX_SEATS = 40;
/** More than any hall of the city holds; a festival in the open has no limit instead. */
export const EVENT_MAX_SEATS = 50_000;

/** Seats typed as a whole number from 1 to `max`; null otherwise. */
export function readCapacity(text: string, max: number): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,6}$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return n >= 1 && n <= max ? n : null;
}
