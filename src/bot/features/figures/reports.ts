import { listCenters } from "../../../db/catalog.js";
import type { Db } from "../../../db/database.js";
import {
  activeTeams,
  cardCheckCounts,
  consultationCounts,
  eventCounts,
  eventsHeld,
  feedbackCounts,
  practiceCounts,
  reachCounts,
  signupCounts,
  type FigureScope,
} from "../../../db/figures.js";
import { PARTNER_CATEGORIES } from "../../../domain/card.js";
import { DISTRICTS } from "../../../domain/districts.js";
import { LISTED_CATEGORIES } from "../../../domain/events.js";
import {
  AGE_BANDS,
  FigureSheet,
  lastWeeks,
  monthsOf,
  OPEN_SERVICES,
  SMALL_GROUP,
  TARGETS,
  TARGET_YEAR,
  yearPeriod,
  type Period,
} from "../../../domain/figures.js";
import { SERVICE_CODES } from "../../../domain/services.js";
import { TEATALK_LEVELS } from "../../../domain/teatalk.js";
import { addDays, localDateOf, toInstant } from "../../../domain/time.js";

/** The reports, in the order of their buttons. */
export const REPORTS = ["consultations", "feedback", "reach", "signups", "events", "teatalk", "practice", "cards"] as const;
export type ReportCode = (typeof REPORTS)[number];

/** Reports about the whole city only: sign-ups, practice and card checks belong to no center. */
const CITY_ONLY: readonly ReportCode[] = ["signups", "practice", "cards"];

export function reportsFor(centers: FigureScope): readonly ReportCode[] {
  return centers ? REPORTS.filter((r) => !CITY_ONLY.includes(r)) : REPORTS;
}

/** The section of each report its chart draws (the first column of its rows, totals left out). */
export const CHART_SECTION: Record<ReportCode, string> = {
  consultations: "month",
  feedback: "service",
  reach: "district",
  signups: "week",
  events: "category",
  teatalk: "level",
  practice: "practice",
  cards: "partner",
};

/** Row keys: a total row, and a row for what a profile does not say. */
export const TOTAL = "total";
/** The total of the consultations other than the sensitive ones. */
export const OPEN_TOTAL = "total-open";
export const UNKNOWN = "unknown";

const CONSULTATION_COLUMNS = ["total", "attended", "no_show", "cancelled", "upcoming"] as const;
type ConsultationColumn = (typeof CONSULTATION_COLUMNS)[number];
const columnOfStatus = (status: string): ConsultationColumn =>
  status === "confirmed" ? "upcoming" : (status as ConsultationColumn);

/**
 * Adds a row of consultations by status: one cell per status, and its total cell, the sum of
 * them. Returns the row's cells in the order of the columns.
 */
function consultationRow(sheet: FigureSheet, counts: Partial<Record<ConsultationColumn, number>>): number[] {
  const parts = CONSULTATION_COLUMNS.slice(1).map((c) => sheet.cell(counts[c] ?? 0));
  const total = sheet.cell(parts.reduce((sum, p) => sum + sheet.values[p]!, 0));
  sheet.sum(total, parts);
  return [total, ...parts];
}

/** Each column of `whole` is the sum of that column over `rows`. */
function columnSums(sheet: FigureSheet, whole: number[], rows: number[][]): void {
  whole.forEach((cell, j) => sheet.sum(cell, rows.map((r) => r[j]!)));
}

function tally<K extends string>(entries: Iterable<[K, ConsultationColumn, number]>): Map<K, Partial<Record<ConsultationColumn, number>>> {
  const out = new Map<K, Partial<Record<ConsultationColumn, number>>>();
  for (const [key, column, n] of entries) {
    const counts = out.get(key) ?? {};
    counts[column] = (counts[column] ?? 0) + n;
    out.set(key, counts);
  }
  return out;
}

async function consultations(db: Db, centers: FigureScope): Promise<FigureSheet> {
  const rows = await consultationCounts(db, centers, yearPeriod(TARGET_YEAR), monthsOf(TARGET_YEAR));
  const catalog = (await listCenters(db)).filter((c) => !centers || centers.includes(c.id));
  const sheet = new FigureSheet(CONSULTATION_COLUMNS);
  const open = rows.filter((r) => OPEN_SERVICES.includes(r.service));

  // By service: every service for the city (as city-wide totals), the open ones for some centers.
  const services = centers ? OPEN_SERVICES : SERVICE_CODES;
  const byService = tally(rows.map((r) => [r.service, columnOfStatus(r.status), r.n]));
  const serviceRows = services.map((s) => {
    const cells = consultationRow(sheet, byService.get(s) ?? {});
    sheet.row("service", s, cells);
    return cells;
  });
  const openTotal = consultationRow(sheet, tally(open.map((r) => ["all", columnOfStatus(r.status), r.n])).get("all") ?? {});
  columnSums(sheet, openTotal, serviceRows.filter((_, i) => OPEN_SERVICES.includes(services[i]!)));
  if (!centers) {
    const total = consultationRow(sheet, tally(rows.map((r) => ["all", columnOfStatus(r.status), r.n])).get("all") ?? {});
    columnSums(sheet, total, serviceRows);
    sheet.row("service", TOTAL, total);
  } else {
    sheet.row("service", OPEN_TOTAL, openTotal);
  }

  // By center, district and month: never the sensitive services.
  const byCenter = tally(open.map((r) => [r.center_id, columnOfStatus(r.status), r.n]));
  const centerRows = new Map(catalog.map((c) => [c.id, consultationRow(sheet, byCenter.get(c.id) ?? {})]));
  for (const [id, cells] of centerRows) sheet.row("center", id, cells);
  sheet.row("center", OPEN_TOTAL, openTotal);
  columnSums(sheet, openTotal, [...centerRows.values()]);
  if (!centers) {
    const districtOf = new Map(catalog.map((c) => [c.id, c.district]));
    const byDistrict = tally(open.map((r) => [districtOf.get(r.center_id) ?? UNKNOWN, columnOfStatus(r.status), r.n]));
    const districtRows = DISTRICTS.map((d) => {
      const cells = consultationRow(sheet, byDistrict.get(d) ?? {});
      sheet.row("district", d, cells);
      // A district is the sum of its centers: no center hidden there may be worked out from it.
      columnSums(sheet, cells, catalog.filter((c) => c.district === d).map((c) => centerRows.get(c.id)!));
      return cells;
    });
    sheet.row("district", OPEN_TOTAL, openTotal);
    columnSums(sheet, openTotal, districtRows);
  }
  const byMonth = tally(open.map((r) => [r.month ?? UNKNOWN, columnOfStatus(r.status), r.n]));
  const monthRows = monthsOf(TARGET_YEAR).map((m) => {
    const cells = consultationRow(sheet, byMonth.get(m.key) ?? {});
    sheet.row("month", m.key, cells);
    return cells;
  });
  sheet.row("month", OPEN_TOTAL, openTotal);
  columnSums(sheet, openTotal, monthRows);
  return sheet;
}

async function feedback(db: Db, centers: FigureScope): Promise<FigureSheet> {
  const rows = await feedbackCounts(db, centers, yearPeriod(TARGET_YEAR));
  const sheet = new FigureSheet(["answers", "average"]);
  const services = centers ? OPEN_SERVICES : SERVICE_CODES;
  const answerCells: number[] = [];
  const add = (key: string, answers: number, total: number, rule?: number[]) => {
    const count = sheet.cell(answers);
    // An average of fewer than ten answers is not shown: it is hidden with their count; and the
    // total's average with any service's, which it and the others' averages would give away.
    const average = sheet.cell(answers === 0 ? 0 : Math.round((total / answers) * 10) / 10, { hiddenWith: count, guardedBy: rule });
    if (rule) sheet.sum(count, rule);
    sheet.row("service", key, [count, average]);
    return count;
  };
  for (const s of services) {
    const row = rows.find((r) => r.service === s);
    answerCells.push(add(s, row?.answers ?? 0, row?.total ?? 0));
  }
  const all = rows.filter((r) => services.includes(r.service));
  add(
    centers ? OPEN_TOTAL : TOTAL,
    all.reduce((n, r) => n + r.answers, 0),
    all.reduce((n, r) => n + r.total, 0),
    answerCells,
  );
  return sheet;
}

async function reach(db: Db, centers: FigureScope): Promise<FigureSheet> {
  const rows = await reachCounts(db, centers, yearPeriod(TARGET_YEAR));
  const sheet = new FigureSheet(["people"]);
  const total = sheet.cell(rows.reduce((n, r) => n + r.n, 0));
  const section = (name: string, keys: readonly string[], keyOf: (r: (typeof rows)[number]) => string) => {
    const cells = [...keys, UNKNOWN].map((k) => {
      const cell = sheet.cell(rows.filter((r) => keyOf(r) === k).reduce((n, r) => n + r.n, 0));
      sheet.row(name, k, [cell]);
      return cell;
    });
    sheet.row(name, TOTAL, [total]);
    sheet.sum(total, cells);
  };
  section("district", DISTRICTS, (r) => r.district ?? UNKNOWN);
  section("band", AGE_BANDS.map((b) => `${b.from}-${b.to}`), (r) => r.band ?? UNKNOWN);
  section("occupation", ["neet", "not-neet"], (r) => (r.occupation === null ? UNKNOWN : r.occupation === "neither" ? "neet" : "not-neet"));
  return sheet;
}

async function signups(db: Db, now: Date): Promise<FigureSheet> {
  const weeks = lastWeeks(now, 12);
  const rows = await signupCounts(db, weeks);
  const sheet = new FigureSheet(["people"]);
  const cells = weeks.map((w) => {
    const cell = sheet.cell(rows.find((r) => r.week === w.key)?.n ?? 0);
    sheet.row("week", w.key, [cell]);
    return cell;
  });
  const total = sheet.cell(rows.reduce((n, r) => n + r.n, 0));
  sheet.sum(total, cells);
  sheet.row("week", TOTAL, [total]);
  return sheet;
}

/** Events or tea-talk sessions of the year by one key: how many, people signed up, people who came. */
async function eventSheet(db: Db, centers: FigureScope, section: "category" | "level", keys: readonly string[]) {
  const { events, signups } = await eventCounts(db, centers, yearPeriod(TARGET_YEAR));
  const teatalk = section === "level";
  const keyOf = (r: { category: string; level: string | null }) => (teatalk ? r.level ?? UNKNOWN : r.category);
  const mine = <R extends { category: string }>(list: R[]) => list.filter((r) => (r.category === "teatalk") === teatalk);
  const sheet = new FigureSheet(["events", "signed_up", "attended"]);
  const row = (held: number, signed: number, came: number) => [
    sheet.cell(held, { people: false }),
    sheet.cell(signed),
    sheet.cell(came),
  ];
  const rows = keys.map((k) => {
    const cells = row(
      mine(events).filter((r) => keyOf(r) === k).reduce((n, r) => n + r.n, 0),
      mine(signups).filter((r) => keyOf(r) === k).reduce((n, r) => n + r.n, 0),
      mine(signups).filter((r) => keyOf(r) === k && r.status === "attended").reduce((n, r) => n + r.n, 0),
    );
    sheet.row(section, k, cells);
    return cells;
  });
  const total = row(
    mine(events).reduce((n, r) => n + r.n, 0),
    mine(signups).reduce((n, r) => n + r.n, 0),
    mine(signups).filter((r) => r.status === "attended").reduce((n, r) => n + r.n, 0),
  );
  columnSums(sheet, total, rows);
  sheet.row(section, TOTAL, total);
  return sheet;
}

async function practice(db: Db, now: Date): Promise<FigureSheet> {
  const today = localDateOf(now);
  const day = (d: string): Period => ({ from: toInstant(d, "00:00"), to: toInstant(addDays(d, 1), "00:00") });
  // The last seven whole days, today not yet over left out.
  const days = Array.from({ length: 7 }, (_, i) => addDays(today, i - 7)).map((d) => ({ key: d, period: day(d) }));
  const month: Period = { from: toInstant(addDays(today, -30), "00:00"), to: toInstant(today, "00:00") };
  const counts = await practiceCounts(db, days, month);
  const sheet = new FigureSheet(["count"]);
  sheet.row("practice", "active-week", [sheet.cell(counts.week)]);
  sheet.row("practice", "active-month", [sheet.cell(counts.month)]);
  sheet.row("practice", "streak-week", [sheet.cell(counts.streaks)]);
  sheet.row("practice", "words", [sheet.cell(counts.words, { people: false })]);
  return sheet;
}

async function cards(db: Db): Promise<FigureSheet> {
  const rows = await cardCheckCounts(db, yearPeriod(TARGET_YEAR));
  const sheet = new FigureSheet(["checks", "valid", "invalid"]);
  const row = (list: typeof rows) => {
    const valid = sheet.cell(list.filter((r) => r.valid).reduce((n, r) => n + r.n, 0));
    const invalid = sheet.cell(list.filter((r) => !r.valid).reduce((n, r) => n + r.n, 0));
    const checks = sheet.cell(sheet.values[valid]! + sheet.values[invalid]!);
    sheet.sum(checks, [valid, invalid]);
    return [checks, valid, invalid];
  };
  const categoryRows = PARTNER_CATEGORIES.map((c) => {
    const cells = row(rows.filter((r) => r.category === c));
    sheet.row("partner", c, cells);
    return cells;
  });
  const total = row(rows);
  columnSums(sheet, total, categoryRows);
  sheet.row("partner", TOTAL, total);
  return sheet;
}

/** One report's figures for the whole city (`centers` null) or some centers, as of `now`. */
export async function buildReport(db: Db, centers: FigureScope, report: ReportCode, now: Date): Promise<FigureSheet> {
  switch (report) {
    case "consultations":
      return consultations(db, centers);
    case "feedback":
      return feedback(db, centers);
    case "reach":
      return reach(db, centers);
    case "signups":
      return signups(db, now);
    case "events":
      return eventSheet(db, centers, "category", LISTED_CATEGORIES);
    case "teatalk":
      return eventSheet(db, centers, "level", TEATALK_LEVELS);
    case "practice":
      return practice(db, now);
    case "cards":
      return cards(db);
  }
}

export interface Progress {
  code: keyof typeof TARGETS;
  done: number;
  /** Whether `done` counts fewer than ten people, to be shown as "< 10". */
  small: boolean;
}

/**
 * The headline of the whole city: where each 2026 target stands. Consultations count those
 * attended, events those held so far, young people those signed up in the bot.
 */
export async function cityProgress(db: Db, now: Date): Promise<Progress[]> {
  const year = yearPeriod(TARGET_YEAR);
  const attended = (await consultationCounts(db, null, year, []))
    .filter((r) => r.status === "attended")
    .reduce((n, r) => n + r.n, 0);
  const signedUp = (await reachCounts(db, null, year)).reduce((n, r) => n + r.n, 0);
  const people = (n: number) => n > 0 && n < SMALL_GROUP;
  return [
    { code: "consultations", done: attended, small: people(attended) },
    { code: "events", done: await eventsHeld(db, year, now), small: false },
    { code: "reached", done: signedUp, small: people(signedUp) },
    { code: "ngos", done: await activeTeams(db), small: false },
  ];
}
