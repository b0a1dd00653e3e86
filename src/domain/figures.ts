import { ageBandOf, type AgeBand } from "./card.js";
import { MIN_AGE, MAX_AGE } from "./profile.js";
import { SERVICE_CODES, SERVICES, type ServiceCode } from "./services.js";
import { addDays, localDateOf, localWeekday, toInstant, type LocalDate } from "./time.js";

/**
 * The city's figures: the rules that keep them from pointing at anyone, the periods they cover
 * and the 2026 targets. Counts only; a group of fewer people than this is shown as "< 10".
 */
export const SMALL_GROUP = 10;

/** The year the targets are for, and what the city set out to reach in it. */
export const TARGET_YEAR = 2026;
export const TARGETS = {
  consultations: 22_000,
  events: 3_000,
  reached: 700_000,
  ngos: 8,
} as const;
export type TargetCode = keyof typeof TARGETS;

/** Services shown only as a city-wide total: never by center, district or month. */
export const SENSITIVE_SERVICES: readonly ServiceCode[] = SERVICE_CODES.filter((s) => SERVICES[s].sensitive);
export const OPEN_SERVICES: readonly ServiceCode[] = SERVICE_CODES.filter((s) => !SERVICES[s].sensitive);

/** The age bands of the figures, the same as a card partner sees. */
export const AGE_BANDS: readonly AgeBand[] = (() => {
  const bands: AgeBand[] = [];
  for (let age = MIN_AGE; age <= MAX_AGE; age++) {
    const band = ageBandOf(age)!;
    if (bands.at(-1)?.from !== band.from) bands.push(band);
  }
  return bands;
})();

/** Half-open span of instants [from, to). */
export interface Period {
  from: Date;
  to: Date;
}

/** A calendar year in Almaty, from its first midnight to the next year's. */
export function yearPeriod(year: number): Period {
  return { from: toInstant(`${year}-01-01`, "00:00"), to: toInstant(`${year + 1}-01-01`, "00:00") };
}

/** The twelve months of a year in Almaty, each keyed "2026-03". */
export function monthsOf(year: number): { key: string; period: Period }[] {
  return Array.from({ length: 12 }, (_, i) => {
    const month = `${year}-${String(i + 1).padStart(2, "0")}`;
    const next = i === 11 ? `${year + 1}-01` : `${year}-${String(i + 2).padStart(2, "0")}`;
    return { key: month, period: { from: toInstant(`${month}-01`, "00:00"), to: toInstant(`${next}-01`, "00:00") } };
  });
}

/** The Monday (Almaty) of the week `instant` falls in. */
export function mondayOf(instant: Date): LocalDate {
  const day = localDateOf(instant);
  return addDays(day, 1 - localWeekday(day));
}

/** The last `count` weeks, Monday to Monday in Almaty, the current one last; keyed by their Monday. */
export function lastWeeks(now: Date, count: number): { key: LocalDate; period: Period }[] {
  const thisMonday = mondayOf(now);
  return Array.from({ length: count }, (_, i) => {
    const monday = addDays(thisMonday, 7 * (i - count + 1));
    return { key: monday, period: { from: toInstant(monday, "00:00"), to: toInstant(addDays(monday, 7), "00:00") } };
  });
}

export interface Pace {
  target: number;
  done: number;
  /** Share of the target reached, 0..1 (capped). */
  share: number;
  /** Whole days left until the end of the target year, today included; 0 once it is over. */
  daysLeft: number;
  /** What is still needed per day and per week to meet the target in time; 0 once it is met. */
  perDay: number;
  perWeek: number;
}

/** How far a target is, and the pace needed to meet it by 31 December (Almaty). */
export function paceTo(target: number, done: number, now: Date, year = TARGET_YEAR): Pace {
  const end = yearPeriod(year).to;
  const today = localDateOf(now);
  const daysLeft = now >= end ? 0 : Math.round((end.getTime() - toInstant(today, "00:00").getTime()) / 86_400_000);
  const remaining = Math.max(0, target - done);
  const perDay = remaining === 0 ? 0 : daysLeft === 0 ? remaining : Math.ceil(remaining / daysLeft);
  // Fewer than seven days left: a week's pace is all that remains.
  const perWeek = remaining === 0 ? 0 : daysLeft === 0 ? remaining : Math.min(remaining, Math.ceil((remaining * 7) / daysLeft));
  return { target, done, share: Math.min(1, done / target), daysLeft, perDay, perWeek };
}

/** A figure's cell is a whole that its parts add up to: shown parts must not give away a hidden one. */
export interface SumRule {
  whole: number;
  parts: readonly number[];
}

/**
 * Why a count is not shown: a small group ("< 10"), or a guard, a larger count hidden so that a
 * small group next to it cannot be worked out (shown as "*", never as "< 10", which it is not).
 */
export type Hidden = "small" | "guard";

/**
 * Which of `values` (counts of people) to hide. A count from 1 to 9 is a small group; then,
 * wherever a sum rule would let a reader work a hidden count out from the shown ones (one hidden
 * part of a shown whole, or a hidden whole of shown parts), the smallest shown cell there is
 * hidden too as a guard, until no hidden count can be worked out by subtraction.
 */
export function hiddenCells(values: readonly number[], rules: readonly SumRule[]): (Hidden | null)[] {
  const hidden: (Hidden | null)[] = values.map((v) => (v > 0 && v < SMALL_GROUP ? "small" : null));
  const guardSmallest = (cells: readonly number[]) => {
    const shown = cells.filter((c) => !hidden[c]);
    if (shown.length === 0) return false;
    hidden[shown.reduce((a, b) => (values[b]! < values[a]! ? b : a))] = "guard";
    return true;
  };
  let changed = true;
  while (changed) {
    changed = false;
    for (const rule of rules) {
      const hiddenParts = rule.parts.filter((p) => hidden[p]).length;
      if (!hidden[rule.whole] && hiddenParts === 1) {
        changed = guardSmallest(rule.parts) || guardSmallest([rule.whole]) || changed;
      } else if (hidden[rule.whole] && hiddenParts === 0 && rule.parts.length > 0) {
        changed = guardSmallest(rule.parts) || changed;
      }
    }
  }
  return hidden;
}

/**
 * A report's figures as sections of rows, each row a few counts under the report's columns. Cells
 * are kept in one list so that a cell two sections share (a total) is one cell, and the sum rules
 * span sections (a district is the sum of its centers).
 */
export class FigureSheet {
  readonly values: number[] = [];
  /** Counts of people fall under the "< 10" rule; other counts (events held, words) do not. */
  private readonly people: boolean[] = [];
  /** A figure about a group (an average of its scores) is hidden whenever the group's count is. */
  private readonly hiddenWith = new Map<number, number>();
  /** ...and, as a guard, whenever one of the groups it is made of is hidden (a total's average). */
  private readonly guardedBy = new Map<number, readonly number[]>();
  readonly rules: SumRule[] = [];
  readonly sections: { key: string; rows: { key: string; cells: number[] }[] }[] = [];

  constructor(readonly columns: readonly string[]) {}

  /** A new cell; its index is how rows and rules refer to it. */
  cell(value: number, options: { people?: boolean; hiddenWith?: number; guardedBy?: readonly number[] } = {}): number {
    this.values.push(value);
    const index = this.values.length - 1;
    this.people.push((options.people ?? true) && options.hiddenWith === undefined);
    if (options.hiddenWith !== undefined) this.hiddenWith.set(index, options.hiddenWith);
    if (options.guardedBy) this.guardedBy.set(index, options.guardedBy);
    return index;
  }

  row(section: string, key: string, cells: number[]): void {
    let s = this.sections.find((x) => x.key === section);
    if (!s) this.sections.push((s = { key: section, rows: [] }));
    s.rows.push({ key, cells });
  }

  sum(whole: number, parts: readonly number[]): void {
    this.rules.push({ whole, parts });
  }

  /** Each cell as shown: its count, or why it is hidden. */
  shown(): (number | Hidden)[] {
    const peopleIdx = this.values.map((_, i) => i).filter((i) => this.people[i]);
    const local = new Map(peopleIdx.map((cell, i) => [cell, i]));
    const rules = this.rules
      .filter((r) => local.has(r.whole) && r.parts.every((p) => local.has(p)))
      .map((r) => ({ whole: local.get(r.whole)!, parts: r.parts.map((p) => local.get(p)!) }));
    const hidden = hiddenCells(
      peopleIdx.map((i) => this.values[i]!),
      rules,
    );
    const hiddenAs = (i: number) => (local.has(i) ? hidden[local.get(i)!] : null);
    const guarded = (i: number) => ((this.guardedBy.get(i) ?? []).some((c) => hiddenAs(c)) ? "guard" : null);
    return this.values.map((v, i) => hiddenAs(i) ?? hiddenAs(this.hiddenWith.get(i) ?? -1) ?? guarded(i) ?? v);
  }
}

/** The weekly summary goes out on Mondays at this Almaty time, and is worth sending that day only. */
export const WEEKLY_REPORT_TIME = "09:00";
const WEEKLY_REPORT_VALID_MS = 24 * 60 * 60 * 1000;

/**
 * The weekly summary whose time has come at `now`: the instant of this week's (Monday 09:00,
 * Almaty) and the end of its day, or null before it and once the day is over. Asked again after
 * a restart the same morning, it names the same week, so the summary is planned once.
 */
export function weeklyReportDue(now: Date): { week: LocalDate; dueAt: Date; expiresAt: Date } | null {
  const week = mondayOf(now);
  const dueAt = toInstant(week, WEEKLY_REPORT_TIME);
  const expiresAt = new Date(dueAt.getTime() + WEEKLY_REPORT_VALID_MS);
  return now >= dueAt && now < expiresAt ? { week, dueAt, expiresAt } : null;
}
