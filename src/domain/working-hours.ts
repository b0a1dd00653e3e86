import { validateWeeklyHours, type TimeRange } from "./slots.js";
import { addDays, isLocalDate, type LocalDate } from "./time.js";

/** How far ahead an administrator may set a date's own hours: a year, holidays included. */
export const OVERRIDE_DAYS_AHEAD = 366;

/**
 * A day's working ranges as an administrator types them: "10:00-13:00, 14:00-18:00" (any dash;
 * commas, semicolons or spaces between ranges; "9:00" for "09:00"). Null when a time is not
 * one, a range ends before it starts, or two ranges overlap.
 */
export function parseRanges(text: string): TimeRange[] | null {
  const pieces = text.trim().split(/\s*[,;]\s*|\s+(?=\d{1,2}[:.]\d{2}\s*[-–—])/).filter((p) => p !== "");
  if (pieces.length === 0) return null;
  const ranges: TimeRange[] = [];
  for (const piece of pieces) {
    const m = /^(\d{1,2})[:.](\d{2})\s*[-–—]\s*(\d{1,2})[:.](\d{2})$/.exec(piece);
    if (!m) return null;
    ranges.push({ start: `${m[1]!.padStart(2, "0")}:${m[2]}`, end: `${m[3]!.padStart(2, "0")}:${m[4]}` });
  }
  ranges.sort((a, b) => a.start.localeCompare(b.start));
  return validateWeeklyHours([{ weekday: 1, ranges }]).length === 0 ? ranges : null;
}

/** "10:00–13:00, 14:00–18:00". */
export function formatRanges(ranges: readonly TimeRange[]): string {
  return ranges.map((r) => `${r.start}–${r.end}`).join(", ");
}

/**
 * A date as people write it, "31.12" or "31.12.2026", from today up to OVERRIDE_DAYS_AHEAD
 * ahead; without a year, the next such date from today. Null for anything else.
 */
export function parseOverrideDate(text: string, today: LocalDate): LocalDate | null {
  const m = /^\s*(\d{1,2})[./](\d{1,2})(?:[./](\d{4}))?\s*$/.exec(text);
  if (!m) return null;
  const [day, month] = [m[1]!.padStart(2, "0"), m[2]!.padStart(2, "0")];
  const thisYear = Number(today.slice(0, 4));
  const candidates = m[3] ? [Number(m[3])] : [thisYear, thisYear + 1];
  const last = addDays(today, OVERRIDE_DAYS_AHEAD);
  for (const year of candidates) {
    const date = `${year}-${month}-${day}`;
    if (isLocalDate(date) && date >= today && date <= last) return date;
  }
  return null;
}
