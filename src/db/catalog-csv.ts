import {
  CSV_COLUMNS,
  currentOverrides,
  formatOverrides,
  formatRanges,
  WEEKDAY_COLUMNS,
  type CenterRow,
  type CsvKind,
  type EventRow,
  type ReadRow,
  type RowProblem,
  type SpecialistRow,
} from "../domain/catalog-csv.js";
import type { DistrictCode } from "../domain/districts.js";
import type { EventCategory } from "../domain/events.js";
import type { DateOverride, WeeklyHours } from "../domain/slots.js";
import { standInsAfterWriting } from "../domain/stand-ins.js";
import { localDateOf, localTimeOf } from "../domain/time.js";
import type { Insertable } from "kysely";
import { recordAudit } from "./audit.js";
import { loadSchedules } from "./catalog.js";
import type { Db } from "./database.js";
import type { Center, SpecialistOverridesTable } from "./schema.js";
import { settleEventChange } from "./event-admin.js";
import { findEvent } from "./events.js";

/** The centers an administrator may change: every one, or these. */
export type CenterScope = "all" | readonly string[];

function inScope(scope: CenterScope, centerId: string | null): boolean {
  return scope === "all" || (centerId !== null && scope.includes(centerId));
}

const yesNo = (value: number | boolean) => (value ? "yes" : "no");
const localDateTime = (iso: string) => `${localDateOf(new Date(iso))} ${localTimeOf(new Date(iso))}`;

/** The rows of an export, the header first, for the centers in scope. */
export async function exportCatalog(db: Db, kind: CsvKind, scope: CenterScope, now: Date): Promise<string[][]> {
  const header = [...CSV_COLUMNS[kind]];
  const scoped = <T extends { center_id: string | null }>(rows: T[]) => rows.filter((r) => inScope(scope, r.center_id));
  if (kind === "centers") {
    const centers = scoped((await db.selectFrom("centers").selectAll().orderBy("id").execute()).map((c) => ({ ...c, center_id: c.id })));
    return [
      header,
      ...centers.map((c) => [
        c.id,
        c.district,
        c.name_kk,
        c.name_ru,
        c.address_kk,
        c.address_ru,
        c.hours_kk,
        c.hours_ru,
        yesNo(c.open_24_7),
        c.phone ?? "",
        String(c.latitude),
        String(c.longitude),
      ]),
    ];
  }
  if (kind === "specialists") {
    const specialists = scoped(await db.selectFrom("specialists").selectAll().orderBy("id").execute());
    const schedules = await loadSchedules(db, specialists.map((s) => s.id));
    const today = localDateOf(now);
    return [
      header,
      ...specialists.map((s) => {
        const schedule = schedules.get(s.id)!;
        const day = (weekday: number) => formatRanges(schedule.weekly.find((w) => w.weekday === weekday)?.ranges ?? []);
        return [
          String(s.id),
          s.center_id,
          s.service,
          s.display_name,
          String(s.slot_minutes),
          yesNo(s.online),
          yesNo(s.active),
          ...WEEKDAY_COLUMNS.map((_, i) => day(i + 1)),
          formatOverrides(currentOverrides(schedule.overrides, today)),
        ];
      }),
    ];
  }
  const events = scoped(
    await db
      .selectFrom("events")
      .selectAll()
      .where("status", "!=", "cancelled")
      .where("ends_at", ">", now.toISOString())
      .orderBy("starts_at")
      .orderBy("id")
      .execute(),
  );
  return [
    header,
    ...events.map((e) => [
      String(e.id),
      e.category,
      e.level ?? "",
      e.center_id ?? "",
      e.center_id === null ? e.district : "",
      e.venue_kk ?? "",
      e.venue_ru ?? "",
      e.title_kk,
      e.title_ru,
      e.description_kk ?? "",
      e.description_ru ?? "",
      localDateTime(e.starts_at),
      localDateTime(e.ends_at),
      e.capacity === null ? "" : String(e.capacity),
      e.host_name ?? "",
    ]),
  ];
}

/** What importing one row does. */
export interface RowChange {
  line: number;
  action: "create" | "update" | "unchanged";
  /** The row's subject, e.g. "almaly-1", an event's title, a specialist's name. */
  label: string;
  /** The columns an update changes. */
  columns: string[];
}

export interface ImportPlan {
  changes: RowChange[];
  problems: RowProblem[];
}

/** Fields compared column by column; the first differing ones are named in the report. */
function changedColumns(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

type Planned<R> = { line: number; row: R; change: RowChange; before?: Record<string, unknown>; after: Record<string, unknown> };

async function centerIds(db: Db): Promise<Map<string, DistrictCode>> {
  const rows = await db.selectFrom("centers").select(["id", "district"]).execute();
  return new Map(rows.map((r) => [r.id, r.district]));
}

function centerValues(r: CenterRow) {
  return {
    district: r.district,
    name_kk: r.name_kk,
    name_ru: r.name_ru,
    address_kk: r.address_kk,
    address_ru: r.address_ru,
    hours_kk: r.hours_kk,
    hours_ru: r.hours_ru,
    open_24_7: r.open_24_7 ? 1 : 0,
    phone: r.phone,
    latitude: r.latitude,
    longitude: r.longitude,
  };
}

async function planCenters(db: Db, rows: ReadRow<"centers">[], scope: CenterScope, problems: RowProblem[]): Promise<Planned<CenterRow>[]> {
  const existing = new Map((await db.selectFrom("centers").selectAll().execute()).map((c) => [c.id, c]));
  return rows.flatMap(({ line, row }): Planned<CenterRow>[] => {
    const current = existing.get(row.id);
    // A new center is the city's decision; a center administrator changes their own.
    if (!(current ? inScope(scope, row.id) : scope === "all")) {
      problems.push({ line, column: "id", key: current ? "csv-problem-not-yours" : "csv-problem-new-center-city-only" });
      return [];
    }
    const after = centerValues(row);
    if (!current) return [{ line, row, after, change: { line, action: "create", label: row.id, columns: [] } }];
    const before = Object.fromEntries(Object.keys(after).map((k) => [k, current[k as keyof Center]]));
    const columns = changedColumns(before, after);
    return [{ line, row, before, after, change: { line, action: columns.length > 0 ? "update" : "unchanged", label: row.id, columns } }];
  });
}

const scheduleOf = (weekly: WeeklyHours[], overrides: DateOverride[]) => ({
  hours: Object.fromEntries(weekly.map((w) => [w.weekday, formatRanges(w.ranges)])),
  overrides: formatOverrides(overrides),
});

function specialistValues(r: SpecialistRow) {
  return {
    center_id: r.center_id,
    service: r.service,
    display_name: r.display_name,
    slot_minutes: r.slot_minutes,
    online: r.online ? 1 : 0,
    active: r.active ? 1 : 0,
    ...scheduleOf(r.weekly, r.overrides),
  };
}

async function planSpecialists(
  db: Db,
  rows: ReadRow<"specialists">[],
  scope: CenterScope,
  problems: RowProblem[],
  now: Date,
): Promise<Planned<SpecialistRow>[]> {
  const centers = await centerIds(db);
  const ids = rows.map((r) => r.row.id).filter((id): id is number => id !== null);
  const existing = new Map(
    ids.length === 0 ? [] : (await db.selectFrom("specialists").selectAll().where("id", "in", ids).execute()).map((s) => [s.id, s]),
  );
  const schedules = await loadSchedules(db, [...existing.keys()]);
  const booked = await upcomingBookings(db, [...existing.keys()], now);
  const today = localDateOf(now);
  return rows.flatMap(({ line, row }): Planned<SpecialistRow>[] => {
    const current = row.id === null ? undefined : existing.get(row.id);
    if (row.id !== null && !current) return note(problems, line, "id", "csv-problem-unknown-id");
    if (!centers.has(row.center_id)) return note(problems, line, "center_id", "csv-problem-unknown-center");
    if (!inScope(scope, row.center_id) || (current && !inScope(scope, current.center_id))) return note(problems, line, "center_id", "csv-problem-not-yours");
    // Nobody is left with a consultation that no specialist will give: those are cancelled first.
    if (current?.active && !row.active && booked.has(current.id)) {
      return note(problems, line, "active", "csv-problem-has-bookings", { count: booked.get(current.id)! });
    }
    const after = specialistValues({ ...row, overrides: row.overrides.filter((o) => o.date >= today) });
    if (!current) return [{ line, row, after, change: { line, action: "create" as const, label: row.display_name, columns: [] } }];
    const schedule = schedules.get(current.id)!;
    const before = {
      center_id: current.center_id,
      service: current.service,
      display_name: current.display_name,
      slot_minutes: current.slot_minutes,
      online: current.online,
      active: current.active,
      ...scheduleOf(schedule.weekly, currentOverrides(schedule.overrides, today)),
    };
    const columns = changedColumns(before, after);
    return [{ line, row, before, after, change: { line, action: columns.length > 0 ? ("update" as const) : ("unchanged" as const), label: row.display_name, columns } }];
  });
}

/** Confirmed consultations still to come, per specialist. */
async function upcomingBookings(db: Db, specialistIds: number[], now: Date): Promise<Map<number, number>> {
  if (specialistIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("bookings")
    .select(["specialist_id", (eb) => eb.fn.countAll<number>().as("n")])
    .where("specialist_id", "in", specialistIds)
    .where("status", "=", "confirmed")
    .where("starts_at", ">", now.toISOString())
    .groupBy("specialist_id")
    .execute();
  return new Map(rows.map((r) => [r.specialist_id, Number(r.n)]));
}

function note(problems: RowProblem[], line: number, column: string, key: string, vars?: Record<string, string | number>): [] {
  problems.push({ line, column, key, ...(vars ? { vars } : {}) });
  return [];
}

function eventValues(r: EventRow, district: DistrictCode) {
  return {
    category: r.category,
    level: r.level,
    center_id: r.center_id,
    district,
    venue_kk: r.venue_kk,
    venue_ru: r.venue_ru,
    title_kk: r.title_kk,
    title_ru: r.title_ru,
    description_kk: r.description_kk,
    description_ru: r.description_ru,
    starts_at: r.starts_at.toISOString(),
    ends_at: r.ends_at.toISOString(),
    capacity: r.capacity,
    host_name: r.host_name,
  };
}

async function planEvents(db: Db, rows: ReadRow<"events">[], scope: CenterScope, problems: RowProblem[], now: Date): Promise<Planned<EventRow>[]> {
  const centers = await centerIds(db);
  const planned: Planned<EventRow>[] = [];
  for (const { line, row } of rows) {
    const current = row.id === null ? undefined : await findEvent(db, row.id);
    if (row.id !== null && !current) {
      note(problems, line, "id", "csv-problem-unknown-id");
      continue;
    }
    if (current?.status === "cancelled") {
      note(problems, line, "id", "csv-problem-event-cancelled");
      continue;
    }
    if (row.center_id !== null && !centers.has(row.center_id)) {
      note(problems, line, "center_id", "csv-problem-unknown-center");
      continue;
    }
    // An event away from the centers (a park, a stadium) is the city's.
    if (!inScope(scope, row.center_id) || (current && !inScope(scope, current.center_id))) {
      note(problems, line, "center_id", "csv-problem-not-yours");
      continue;
    }
    const after = eventValues(row, row.center_id !== null ? centers.get(row.center_id)! : row.district!);
    const timeChanged = !current || current.starts_at !== after.starts_at;
    if (timeChanged && row.starts_at <= now) {
      note(problems, line, "starts", "csv-problem-past");
      continue;
    }
    if (current && row.capacity !== null && row.capacity < current.taken) {
      note(problems, line, "capacity", "csv-problem-capacity-below-taken", { taken: current.taken });
      continue;
    }
    if (!current) {
      planned.push({ line, row, after, change: { line, action: "create", label: row.title_ru, columns: [] } });
      continue;
    }
    const before = Object.fromEntries(Object.keys(after).map((k) => [k, current[k as keyof typeof current]]));
    const columns = changedColumns(before, after);
    planned.push({ line, row, before, after, change: { line, action: columns.length > 0 ? "update" : "unchanged", label: row.title_ru, columns } });
  }
  return planned;
}

/** One id per row in a file: a second row for the same center, specialist or event is a mistake. */
function duplicateIds(rows: readonly ReadRow<CsvKind>[], problems: RowProblem[]): void {
  const seen = new Set<string>();
  for (const { line, row } of rows) {
    const id = row.id;
    if (id === null) continue;
    const key = String(id);
    if (seen.has(key)) problems.push({ line, column: "id", key: "csv-problem-duplicate-id" });
    seen.add(key);
  }
}

async function planAll(db: Db, kind: CsvKind, rows: readonly ReadRow<CsvKind>[], scope: CenterScope, now: Date) {
  const problems: RowProblem[] = [];
  duplicateIds(rows, problems);
  const planned: Planned<CenterRow | SpecialistRow | EventRow>[] =
    kind === "centers"
      ? await planCenters(db, rows as ReadRow<"centers">[], scope, problems)
      : kind === "specialists"
        ? await planSpecialists(db, rows as ReadRow<"specialists">[], scope, problems, now)
        : await planEvents(db, rows as ReadRow<"events">[], scope, problems, now);
  problems.sort((a, b) => a.line - b.line);
  return { planned, problems };
}

/** What importing the rows would change, and every row's problems: the dry run. */
export async function planImport(db: Db, kind: CsvKind, rows: readonly ReadRow<CsvKind>[], scope: CenterScope, now: Date): Promise<ImportPlan> {
  const { planned, problems } = await planAll(db, kind, rows, scope, now);
  return { changes: planned.map((p) => p.change), problems };
}

export interface ImportResult extends ImportPlan {
  applied: boolean;
}

/**
 * Applies an import in one transaction, planned again inside it against the catalog as it is
 * now: if any row has a problem (the catalog changed since the dry run), nothing is applied.
 */
export async function applyImport(
  db: Db,
  kind: CsvKind,
  rows: readonly ReadRow<CsvKind>[],
  scope: CenterScope,
  actorId: number,
  reminderMinutes: (category: EventCategory) => number,
  now: Date,
): Promise<ImportResult> {
  return db.transaction().execute(async (trx) => {
    const { planned, problems } = await planAll(trx, kind, rows, scope, now);
    const changes = planned.map((p) => p.change);
    if (problems.length > 0) return { changes, problems, applied: false };
    for (const p of planned) {
      if (p.change.action === "unchanged") continue;
      const audit = { actorId, before: p.before, after: p.after };
      if (kind === "centers") {
        const row = p.row as CenterRow;
        const current = await trx.selectFrom("centers").selectAll().where("id", "=", row.id).executeTakeFirst();
        // A new center's details are all written, and real.
        const written = current ? p.change.columns : Object.keys(centerValues(row));
        const values = { ...centerValues(row), ...standInsAfterWriting(current ?? {}, written) };
        if (p.change.action === "create") await trx.insertInto("centers").values({ id: row.id, ...values }).execute();
        else await trx.updateTable("centers").set(values).where("id", "=", row.id).execute();
        await recordAudit(trx, { ...audit, action: `center.${p.change.action}`, subject: `center:${row.id}`, centerId: row.id }, now);
      } else if (kind === "specialists") {
        const id = await writeSpecialist(trx, p.row as SpecialistRow, now);
        await recordAudit(trx, { ...audit, action: `specialist.${p.change.action}`, subject: `specialist:${id}`, centerId: (p.row as SpecialistRow).center_id }, now);
      } else {
        const row = p.row as EventRow;
        const values = p.after as ReturnType<typeof eventValues>;
        let id = row.id;
        if (id === null) {
          id = (await trx.insertInto("events").values({ ...values, host_specialist_id: null, host_telegram_id: null, latitude: null, longitude: null, created_at: now.toISOString() }).returning("id").executeTakeFirstOrThrow()).id;
        } else {
          // As an edit in the bot: the people signed up hear of a new time or place, once.
          const before = await trx.selectFrom("events").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
          await trx.updateTable("events").set(values).where("id", "=", id).execute();
          const after = await trx.selectFrom("events").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
          await settleEventChange(trx, before, after, reminderMinutes(after.category), now);
        }
        await recordAudit(trx, { ...audit, action: `event.${p.change.action}`, subject: `event:${id}`, centerId: row.center_id }, now);
      }
    }
    return { changes, problems, applied: true };
  });
}

/** Writes a specialist's row, weekly hours and overrides from today on; returns its id. */
async function writeSpecialist(db: Db, row: SpecialistRow, now: Date): Promise<number> {
  const values = {
    center_id: row.center_id,
    service: row.service,
    display_name: row.display_name,
    slot_minutes: row.slot_minutes,
    online: row.online ? 1 : 0,
    active: row.active ? 1 : 0,
  };
  const id =
    row.id ??
    (await db.insertInto("specialists").values({ ...values, created_at: now.toISOString() }).returning("id").executeTakeFirstOrThrow()).id;
  if (row.id !== null) await db.updateTable("specialists").set(values).where("id", "=", id).execute();
  await db.deleteFrom("specialist_hours").where("specialist_id", "=", id).execute();
  const hours = row.weekly.flatMap((w) => w.ranges.map((r) => ({ specialist_id: id, weekday: w.weekday, start_time: r.start, end_time: r.end })));
  if (hours.length > 0) await db.insertInto("specialist_hours").values(hours).execute();
  const today = localDateOf(now);
  await db.deleteFrom("specialist_overrides").where("specialist_id", "=", id).where("date", ">=", today).execute();
  const overrides = row.overrides
    .filter((o) => o.date >= today)
    .flatMap((o): Insertable<SpecialistOverridesTable>[] =>
      o.kind === "off"
        ? [{ specialist_id: id, date: o.date, kind: "off" as const, start_time: null, end_time: null }]
        : o.ranges.map((r) => ({ specialist_id: id, date: o.date, kind: "hours" as const, start_time: r.start, end_time: r.end })),
    );
  if (overrides.length > 0) await db.insertInto("specialist_overrides").values(overrides).execute();
  return id;
}
