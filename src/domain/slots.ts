/**
 * Free consultation slots of a specialist, computed from weekly working
 * hours, per-date overrides and already busy intervals.
 *
 * Working hours are Almaty wall times; slots come out as UTC instants
 * together with the Almaty date and time they were generated from, so the
 * bot can both store and display them without converting again.
 */

import {
  addDays,
  isLocalTime,
  localDateOf,
  localWeekday,
  minutesOf,
  timeOfMinutes,
  toInstant,
  type LocalDate,
  type LocalTime,
  type Weekday,
} from "./time.js";

/** Working range within one day; `end` must be after `start`. */
export interface TimeRange {
  start: LocalTime;
  end: LocalTime;
}

/** Working hours of one weekday; gaps between ranges are breaks. */
export interface WeeklyHours {
  weekday: Weekday;
  ranges: TimeRange[];
}

/**
 * Exception for one date. "off": no work at all. "hours": these ranges
 * replace the weekly hours of that date (extra hours on a day off, a
 * shorter day, ...).
 */
export type DateOverride =
  | { date: LocalDate; kind: "off" }
  | { date: LocalDate; kind: "hours"; ranges: TimeRange[] };

/** Half-open interval [start, end) of UTC instants. */
export interface Interval {
  start: Date;
  end: Date;
}

/** A bookable slot: UTC instants plus the Almaty date and time it starts at. */
export interface Slot {
  start: Date;
  end: Date;
  date: LocalDate;
  time: LocalTime;
}

export interface SlotQuery {
  weekly: WeeklyHours[];
  overrides: DateOverride[];
  slotMinutes: number;
  now: Date;
  /** Look from today (the Almaty date of `now`) through today + days − 1. */
  days: number;
  /** A slot must start at least this many minutes after `now`. */
  minNoticeMinutes: number;
  /** Booked slots and blocked times; may overlap, be unsorted, cross slot boundaries. */
  busy: Interval[];
  /** Only this date of the window (a screen shows one day); absent: every date. */
  only?: LocalDate;
}

const MINUTE_MS = 60_000;

/**
 * Slots are cut from one day's working ranges and a blocked time lies within one date, so
 * nothing busy lasts longer than a day: what is still going on at an instant started less than
 * this long before it.
 */
export const LONGEST_BUSY_MINUTES = 24 * 60;

/**
 * Free slots in the query window, sorted by start.
 *
 * Slots are laid out back to back from the start of each working range; a
 * slot that would run past the range's end is dropped. A slot is offered only
 * if it starts no earlier than `now + minNoticeMinutes` (and never in the
 * past) and does not overlap any busy interval — merely touching one is fine.
 * When several overrides name the same date, the last one wins.
 *
 * @throws RangeError if `slotMinutes` is not a positive integer, `days` is
 *   not a non-negative integer, or a range holds a malformed time.
 */
export function freeSlots(q: SlotQuery): Slot[] {
  if (!Number.isInteger(q.slotMinutes) || q.slotMinutes <= 0) {
    throw new RangeError(`slotMinutes must be a positive integer: ${q.slotMinutes}`);
  }
  if (!Number.isInteger(q.days) || q.days < 0) {
    throw new RangeError(`days must be a non-negative integer: ${q.days}`);
  }

  const overrideByDate = new Map<LocalDate, DateOverride>();
  for (const o of q.overrides) overrideByDate.set(o.date, o);

  // A negative notice would otherwise let already started slots through.
  const earliestMs = q.now.getTime() + Math.max(0, q.minNoticeMinutes) * MINUTE_MS;
  const slotMs = q.slotMinutes * MINUTE_MS;
  const busy = q.busy.map((b) => ({ start: b.start.getTime(), end: b.end.getTime() }));

  const today = localDateOf(q.now);
  const byStart = new Map<number, Slot>();
  for (let i = 0; i < q.days; i++) {
    const date = addDays(today, i);
    if (q.only !== undefined && date !== q.only) continue;
    for (const range of rangesOn(date, q.weekly, overrideByDate)) {
      const rangeEnd = minutesOf(range.end);
      for (let m = minutesOf(range.start); m + q.slotMinutes <= rangeEnd; m += q.slotMinutes) {
        const time = timeOfMinutes(m);
        const start = toInstant(date, time).getTime();
        const end = start + slotMs;
        if (start < earliestMs) continue;
        if (busy.some((b) => b.start < end && start < b.end)) continue;
        // Overlapping ranges (invalid, but possible in stored data) must not offer a slot twice.
        if (!byStart.has(start)) byStart.set(start, { start: new Date(start), end: new Date(end), date, time });
      }
    }
  }
  return [...byStart.values()].sort((a, b) => a.start.getTime() - b.start.getTime());
}

function rangesOn(
  date: LocalDate,
  weekly: WeeklyHours[],
  overrideByDate: Map<LocalDate, DateOverride>,
): TimeRange[] {
  const override = overrideByDate.get(date);
  if (override) return override.kind === "off" ? [] : override.ranges;
  const weekday = localWeekday(date);
  return weekly.filter((w) => w.weekday === weekday).flatMap((w) => w.ranges);
}

/** Distinct dates of `slots`, in order of first appearance (chronological for sorted slots). */
export function slotDays(slots: Slot[]): LocalDate[] {
  return [...new Set(slots.map((s) => s.date))];
}

/**
 * The `count` slots starting closest to `target` (before or after), returned
 * in time order — offered when the slot a user picked was just taken.
 * On equal distance the earlier slot is preferred.
 */
export function nearestSlots(slots: Slot[], target: Date, count: number): Slot[] {
  if (count <= 0) return [];
  const t = target.getTime();
  const distance = (s: Slot) => Math.abs(s.start.getTime() - t);
  return [...slots]
    .sort((a, b) => distance(a) - distance(b) || a.start.getTime() - b.start.getTime())
    .slice(0, count)
    .sort((a, b) => a.start.getTime() - b.start.getTime());
}

/**
 * Problems in a set of weekly hours, one human-readable message each (for
 * the admin entering them); an empty array means valid. Checks weekday
 * numbers, time format, `end` after `start`, and overlapping ranges on the
 * same weekday, also across entries; ranges that merely touch are fine.
 */
export function validateWeeklyHours(w: WeeklyHours[]): string[] {
  const problems: string[] = [];
  const wellFormed = new Map<number, TimeRange[]>();

  for (const entry of w) {
    const day = entry.weekday;
    if (!Number.isInteger(day) || day < 1 || day > 7) {
      problems.push(`weekday ${day}: must be an integer from 1 (Monday) to 7 (Sunday)`);
      continue;
    }
    for (const r of entry.ranges) {
      const label = `weekday ${day}: ${r.start}–${r.end}`;
      const badTimes = [r.start, r.end].filter((t) => !isLocalTime(t));
      if (badTimes.length > 0) {
        problems.push(`${label}: invalid time ${badTimes.map((t) => JSON.stringify(t)).join(", ")} (expected HH:MM, 00:00–23:59)`);
        continue;
      }
      if (minutesOf(r.end) <= minutesOf(r.start)) {
        problems.push(`${label}: end must be after start`);
        continue;
      }
      const list = wellFormed.get(day) ?? [];
      list.push(r);
      wellFormed.set(day, list);
    }
  }

  for (const [day, ranges] of [...wellFormed].sort((a, b) => a[0] - b[0])) {
    const sorted = [...ranges].sort((a, b) => minutesOf(a.start) - minutesOf(b.start));
    // After sorting by start, checking each range against the furthest end so
    // far catches every overlap, including one range nested in another.
    let furthest = sorted[0];
    for (const r of sorted.slice(1)) {
      if (furthest && minutesOf(r.start) < minutesOf(furthest.end)) {
        problems.push(`weekday ${day}: ${furthest.start}–${furthest.end} overlaps ${r.start}–${r.end}`);
      }
      if (!furthest || minutesOf(r.end) > minutesOf(furthest.end)) furthest = r;
    }
  }
  return problems;
}

/**
 * Whether a booked interval still lies within working hours: inside one range of its Almaty
 * date, by the same rules slots are cut by (an override of the date replaces the weekly hours).
 */
export function withinHours(interval: Interval, weekly: WeeklyHours[], overrides: DateOverride[]): boolean {
  const date = localDateOf(interval.start);
  const overrideByDate = new Map<LocalDate, DateOverride>(overrides.map((o) => [o.date, o]));
  return rangesOn(date, weekly, overrideByDate).some(
    (r) => toInstant(date, r.start).getTime() <= interval.start.getTime() && interval.end.getTime() <= toInstant(date, r.end).getTime(),
  );
}
