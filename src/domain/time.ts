/**
 * Almaty wall-clock time: calendar dates, clock times, and their conversion
 * to and from UTC instants.
 *
 * Instants (`Date`) are always stored in UTC; everything a user sees or a
 * schedule is defined in is Asia/Almaty local time. The UTC offset is never
 * hard-coded: it is read from the ICU time-zone database, because Almaty was
 * UTC+6 until 2024-03-01 and UTC+5 since, and old bookings must still render
 * with the offset that applied at the time.
 */

export const TIME_ZONE = "Asia/Almaty";

/** Calendar date in Almaty, "YYYY-MM-DD". */
export type LocalDate = string;
/** Wall-clock time in Almaty, "HH:MM", 24-hour. */
export type LocalTime = string;
/** ISO weekday: Monday = 1 … Sunday = 7. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const MINUTES_PER_DAY = 24 * 60;

const LOCAL_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

// Constructing a DateTimeFormat is costly compared to using one, and the
// slot generator converts hundreds of times per request.
const almatyParts = new Intl.DateTimeFormat("en-US", {
  timeZone: TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClockOf(instant: Date): WallClock {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError("Invalid Date");
  const wall = new Date(ms + offsetMsAt(ms));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
  };
}

/** Almaty's offset at `ms` as the time-zone database gives it; costly, see `offsetMsAt`. */
function measuredOffsetMsAt(ms: number): number {
  const wall: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of almatyParts.formatToParts(new Date(ms))) {
    if (part.type in wall) wall[part.type as keyof WallClock] = Number(part.value);
  }
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  // formatToParts drops milliseconds, so compare at whole-second precision.
  return wallAsUtc - Math.floor(ms / 1000) * 1000;
}

const HOUR_MS = 3_600_000;
/** Enough for every hour of a year and more; past it the memory starts afresh. */
const REMEMBERED_HOURS = 24 * 400;
const offsetByHour = new Map<number, number>();

/**
 * Offset of Almaty from UTC at `ms`, in milliseconds (e.g. +5 h → 18_000_000). Asking the
 * time-zone database costs far more than the rest of a conversion, and slots, reminders and
 * agendas convert thousands of times per screen, so each UTC hour's offset is asked once: when
 * the offset is the same at the hour's first and last second, no transition falls inside it
 * (transitions are months apart), and the whole hour has that offset.
 */
function offsetMsAt(ms: number): number {
  const hour = Math.floor(ms / HOUR_MS);
  const known = offsetByHour.get(hour);
  if (known !== undefined) return known;
  const first = measuredOffsetMsAt(hour * HOUR_MS);
  if (measuredOffsetMsAt((hour + 1) * HOUR_MS - 1000) !== first) return measuredOffsetMsAt(ms);
  if (offsetByHour.size >= REMEMBERED_HOURS) offsetByHour.clear();
  offsetByHour.set(hour, first);
  return first;
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

function parseLocalDate(date: LocalDate): { year: number; month: number; day: number } {
  if (!isLocalDate(date)) throw new RangeError(`Not a LocalDate (YYYY-MM-DD): ${JSON.stringify(date)}`);
  const [, y, m, d] = LOCAL_DATE_RE.exec(date) as RegExpExecArray;
  return { year: Number(y), month: Number(m), day: Number(d) };
}

/** A LocalDate as the UTC midnight of the same calendar date: calendar maths without zone effects. */
function utcMidnightMs(date: LocalDate): number {
  const { year, month, day } = parseLocalDate(date);
  return Date.UTC(year, month - 1, day);
}

function localDateOfUtcMs(ms: number): LocalDate {
  const d = new Date(ms);
  return `${String(d.getUTCFullYear()).padStart(4, "0")}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/**
 * Whether `s` is a real calendar date written as "YYYY-MM-DD".
 * Rejects impossible dates such as "2026-02-30".
 */
export function isLocalDate(s: unknown): s is LocalDate {
  if (typeof s !== "string") return false;
  const m = LOCAL_DATE_RE.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/**
 * Whether `s` is a clock time written as zero-padded 24-hour "HH:MM".
 * Rejects "24:00" and unpadded forms such as "7:5".
 */
export function isLocalTime(s: unknown): s is LocalTime {
  return typeof s === "string" && LOCAL_TIME_RE.test(s);
}

/** The Almaty calendar date at `instant`. */
export function localDateOf(instant: Date): LocalDate {
  const w = wallClockOf(instant);
  return `${String(w.year).padStart(4, "0")}-${pad2(w.month)}-${pad2(w.day)}`;
}

/** The Almaty wall-clock time at `instant`, truncated to the minute. */
export function localTimeOf(instant: Date): LocalTime {
  const w = wallClockOf(instant);
  return `${pad2(w.hour)}:${pad2(w.minute)}`;
}

/** ISO weekday of a calendar date: Monday = 1 … Sunday = 7. */
export function localWeekday(date: LocalDate): Weekday {
  const sundayBased = new Date(utcMidnightMs(date)).getUTCDay();
  return (((sundayBased + 6) % 7) + 1) as Weekday;
}

/** The calendar date `n` days after `date` (negative `n` goes back). */
export function addDays(date: LocalDate, n: number): LocalDate {
  if (!Number.isInteger(n)) throw new RangeError(`Day count must be an integer: ${n}`);
  return localDateOfUtcMs(utcMidnightMs(date) + n * DAY_MS);
}

/** Minutes since midnight of a clock time ("09:30" → 570). */
export function minutesOf(time: LocalTime): number {
  const m = LOCAL_TIME_RE.exec(time);
  if (!m) throw new RangeError(`Not a LocalTime (HH:MM): ${JSON.stringify(time)}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Clock time of a number of minutes since midnight (570 → "09:30"); must be within one day. */
export function timeOfMinutes(m: number): LocalTime {
  if (!Number.isInteger(m) || m < 0 || m >= MINUTES_PER_DAY) {
    throw new RangeError(`Minutes must be an integer in [0, ${MINUTES_PER_DAY}): ${m}`);
  }
  return `${pad2(Math.floor(m / 60))}:${pad2(m % 60)}`;
}

/**
 * The UTC instant at which Almaty clocks show `time` on `date`.
 *
 * When clocks were set back (e.g. midnight of 2024-03-01, +6 → +5) a wall
 * time occurs twice; the earlier instant is returned. When clocks jumped
 * forward a wall time never occurred; it is read with the offset in force
 * before the jump, which lands the same distance past the jump.
 */
export function toInstant(date: LocalDate, time: LocalTime): Date {
  const wallMs = utcMidnightMs(date) + minutesOf(time) * MINUTE_MS;
  // Any transition near this wall time falls within half a day of it, so the
  // offsets half a day either side are the only ones that can apply.
  const before = offsetMsAt(wallMs - DAY_MS / 2);
  const after = offsetMsAt(wallMs + DAY_MS / 2);
  const matches = [before, after]
    .map((offset) => wallMs - offset)
    .filter((candidate) => candidate + offsetMsAt(candidate) === wallMs);
  if (matches.length > 0) return new Date(Math.min(...matches));
  return new Date(wallMs - before);
}

const KK_MONTHS = [
  "қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым",
  "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан",
];
const KK_WEEKDAYS = ["дүйсенбі", "сейсенбі", "сәрсенбі", "бейсенбі", "жұма", "сенбі", "жексенбі"];

// Node builds with reduced ICU data fall back to English for Kazakh; the
// hand-written names keep the bot readable there. Full-ICU output is identical.
const hasKazakhIcu = Intl.DateTimeFormat.supportedLocalesOf(["kk-KZ"]).length > 0;

const dayMonthFormat = {
  ru: new Intl.DateTimeFormat("ru-RU", { timeZone: "UTC", day: "numeric", month: "long" }),
  kk: new Intl.DateTimeFormat("kk-KZ", { timeZone: "UTC", day: "numeric", month: "long" }),
};
const weekdayFormat = {
  ru: new Intl.DateTimeFormat("ru-RU", { timeZone: "UTC", weekday: "long" }),
  kk: new Intl.DateTimeFormat("kk-KZ", { timeZone: "UTC", weekday: "long" }),
};

/**
 * Human-readable day for buttons and messages, in one format for both
 * languages: "<day> <month>, <weekday>" with the full weekday name, e.g.
 * ru "23 ноября, понедельник", kk "23 қараша, дүйсенбі".
 *
 * The full weekday is used because the Kazakh abbreviations ("дс", "сс")
 * are not widely recognised. No year is shown: the bot only offers dates a
 * few weeks ahead.
 */
export function formatDay(date: LocalDate, locale: "kk" | "ru"): string {
  const { year, month, day } = parseLocalDate(date);
  if (locale === "kk" && !hasKazakhIcu) {
    return `${day} ${KK_MONTHS[month - 1]}, ${KK_WEEKDAYS[localWeekday(date) - 1]}`;
  }
  // Noon UTC in a UTC formatter: the calendar date cannot shift whatever the host zone.
  const noon = new Date(Date.UTC(year, month - 1, day, 12));
  return `${dayMonthFormat[locale].format(noon)}, ${weekdayFormat[locale].format(noon)}`;
}
