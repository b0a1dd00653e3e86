import { CENTER_OFFERS, type CenterOffer } from "../domain/center-offers.js";
import type { DistrictCode } from "../domain/districts.js";
import type { Language } from "../domain/language.js";
import { SERVICE_CODES, type ServiceCode } from "../domain/services.js";
import type { DateOverride, TimeRange, WeeklyHours } from "../domain/slots.js";
import type { Weekday } from "../domain/time.js";
import type { Db } from "./database.js";
import type { Center, Specialist } from "./schema.js";

export async function listCenters(db: Db, district?: DistrictCode): Promise<Center[]> {
  let q = db.selectFrom("centers").selectAll().orderBy("district").orderBy("id");
  if (district) q = q.where("district", "=", district);
  return q.execute();
}

/**
 * The center's address in both languages, or null while the catalog holds only a stand-in for it:
 * a placeholder's address text is a note for an administrator, never something to show or write
 * as an address.
 */
export function knownAddress(center: Pick<Center, "address_placeholder" | "address_kk" | "address_ru">): Record<Language, string> | null {
  return center.address_placeholder ? null : { kk: center.address_kk, ru: center.address_ru };
}

export async function findCenter(db: Db, id: string): Promise<Center | undefined> {
  return db.selectFrom("centers").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Active specialists of a service, optionally in one district, with their center. */
export async function findSpecialists(
  db: Db,
  filter: { service: ServiceCode; district?: DistrictCode },
): Promise<(Specialist & { district: DistrictCode })[]> {
  let q = db
    .selectFrom("specialists")
    .innerJoin("centers", "centers.id", "specialists.center_id")
    .selectAll("specialists")
    .select("centers.district")
    .where("specialists.service", "=", filter.service)
    .where("specialists.active", "=", 1)
    .orderBy("specialists.id");
  if (filter.district) q = q.where("centers.district", "=", filter.district);
  return q.execute();
}

/** The services the center's active specialists give, in the usual service order. */
export async function servicesAtCenter(db: Db, centerId: string): Promise<ServiceCode[]> {
  const rows = await db.selectFrom("specialists").select("service").distinct().where("center_id", "=", centerId).where("active", "=", 1).execute();
  const given = new Set(rows.map((r) => r.service));
  return SERVICE_CODES.filter((s) => given.has(s));
}

export interface Schedule {
  weekly: WeeklyHours[];
  overrides: DateOverride[];
}

/** Weekly hours and date overrides of each specialist, in the shape slot computation takes. */
export async function loadSchedules(db: Db, specialistIds: number[]): Promise<Map<number, Schedule>> {
  const schedules = new Map<number, Schedule>(specialistIds.map((id) => [id, { weekly: [], overrides: [] }]));
  if (specialistIds.length === 0) return schedules;

  const hours = await db.selectFrom("specialist_hours").selectAll().where("specialist_id", "in", specialistIds).execute();
  for (const h of hours) {
    const weekly = schedules.get(h.specialist_id)!.weekly;
    const range: TimeRange = { start: h.start_time, end: h.end_time };
    const day = weekly.find((w) => w.weekday === h.weekday);
    if (day) day.ranges.push(range);
    else weekly.push({ weekday: h.weekday as Weekday, ranges: [range] });
  }

  const overrides = await db
    .selectFrom("specialist_overrides")
    .selectAll()
    .where("specialist_id", "in", specialistIds)
    .orderBy("id")
    .execute();
  for (const o of overrides) {
    const list = schedules.get(o.specialist_id)!.overrides;
    if (o.kind === "off") {
      list.push({ date: o.date, kind: "off" });
      continue;
    }
    const range: TimeRange = { start: o.start_time!, end: o.end_time! };
    // Rows of one date's own hours form one override with several ranges.
    const same = list.find((x) => x.date === o.date && x.kind === "hours");
    if (same && same.kind === "hours") same.ranges.push(range);
    else list.push({ date: o.date, kind: "hours", ranges: [range] });
  }
  return schedules;
}

/** What a center offers besides consultations, in the order of `CENTER_OFFERS`. */
export async function findCenterOffers(db: Db, centerId: string): Promise<CenterOffer[]> {
  const rows = await db.selectFrom("center_offers").select("offer").where("center_id", "=", centerId).execute();
  const offered = new Set(rows.map((r) => r.offer));
  return CENTER_OFFERS.filter((o) => offered.has(o));
}
