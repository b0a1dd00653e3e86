import type { ServiceCode } from "../domain/services.js";
import { SERVICES } from "../domain/services.js";
import { withinHours, type DateOverride, type TimeRange } from "../domain/slots.js";
import type { LocalDate, Weekday } from "../domain/time.js";
import { recordAudit } from "./audit.js";
import { cancelUpcomingOfSpecialist } from "./bookings.js";
import { loadSchedules, type Schedule } from "./catalog.js";
import type { Db } from "./database.js";
import type { Specialist } from "./schema.js";

/** A center's active specialists, by service and name. */
export async function listCenterSpecialists(db: Db, centerId: string): Promise<Specialist[]> {
  return db
    .selectFrom("specialists")
    .selectAll()
    .where("center_id", "=", centerId)
    .where("active", "=", 1)
    .orderBy("service")
    .orderBy("display_name")
    .orderBy("id")
    .execute();
}

/** An active specialist by id; a deactivated one is no longer in the catalog. */
export async function findActiveSpecialist(db: Db, id: number): Promise<Specialist | undefined> {
  return db.selectFrom("specialists").selectAll().where("id", "=", id).where("active", "=", 1).executeTakeFirst();
}

/**
 * Adds a specialist to a center, with the service's usual slot length and no hours yet (so not
 * bookable until an administrator sets them), and records it in the audit log.
 */
export async function addSpecialist(
  db: Db,
  added: { centerId: string; service: ServiceCode; displayName: string; online: boolean; actorId: number },
  now: Date,
): Promise<Specialist> {
  return db.transaction().execute(async (trx) => {
    const specialist = await trx
      .insertInto("specialists")
      .values({
        center_id: added.centerId,
        service: added.service,
        display_name: added.displayName,
        telegram_id: null,
        slot_minutes: SERVICES[added.service].durationMinutes,
        online: Number(added.online && SERVICES[added.service].online),
        created_at: now.toISOString(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const { display_name, service, online } = specialist;
    await recordAudit(
      trx,
      { actorId: added.actorId, action: "specialist.add", subject: `specialist:${specialist.id}`, centerId: added.centerId, after: { display_name, service, online } },
      now,
    );
    return specialist;
  });
}

/** Confirmed consultations of a specialist that have not started yet. */
export async function countUpcomingBookings(db: Db, specialistId: number, now: Date): Promise<number> {
  const row = await db
    .selectFrom("bookings")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("specialist_id", "=", specialistId)
    .where("status", "=", "confirmed")
    .where("starts_at", ">", now.toISOString())
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * How many of a specialist's upcoming consultations would lie outside their hours once `change`
 * is made to them: those stay booked, and the administrator is told before changing.
 */
export async function countBookingsOutside(db: Db, specialistId: number, change: (current: Schedule) => Schedule, now: Date): Promise<number> {
  const schedule = change((await loadSchedules(db, [specialistId])).get(specialistId)!);
  const upcoming = await db
    .selectFrom("bookings")
    .select(["starts_at", "ends_at"])
    .where("specialist_id", "=", specialistId)
    .where("status", "=", "confirmed")
    .where("starts_at", ">", now.toISOString())
    .execute();
  return upcoming.filter((b) => !withinHours({ start: new Date(b.starts_at), end: new Date(b.ends_at) }, schedule.weekly, schedule.overrides)).length;
}

/**
 * Takes a specialist out of the catalog: their upcoming consultations are cancelled as if they
 * had cancelled them (the people are told and offered other times), and it is recorded in the
 * audit log, in one transaction. Returns how many consultations were cancelled, or null when the
 * specialist was not active.
 */
export async function deactivateSpecialist(db: Db, change: { specialistId: number; actorId: number }, now: Date): Promise<number | null> {
  return db.transaction().execute(async (trx) => {
    const specialist = await findActiveSpecialist(trx, change.specialistId);
    if (!specialist) return null;
    const cancelled = await cancelUpcomingOfSpecialist(trx, specialist.id, now);
    await trx.updateTable("specialists").set({ active: 0 }).where("id", "=", specialist.id).execute();
    await recordAudit(
      trx,
      {
        actorId: change.actorId,
        action: "specialist.deactivate",
        subject: `specialist:${specialist.id}`,
        centerId: specialist.center_id,
        before: { active: 1 },
        after: { active: 0, cancelled_bookings: cancelled },
      },
      now,
    );
    return cancelled;
  });
}

/**
 * Sets a specialist's hours on one weekday (no ranges: a day off), replacing what was there,
 * and records the change in the audit log, in one transaction. Bookings already made stay as
 * they are.
 */
export async function setWeekdayHours(
  db: Db,
  change: { specialist: Pick<Specialist, "id" | "center_id">; weekday: Weekday; ranges: TimeRange[]; actorId: number },
  now: Date,
): Promise<void> {
  const { specialist, weekday } = change;
  await db.transaction().execute(async (trx) => {
    const before = (await loadSchedules(trx, [specialist.id])).get(specialist.id)!.weekly.find((w) => w.weekday === weekday)?.ranges ?? [];
    await trx.deleteFrom("specialist_hours").where("specialist_id", "=", specialist.id).where("weekday", "=", weekday).execute();
    for (const r of change.ranges) {
      await trx.insertInto("specialist_hours").values({ specialist_id: specialist.id, weekday, start_time: r.start, end_time: r.end }).execute();
    }
    await recordAudit(
      trx,
      {
        actorId: change.actorId,
        action: "specialist.hours",
        subject: `specialist:${specialist.id}`,
        centerId: specialist.center_id,
        before: { weekday, ranges: before },
        after: { weekday, ranges: change.ranges },
      },
      now,
    );
  });
}

/** The override of a date as stored, or none. */
function overrideOn(overrides: DateOverride[], date: LocalDate): DateOverride | null {
  return overrides.findLast((o) => o.date === date) ?? null;
}

/**
 * Sets what a specialist's date is instead of their weekly hours (a day off, or other hours),
 * or takes the date back to the weekly hours (null), and records it in the audit log, in one
 * transaction. Bookings already made stay as they are.
 */
export async function setDateOverride(
  db: Db,
  change: { specialist: Pick<Specialist, "id" | "center_id">; date: LocalDate; override: DateOverride | null; actorId: number },
  now: Date,
): Promise<void> {
  const { specialist, date, override } = change;
  await db.transaction().execute(async (trx) => {
    const before = overrideOn((await loadSchedules(trx, [specialist.id])).get(specialist.id)!.overrides, date);
    await trx.deleteFrom("specialist_overrides").where("specialist_id", "=", specialist.id).where("date", "=", date).execute();
    if (override?.kind === "off") {
      await trx.insertInto("specialist_overrides").values({ specialist_id: specialist.id, date, kind: "off", start_time: null, end_time: null }).execute();
    }
    if (override?.kind === "hours") {
      for (const r of override.ranges) {
        await trx.insertInto("specialist_overrides").values({ specialist_id: specialist.id, date, kind: "hours", start_time: r.start, end_time: r.end }).execute();
      }
    }
    await recordAudit(
      trx,
      {
        actorId: change.actorId,
        action: override ? "specialist.date" : "specialist.date.remove",
        subject: `specialist:${specialist.id}`,
        centerId: specialist.center_id,
        before: before ?? undefined,
        after: override ?? undefined,
      },
      now,
    );
  });
}
