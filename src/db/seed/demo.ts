import type { ServiceCode } from "../../domain/services.js";
import type { DateOverride, TimeRange, WeeklyHours } from "../../domain/slots.js";
import { addDays, localDateOf, localWeekday, type LocalDate, type Weekday } from "../../domain/time.js";

/** First names for demo specialists; every name is shown with the demo mark. */
const DEMO_FIRST_NAMES = [
  "Айжан", "Ерлан", "Дана", "Арман", "Мадина", "Нұрлан", "Әсел", "Тимур",
  "Жанар", "Данияр", "Камила", "Бекзат", "Айгерім", "Руслан", "Сәуле", "Ержан",
];

/** The n-th demo name, e.g. "Айжан (демо)": plainly not a real specialist, readable in both languages. */
export function demoName(n: number): string {
  return `${DEMO_FIRST_NAMES[n % DEMO_FIRST_NAMES.length]} (демо)`;
}

const WORKDAY: TimeRange[] = [
  { start: "10:00", end: "13:00" },
  { start: "14:00", end: "18:00" },
];
const SATURDAY: TimeRange[] = [{ start: "10:00", end: "14:00" }];
const MORNING: TimeRange[] = [{ start: "10:00", end: "13:00" }];

/** Services whose demo specialists also see people on Saturday morning. */
const WORKS_SATURDAY: readonly ServiceCode[] = ["psychologist", "career"];

/** Monday to Friday with a lunch break, plus Saturday morning for some services. */
export function demoWeek(service: ServiceCode): WeeklyHours[] {
  const week: WeeklyHours[] = ([1, 2, 3, 4, 5] as const).map((weekday) => ({ weekday, ranges: WORKDAY }));
  if (WORKS_SATURDAY.includes(service)) week.push({ weekday: 6, ranges: SATURDAY });
  return week;
}

/** The first `weekday` at least `minDaysAhead` days after `from`. */
function nextWeekday(from: LocalDate, weekday: Weekday, minDaysAhead: number): LocalDate {
  const start = addDays(from, minDaysAhead);
  return addDays(start, (weekday - localWeekday(start) + 7) % 7);
}

/**
 * Exceptions in the coming weeks, so that demo schedules show each kind: a day off,
 * extra hours on a free day, a shorter day.
 */
export function demoOverrides(service: ServiceCode, now: Date): DateOverride[] {
  const today = localDateOf(now);
  switch (service) {
    case "psychologist":
      return [{ date: nextWeekday(today, 3, 7), kind: "off" }];
    case "lawyer":
      return [{ date: nextWeekday(today, 6, 1), kind: "hours", ranges: MORNING }];
    case "business":
      return [{ date: nextWeekday(today, 5, 7), kind: "hours", ranges: MORNING }];
    case "career":
      return [];
  }
}
