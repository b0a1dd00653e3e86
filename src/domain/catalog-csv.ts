import { ALMATY_AREA, parseKazakhPhone } from "./center-fields.js";
import { DISTRICTS, type DistrictCode } from "./districts.js";
import { EVENT_CATEGORIES, type EventCategory } from "./events.js";
import { SERVICE_CODES, type ServiceCode } from "./services.js";
import { validateWeeklyHours, type DateOverride, type TimeRange, type WeeklyHours } from "./slots.js";
import { TEATALK_LEVELS, type TeaTalkLevel } from "./teatalk.js";
import { isLocalDate, isLocalTime, minutesOf, toInstant, type LocalDate, type Weekday } from "./time.js";

/**
 * The catalog as CSV files an administrator exports, edits in a spreadsheet and sends back:
 * the columns of each kind, and the reading of one row into checked values. A row's problems
 * are locale keys with their variables, so the report is in the administrator's language.
 */
export const CSV_KINDS = ["centers", "specialists", "events"] as const;
export type CsvKind = (typeof CSV_KINDS)[number];

/** Weekday columns of the specialists' file, Monday first (ISO weekday = index + 1). */
export const WEEKDAY_COLUMNS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

export const CSV_COLUMNS = {
  centers: [
    "id",
    "district",
    "name_kk",
    "name_ru",
    "address_kk",
    "address_ru",
    "hours_kk",
    "hours_ru",
    "open_24_7",
    "phone",
    "latitude",
    "longitude",
  ],
  specialists: ["id", "center_id", "service", "display_name", "slot_minutes", "online", "active", ...WEEKDAY_COLUMNS, "overrides"],
  events: [
    "id",
    "category",
    "level",
    "center_id",
    "district",
    "venue_kk",
    "venue_ru",
    "title_kk",
    "title_ru",
    "description_kk",
    "description_ru",
    "starts",
    "ends",
    "capacity",
    "host_name",
  ],
} as const satisfies Record<CsvKind, readonly string[]>;

/** Largest file the bot reads, and most rows: the city's catalog is far smaller. */
export const CSV_MAX_BYTES = 1_000_000;
export const CSV_MAX_ROWS = 2_000;

/** What is wrong with a row (or the file, row 0), as a locale key and its variables. */
export interface RowProblem {
  /** The row's line in the file, the header being line 1. */
  line: number;
  column?: string;
  key: string;
  vars?: Record<string, string | number>;
}

const YES = new Set(["yes", "1", "да", "иә", "true"]);
const NO = new Set(["no", "0", "нет", "жоқ", "false"]);

export interface CenterRow {
  id: string;
  district: DistrictCode;
  name_kk: string;
  name_ru: string;
  address_kk: string;
  address_ru: string;
  hours_kk: string;
  hours_ru: string;
  open_24_7: boolean;
  phone: string | null;
  latitude: number;
  longitude: number;
}

export interface SpecialistRow {
  /** Null: a new specialist. */
  id: number | null;
  center_id: string;
  service: ServiceCode;
  display_name: string;
  slot_minutes: number;
  online: boolean;
  active: boolean;
  weekly: WeeklyHours[];
  overrides: DateOverride[];
}

export interface EventRow {
  /** Null: a new event. */
  id: number | null;
  category: EventCategory;
  level: TeaTalkLevel | null;
  center_id: string | null;
  /** Null when a center is given: the center's district applies. */
  district: DistrictCode | null;
  venue_kk: string | null;
  venue_ru: string | null;
  title_kk: string;
  title_ru: string;
  description_kk: string | null;
  description_ru: string | null;
  starts_at: Date;
  ends_at: Date;
  capacity: number | null;
  host_name: string | null;
}

export type CsvRow<K extends CsvKind> = K extends "centers" ? CenterRow : K extends "specialists" ? SpecialistRow : EventRow;

/** Reads the cells of one row; each problem is noted once, and the row is read only without any. */
class Cells {
  readonly problems: RowProblem[] = [];
  constructor(
    private readonly cells: Record<string, string>,
    private readonly line: number,
  ) {}

  private fail(column: string, key: string, vars?: Record<string, string | number>): undefined {
    this.problems.push({ line: this.line, column, key, ...(vars ? { vars } : {}) });
    return undefined;
  }

  /** The cell's text, trimmed; "" when empty. */
  raw(column: string): string {
    return (this.cells[column] ?? "").trim();
  }

  text(column: string, max: number): string | undefined {
    const value = this.raw(column).replace(/\s+/g, " ");
    if (value === "") return this.fail(column, "csv-problem-required");
    if ([...value].length > max) return this.fail(column, "csv-problem-too-long", { max });
    return value;
  }

  optionalText(column: string, max: number): string | null | undefined {
    return this.raw(column) === "" ? null : this.text(column, max);
  }

  oneOf<T extends string>(column: string, values: readonly T[]): T | undefined {
    const value = this.raw(column).toLowerCase();
    if (value === "") return this.fail(column, "csv-problem-required");
    if (!(values as readonly string[]).includes(value)) return this.fail(column, "csv-problem-one-of", { values: values.join(", ") });
    return value as T;
  }

  yesNo(column: string): boolean | undefined {
    const value = this.raw(column).toLowerCase();
    if (YES.has(value)) return true;
    if (NO.has(value)) return false;
    return this.fail(column, "csv-problem-yes-no");
  }

  number(column: string, min: number, max: number, integer: boolean): number | undefined {
    const text = this.raw(column).replace(",", ".");
    if (text === "") return this.fail(column, "csv-problem-required");
    const value = Number(text);
    if (!/^-?\d+(\.\d+)?$/.test(text) || (integer && !Number.isInteger(value))) return this.fail(column, "csv-problem-number");
    if (value < min || value > max) return this.fail(column, "csv-problem-range", { min, max });
    return value;
  }

  /** An id of a row that exists already, or null for a new one. */
  optionalId(column: string): number | null | undefined {
    return this.raw(column) === "" ? null : this.number(column, 1, Number.MAX_SAFE_INTEGER, true);
  }

  /** A local date and time, "2026-12-12 18:30", as the instant it is in Almaty. */
  dateTime(column: string): Date | undefined {
    const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}:\d{2})$/.exec(this.raw(column));
    const time = match?.[2]?.padStart(5, "0");
    if (!match || !isLocalDate(match[1]) || !isLocalTime(time)) return this.fail(column, "csv-problem-date-time");
    return toInstant(match[1], time);
  }

  /** Time ranges such as "10:00-13:00 14:00-18:00"; empty: none. */
  ranges(column: string): TimeRange[] | undefined {
    const text = this.raw(column);
    if (text === "") return [];
    const ranges = parseRanges(text);
    return ranges ?? this.fail(column, "csv-problem-hours");
  }

  /** Date overrides: "2026-12-16 off; 2026-12-31 10:00-14:00". */
  overrides(column: string): DateOverride[] | undefined {
    const text = this.raw(column);
    if (text === "") return [];
    const overrides: DateOverride[] = [];
    for (const part of text.split(";").map((p) => p.trim()).filter((p) => p !== "")) {
      const [date, ...rest] = part.split(/\s+/);
      const what = rest.join(" ");
      if (!isLocalDate(date) || overrides.some((o) => o.date === date)) return this.fail(column, "csv-problem-overrides");
      if (what.toLowerCase() === "off") {
        overrides.push({ date, kind: "off" });
        continue;
      }
      const ranges = parseRanges(what);
      if (!ranges || ranges.length === 0) return this.fail(column, "csv-problem-overrides");
      overrides.push({ date, kind: "hours", ranges });
    }
    return overrides;
  }

  note(column: string, key: string, vars?: Record<string, string | number>): void {
    this.fail(column, key, vars);
  }
}

function parseRanges(text: string): TimeRange[] | null {
  const ranges: TimeRange[] = [];
  for (const part of text.split(/[\s,]+/).filter((p) => p !== "")) {
    const match = /^(\d{1,2}:\d{2})[-–](\d{1,2}:\d{2})$/.exec(part);
    const start = match?.[1]?.padStart(5, "0");
    const end = match?.[2]?.padStart(5, "0");
    if (!isLocalTime(start) || !isLocalTime(end) || minutesOf(end) <= minutesOf(start)) return null;
    ranges.push({ start, end });
  }
  return ranges;
}

/** Written the way the files are read back. */
export function formatRanges(ranges: readonly TimeRange[]): string {
  return ranges.map((r) => `${r.start}-${r.end}`).join(" ");
}

export function formatOverrides(overrides: readonly DateOverride[]): string {
  return overrides.map((o) => (o.kind === "off" ? `${o.date} off` : `${o.date} ${formatRanges(o.ranges)}`)).join("; ");
}

/** A center id as the seed writes them ("almaly-1"): lowercase Latin letters, digits and dashes. */
const CENTER_ID = /^[a-z][a-z0-9-]{1,31}$/;

function readCenter(c: Cells): CenterRow | undefined {
  const id = c.raw("id");
  if (!CENTER_ID.test(id)) c.note("id", "csv-problem-center-id");
  const phoneText = c.raw("phone");
  const phone = phoneText === "" ? null : parseKazakhPhone(phoneText);
  if (phoneText !== "" && phone === null) c.note("phone", "csv-problem-phone");
  const row = {
    id,
    district: c.oneOf("district", DISTRICTS),
    name_kk: c.text("name_kk", 100),
    name_ru: c.text("name_ru", 100),
    address_kk: c.text("address_kk", 200),
    address_ru: c.text("address_ru", 200),
    hours_kk: c.text("hours_kk", 200),
    hours_ru: c.text("hours_ru", 200),
    open_24_7: c.yesNo("open_24_7"),
    phone,
    latitude: c.number("latitude", ALMATY_AREA.south, ALMATY_AREA.north, false),
    longitude: c.number("longitude", ALMATY_AREA.west, ALMATY_AREA.east, false),
  };
  return c.problems.length === 0 ? (row as CenterRow) : undefined;
}

function readSpecialist(c: Cells): SpecialistRow | undefined {
  const weekly: WeeklyHours[] = [];
  WEEKDAY_COLUMNS.forEach((column, index) => {
    const ranges = c.ranges(column);
    if (ranges && ranges.length > 0) weekly.push({ weekday: (index + 1) as Weekday, ranges });
  });
  if (c.problems.length === 0 && validateWeeklyHours(weekly).length > 0) c.note("mon", "csv-problem-hours-overlap");
  const row = {
    id: c.optionalId("id"),
    center_id: c.text("center_id", 32),
    service: c.oneOf("service", SERVICE_CODES),
    display_name: c.text("display_name", 64),
    slot_minutes: c.number("slot_minutes", 15, 180, true),
    online: c.yesNo("online"),
    active: c.yesNo("active"),
    weekly,
    overrides: c.overrides("overrides"),
  };
  return c.problems.length === 0 ? (row as SpecialistRow) : undefined;
}

function readEvent(c: Cells): EventRow | undefined {
  const category = c.oneOf("category", EVENT_CATEGORIES);
  const levelText = c.raw("level");
  let level: TeaTalkLevel | null | undefined = null;
  if (category === "teatalk") level = c.oneOf("level", TEATALK_LEVELS);
  else if (levelText !== "") c.note("level", "csv-problem-level-only-teatalk");
  const center_id = c.raw("center_id") === "" ? null : c.text("center_id", 32);
  const district = c.raw("district") === "" ? null : c.oneOf("district", DISTRICTS);
  if (center_id === null && district === null) c.note("district", "csv-problem-place");
  const starts_at = c.dateTime("starts");
  const ends_at = c.dateTime("ends");
  if (starts_at && ends_at && ends_at <= starts_at) c.note("ends", "csv-problem-end-before-start");
  const row = {
    id: c.optionalId("id"),
    category,
    level,
    center_id,
    district,
    venue_kk: c.optionalText("venue_kk", 200),
    venue_ru: c.optionalText("venue_ru", 200),
    title_kk: c.text("title_kk", 100),
    title_ru: c.text("title_ru", 100),
    description_kk: c.optionalText("description_kk", 1000),
    description_ru: c.optionalText("description_ru", 1000),
    starts_at,
    ends_at,
    capacity: c.raw("capacity") === "" ? null : c.number("capacity", 1, 10_000, true),
    host_name: c.optionalText("host_name", 64),
  };
  return c.problems.length === 0 ? (row as EventRow) : undefined;
}

const READERS: { [K in CsvKind]: (c: Cells) => CsvRow<K> | undefined } = {
  centers: readCenter,
  specialists: readSpecialist,
  events: readEvent,
};

/** A read row: its line in the file and its values. */
export interface ReadRow<K extends CsvKind> {
  line: number;
  row: CsvRow<K>;
}

/**
 * Reads the records of a file (header names as keys). Every row is read, so that the report
 * lists every problem at once; the rows count only when there is none.
 */
export function readRows<K extends CsvKind>(
  kind: K,
  header: readonly string[],
  records: readonly Record<string, string>[],
): { rows: ReadRow<K>[]; problems: RowProblem[] } {
  const expected: readonly string[] = CSV_COLUMNS[kind];
  const missing = expected.filter((c) => !header.includes(c));
  const unknown = header.filter((c) => !expected.includes(c));
  if (missing.length > 0 || unknown.length > 0) {
    const problems: RowProblem[] = [];
    if (missing.length > 0) problems.push({ line: 1, key: "csv-problem-missing-columns", vars: { columns: missing.join(", ") } });
    if (unknown.length > 0) problems.push({ line: 1, key: "csv-problem-unknown-columns", vars: { columns: unknown.join(", ") } });
    return { rows: [], problems };
  }
  if (records.length > CSV_MAX_ROWS) return { rows: [], problems: [{ line: 1, key: "csv-problem-too-many-rows", vars: { max: CSV_MAX_ROWS } }] };
  const rows: ReadRow<K>[] = [];
  const problems: RowProblem[] = [];
  records.forEach((record, index) => {
    const cells = new Cells(record, index + 2);
    const row = READERS[kind](cells);
    if (row) rows.push({ line: index + 2, row });
    problems.push(...cells.problems);
  });
  return { rows, problems };
}

/** Dates of a specialist's overrides from `today` on: older ones are history, not the schedule. */
export function currentOverrides(overrides: readonly DateOverride[], today: LocalDate): DateOverride[] {
  return overrides.filter((o) => o.date >= today);
}
