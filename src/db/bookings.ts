import type { Appointment } from "../domain/appointments.js";
import {
  keepMode,
  limitBreach,
  noShowWindowStart,
  openSlots,
  type LimitBreach,
  type LimitRules,
  type SpecialistAgenda,
} from "../domain/booking-rules.js";
import { bookingEventUid } from "../domain/ics.js";
import { bookingNotices, staffCancellationNotices, type PlannedNotice } from "../domain/notices.js";
import { BOOKING_WINDOW_DAYS, type BookingMode, type ServiceCode } from "../domain/services.js";
import { correctableMarksSince } from "../domain/staff.js";
import { LONGEST_BUSY_MINUTES } from "../domain/slots.js";
import { localDateOf } from "../domain/time.js";
import { addMinutes } from "../domain/time-math.js";
import { findClash } from "./appointments.js";
import { loadSchedules } from "./catalog.js";
import { transact, type Db } from "./database.js";
import { isUniqueViolation } from "./dialect.js";
import { cancelPendingForBooking, enqueue } from "./outbox.js";
import { lockPerson } from "./users.js";
import type { Booking, BookingStatus, Center, Specialist } from "./schema.js";

/** The statuses that hold a slot: exactly those the `bookings_active_slot` unique index guards. */
const LIVE_STATUSES: BookingStatus[] = ["confirmed", "attended", "no_show"];

/** A booking together with the center it takes place in. */
export type BookingDetails = Booking & Pick<Center, "district" | "name_kk" | "name_ru" | "address_kk" | "address_ru" | "address_placeholder">;

/** What a booking needs besides the person's answers: the limits and the reminder schedule. */
export interface BookingPolicy {
  limits: LimitRules;
  reminderOffsetsMinutes: readonly number[];
}

/** `overlap`: the person has another appointment at that time, named in `clash`. */
export type BookResult =
  | { kind: "booked"; bookingId: number }
  | { kind: "taken" }
  | { kind: "limit"; breach: LimitBreach }
  | { kind: "overlap"; clash: Appointment };

export type CancelBookingResult = { kind: "cancelled" } | { kind: "not-found" } | { kind: "not-active" };

export type RescheduleResult =
  | { kind: "rescheduled"; bookingId: number }
  | { kind: "taken" }
  | { kind: "overlap"; clash: Appointment }
  | { kind: "not-found" }
  | { kind: "not-active" };

/**
 * What fills each specialist's days from `now` to the end of the booking window: weekly hours,
 * date overrides, live bookings and blocked times.
 */
export async function loadAgendas(
  db: Db,
  specialists: readonly Pick<Specialist, "id" | "center_id" | "slot_minutes">[],
  now: Date,
): Promise<SpecialistAgenda[]> {
  const ids = specialists.map((s) => s.id);
  if (ids.length === 0) return [];
  const from = now.toISOString();
  // Bounding the start from below too keeps the read to the window: `ends_at` alone would
  // have the index walk every past booking of these specialists.
  const startedFrom = addMinutes(now, -LONGEST_BUSY_MINUTES).toISOString();
  // One day beyond the window covers the Almaty date boundary on the last day.
  const to = addMinutes(now, (BOOKING_WINDOW_DAYS + 1) * 24 * 60).toISOString();
  const schedules = await loadSchedules(db, ids);
  // Bookings and blocked times alike: the intervals of these specialists that overlap [from, to).
  const overlapping = (table: "bookings" | "blocked_times") =>
    db
      .selectFrom(table)
      .select(["specialist_id", "starts_at", "ends_at"])
      .where("specialist_id", "in", ids)
      .where("starts_at", ">", startedFrom)
      .where("starts_at", "<", to)
      .where("ends_at", ">", from);
  const bookings = await overlapping("bookings").where("status", "in", LIVE_STATUSES).execute();
  const blocked = await overlapping("blocked_times").execute();
  const interval = (r: { starts_at: string; ends_at: string }) => ({ start: new Date(r.starts_at), end: new Date(r.ends_at) });
  return specialists.map((s) => {
    const own = bookings.filter((b) => b.specialist_id === s.id);
    return {
      specialistId: s.id,
      centerId: s.center_id,
      slotMinutes: s.slot_minutes,
      ...schedules.get(s.id)!,
      busy: [...own, ...blocked.filter((b) => b.specialist_id === s.id)].map(interval),
      bookedStarts: own.map((b) => new Date(b.starts_at)),
    };
  });
}

/** Confirmed consultations of a service that have not started yet. */
export async function countUpcoming(db: Db, userId: number, service: ServiceCode, now: Date): Promise<number> {
  const row = await db
    .selectFrom("bookings")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .where("service", "=", service)
    .where("status", "=", "confirmed")
    .where("starts_at", ">", now.toISOString())
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Missed consultations within the limit's window, counting only final marks: while the
 * specialist may still correct a no-show (it may have been a wrong button), it pauses nobody.
 * A mark without a time is final.
 */
export async function countRecentNoShows(db: Db, userId: number, now: Date, rules: Pick<LimitRules, "noShowWindowDays">): Promise<number> {
  const row = await db
    .selectFrom("bookings")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .where("status", "=", "no_show")
    .where("starts_at", ">=", noShowWindowStart(now, rules).toISOString())
    .where((eb) => eb.or([eb("marked_at", "is", null), eb("marked_at", "<=", correctableMarksSince(now).toISOString())]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Books a slot for a person. In one transaction: the limits are checked, the slot is checked
 * to be still within the specialist's hours, not blocked and not taken, and the person's other
 * appointments not to overlap it; the booking is written with its reminders, feedback request
 * and the specialist's notice. The unique index on live bookings is the last guard: whoever
 * loses a race on it gets "taken" like everyone else.
 *
 * Asking again for a booking the person already holds (a flow replayed after its answer was
 * written but before its state was saved) finds that booking and reports it booked, once.
 */
export async function bookSlot(
  db: Db,
  request: { userId: number; specialistId: number; startsAt: Date; mode: BookingMode; topic: string | null },
  policy: BookingPolicy,
  now: Date,
): Promise<BookResult> {
  try {
    return await db.transaction().execute(async (trx): Promise<BookResult> => {
      await lockPerson(trx, request.userId);
      const held = await heldBooking(trx, request);
      if (held) return { kind: "booked", bookingId: held.id };
      const specialist = await activeSpecialist(trx, request.specialistId);
      if (!specialist) return { kind: "taken" };
      const breach = limitBreach(
        {
          recentNoShows: await countRecentNoShows(trx, request.userId, now, policy.limits),
          upcomingForService: await countUpcoming(trx, request.userId, specialist.service, now),
        },
        policy.limits,
      );
      if (breach) return { kind: "limit", breach };
      const slot = await stillOpen(trx, specialist, request.startsAt, now);
      if (!slot) return { kind: "taken" };
      const clash = await findClash(trx, request.userId, slot);
      if (clash) return { kind: "overlap", clash };
      const mode = keepMode(request.mode, specialist.service, specialist.online === 1);
      const bookingId = await insertBooking(trx, { userId: request.userId, specialist, slot, mode, topic: request.topic }, now);
      await scheduleNotices(trx, { id: bookingId, userId: request.userId, slot, specialist }, policy, now);
      return { kind: "booked", bookingId };
    });
  } catch (err) {
    if (isSlotTaken(err)) return { kind: "taken" };
    throw err;
  }
}

/**
 * Cancels a person's own upcoming booking: the slot frees up, what was waiting to be sent about
 * it is withdrawn, and the specialist is told.
 *
 * Asking again to cancel a booking the person has cancelled (the same press handled again after
 * a crash, before its confirmation and calendar file went) reports it cancelled and changes nothing.
 */
export async function cancelBooking(db: Db, userId: number, bookingId: number, now: Date): Promise<CancelBookingResult> {
  return transact(db, async (trx): Promise<CancelBookingResult> => {
    await lockPerson(trx, userId);
    await lockBooking(trx, bookingId);
    const booking = await findOwnBooking(trx, userId, bookingId);
    if (!booking) return { kind: "not-found" };
    if (booking.status === "cancelled" && booking.cancelled_by === "user") return { kind: "cancelled" };
    if (!isUpcoming(booking, now)) return { kind: "not-active" };
    await markCancelled(trx, bookingId, "user", now);
    await notifySpecialist(trx, booking.specialist_id, "staff_booking_cancelled", bookingId, now);
    return { kind: "cancelled" };
  });
}

/**
 * Cancels one of a specialist's upcoming consultations from their side: the slot frees up, what
 * was waiting to be sent about it is withdrawn, and the person is told, offered another time and
 * sent the file that takes it out of their calendar. Someone else's booking is reported exactly
 * like a missing one.
 */
export async function cancelBookingByStaff(
  db: Db,
  request: { bookingId: number; specialistId: number },
  now: Date,
): Promise<CancelBookingResult> {
  return db.transaction().execute(async (trx): Promise<CancelBookingResult> => {
    const booking = await trx
      .selectFrom("bookings")
      .selectAll()
      .where("id", "=", request.bookingId)
      .where("specialist_id", "=", request.specialistId)
      .forUpdate()
      .executeTakeFirst();
    if (!booking) return { kind: "not-found" };
    if (!isUpcoming(booking, now)) return { kind: "not-active" };
    await cancelForSpecialist(trx, booking, now);
    return { kind: "cancelled" };
  });
}

/**
 * Cancels every upcoming consultation of a specialist who is leaving, each as if they had
 * cancelled it themselves: the people are told and offered other times. Called inside the
 * transaction that deactivates them; returns how many were cancelled.
 */
export async function cancelUpcomingOfSpecialist(trx: Db, specialistId: number, now: Date): Promise<number> {
  const upcoming = await trx
    .selectFrom("bookings")
    .selectAll()
    .where("specialist_id", "=", specialistId)
    .where("status", "=", "confirmed")
    .where("starts_at", ">", now.toISOString())
    .execute();
  for (const booking of upcoming) await cancelForSpecialist(trx, booking, now);
  return upcoming.length;
}

/** Cancels a booking from its specialist's side and tells the person. */
async function cancelForSpecialist(trx: Db, booking: Booking, now: Date): Promise<void> {
  await markCancelled(trx, booking.id, "specialist", now);
  // Upcoming bookings of someone who erased their data were cancelled with it: a person is there.
  for (const notice of staffCancellationNotices({ id: booking.id, startsAt: new Date(booking.starts_at) }, now)) {
    await enqueue(trx, { ...notice, recipientId: booking.user_id!, bookingId: booking.id }, now);
  }
}

/**
 * Cancels a booking and withdraws what waits to be sent about it. The calendar event's revision
 * goes up, so that the cancelling file outranks the one that added it.
 */
async function markCancelled(trx: Db, bookingId: number, by: "user" | "specialist", now: Date): Promise<void> {
  await trx
    .updateTable("bookings")
    .set((eb) => ({
      status: "cancelled",
      cancelled_by: by,
      calendar_sequence: eb("calendar_sequence", "+", 1),
      updated_at: now.toISOString(),
    }))
    .where("id", "=", bookingId)
    .execute();
  await cancelPendingForBooking(trx, bookingId);
}

/**
 * Moves a person's upcoming booking to another slot of the same service. The old booking is
 * released only together with securing the new one: if the new slot is taken, or overlaps
 * another of the person's appointments (the booking being moved does not count), nothing
 * changes. The new booking continues the old one's calendar event at the next revision.
 *
 * Asking again for a move already made (a replayed flow) finds the booking it was moved to.
 */
export async function rescheduleBooking(
  db: Db,
  request: { userId: number; bookingId: number; specialistId: number; startsAt: Date },
  policy: BookingPolicy,
  now: Date,
): Promise<RescheduleResult> {
  try {
    return await db.transaction().execute(async (trx): Promise<RescheduleResult> => {
      await lockPerson(trx, request.userId);
      await lockBooking(trx, request.bookingId);
      const old = await findOwnBooking(trx, request.userId, request.bookingId);
      if (!old) return { kind: "not-found" };
      const done = await movedTo(trx, old, request);
      if (done) return { kind: "rescheduled", bookingId: done.id };
      if (!isUpcoming(old, now)) return { kind: "not-active" };
      const specialist = await activeSpecialist(trx, request.specialistId);
      if (!specialist || specialist.service !== old.service) return { kind: "taken" };
      const slot = await stillOpen(trx, specialist, request.startsAt, now);
      if (!slot) return { kind: "taken" };
      const clash = await findClash(trx, request.userId, slot, { bookingId: old.id });
      if (clash) return { kind: "overlap", clash };
      const mode = keepMode(old.mode, specialist.service, specialist.online === 1);
      const event = { uid: calendarUid(old), sequence: old.calendar_sequence + 1 };
      const bookingId = await insertBooking(trx, { userId: request.userId, specialist, slot, mode, topic: old.topic, event }, now);
      await trx
        .updateTable("bookings")
        .set({ status: "rescheduled", replaced_by: bookingId, updated_at: now.toISOString() })
        .where("id", "=", old.id)
        .execute();
      await cancelPendingForBooking(trx, old.id);
      await notifySpecialist(trx, old.specialist_id, "staff_booking_cancelled", old.id, now);
      await scheduleNotices(trx, { id: bookingId, userId: request.userId, slot, specialist }, policy, now);
      return { kind: "rescheduled", bookingId };
    });
  } catch (err) {
    if (isSlotTaken(err)) return { kind: "taken" };
    throw err;
  }
}

/** One of the person's bookings with its center; undefined when it is not theirs or does not exist. */
export async function findOwnBooking(db: Db, userId: number, bookingId: number): Promise<BookingDetails | undefined> {
  return detailsQuery(db).where("bookings.user_id", "=", userId).where("bookings.id", "=", bookingId).executeTakeFirst();
}

/** One of the person's bookings that can still be cancelled, moved or put into a calendar; undefined otherwise. */
export async function findUpcomingOwnBooking(
  db: Db,
  userId: number,
  bookingId: number,
  now: Date,
): Promise<BookingDetails | undefined> {
  const booking = await findOwnBooking(db, userId, bookingId);
  return booking && isUpcoming(booking, now) ? booking : undefined;
}

/** Every booking the person has, in time order, for /mydata. */
export async function listEveryOwnBooking(db: Db, userId: number): Promise<BookingDetails[]> {
  return detailsQuery(db).where("bookings.user_id", "=", userId).orderBy("bookings.starts_at").orderBy("bookings.id").execute();
}

/** The person's consultations still to come, soonest first. */
export async function listUpcomingOwnBookings(db: Db, userId: number, now: Date): Promise<BookingDetails[]> {
  return detailsQuery(db)
    .where("bookings.user_id", "=", userId)
    .where("bookings.status", "=", "confirmed")
    .where("bookings.starts_at", ">", now.toISOString())
    .orderBy("bookings.starts_at")
    .execute();
}

/** The person's upcoming consultations, and the latest others (moved ones are shown by their replacement). */
export async function listOwnBookings(
  db: Db,
  userId: number,
  now: Date,
  pastLimit = 10,
): Promise<{ upcoming: BookingDetails[]; past: BookingDetails[] }> {
  const at = now.toISOString();
  const upcoming = await listUpcomingOwnBookings(db, userId, now);
  const past = await detailsQuery(db)
    .where("bookings.user_id", "=", userId)
    .where("bookings.status", "!=", "rescheduled")
    .where((eb) => eb.or([eb("bookings.status", "!=", "confirmed"), eb("bookings.starts_at", "<=", at)]))
    .orderBy("bookings.starts_at", "desc")
    .orderBy("bookings.id", "desc")
    .limit(pastLimit)
    .execute();
  return { upcoming, past };
}

/** Whether a booking can still be cancelled, moved or put into a calendar. */
export function isUpcoming(booking: Pick<Booking, "status" | "starts_at">, now: Date): boolean {
  return booking.status === "confirmed" && new Date(booking.starts_at) > now;
}

/** The UID of the calendar event a booking belongs to: its own, or the one of the booking it was moved from. */
export function calendarUid(booking: Pick<Booking, "id" | "calendar_uid">): string {
  return booking.calendar_uid ?? bookingEventUid(booking.id);
}

/** Whether an error is the database refusing a second live booking of the same specialist and start. */
export function isSlotTaken(err: unknown): boolean {
  return isUniqueViolation(err, "bookings");
}

function detailsQuery(db: Db) {
  return db
    .selectFrom("bookings")
    .innerJoin("centers", "centers.id", "bookings.center_id")
    .selectAll("bookings")
    .select(["centers.district", "centers.name_kk", "centers.name_ru", "centers.address_kk", "centers.address_ru", "centers.address_placeholder"]);
}

/** The person's live booking of this specialist at this start, if they hold it already. */
async function heldBooking(db: Db, request: { userId: number; specialistId: number; startsAt: Date }) {
  return db
    .selectFrom("bookings")
    .select("id")
    .where("user_id", "=", request.userId)
    .where("specialist_id", "=", request.specialistId)
    .where("starts_at", "=", request.startsAt.toISOString())
    .where("status", "=", "confirmed")
    .executeTakeFirst();
}

/** The booking `old` was already moved to, if that is the move asked for. */
async function movedTo(db: Db, old: Booking, request: { specialistId: number; startsAt: Date }) {
  if (old.status !== "rescheduled" || old.replaced_by === null) return undefined;
  return db
    .selectFrom("bookings")
    .select("id")
    .where("id", "=", old.replaced_by)
    .where("specialist_id", "=", request.specialistId)
    .where("starts_at", "=", request.startsAt.toISOString())
    .where("status", "=", "confirmed")
    .executeTakeFirst();
}

/**
 * The specialist, if active, locked until the transaction ends: whoever books or moves into
 * their agenda checks the slot after the one before has written (see `lockPerson`).
 */
async function activeSpecialist(db: Db, id: number): Promise<Specialist | undefined> {
  return db.selectFrom("specialists").selectAll().where("id", "=", id).where("active", "=", 1).forUpdate().executeTakeFirst();
}

/** Locks a booking's row, so that a person and their specialist cancelling it at once do it one after the other. */
async function lockBooking(db: Db, id: number): Promise<void> {
  await db.selectFrom("bookings").select("id").where("id", "=", id).forUpdate().execute();
}

/** The specialist's open slot starting at `startsAt`, as it stands inside the transaction. */
async function stillOpen(db: Db, specialist: Specialist, startsAt: Date, now: Date) {
  const [agenda] = await loadAgendas(db, [specialist], now);
  return openSlots(agenda!, now, localDateOf(startsAt)).find((s) => s.start.getTime() === startsAt.getTime());
}

async function insertBooking(
  db: Db,
  b: {
    userId: number;
    specialist: Specialist;
    slot: { start: Date; end: Date };
    mode: BookingMode;
    topic: string | null;
    /** The calendar event a moved booking continues; a new booking starts its own. */
    event?: { uid: string; sequence: number };
  },
  now: Date,
): Promise<number> {
  const at = now.toISOString();
  const row = await db
    .insertInto("bookings")
    .values({
      user_id: b.userId,
      specialist_id: b.specialist.id,
      service: b.specialist.service,
      center_id: b.specialist.center_id,
      starts_at: b.slot.start.toISOString(),
      ends_at: b.slot.end.toISOString(),
      mode: b.mode,
      topic: b.topic,
      status: "confirmed",
      created_at: at,
      updated_at: at,
      cancelled_by: null,
      replaced_by: null,
      feedback_score: null,
      feedback_comment: null,
      calendar_uid: b.event?.uid ?? null,
      calendar_sequence: b.event?.sequence ?? 0,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The person's reminders and feedback request, and the specialist's "new booking" notice. */
async function scheduleNotices(
  db: Db,
  b: { id: number; userId: number; slot: { start: Date; end: Date }; specialist: Specialist },
  policy: BookingPolicy,
  now: Date,
): Promise<void> {
  for (const notice of bookingNotices({ id: b.id, startsAt: b.slot.start, endsAt: b.slot.end }, policy.reminderOffsetsMinutes, now)) {
    await enqueue(db, { ...notice, recipientId: b.userId, bookingId: b.id }, now);
  }
  await notifySpecialist(db, b.specialist.id, "staff_booking_new", b.id, now);
}

/** Tells the specialist about a booking of theirs, if they still work here and have linked their Telegram account. */
async function notifySpecialist(
  db: Db,
  specialistId: number,
  kind: "staff_booking_new" | "staff_booking_cancelled",
  bookingId: number,
  now: Date,
): Promise<void> {
  const specialist = await db
    .selectFrom("specialists")
    .select("telegram_id")
    .where("id", "=", specialistId)
    .where("active", "=", 1)
    .executeTakeFirst();
  if (specialist?.telegram_id == null) return;
  const notice: PlannedNotice = {
    kind,
    dueAt: now,
    expiresAt: null,
    payload: { bookingId },
    dedupeKey: `${kind}:${bookingId}`,
    essential: true,
    urgent: false,
  };
  await enqueue(db, { ...notice, recipientId: specialist.telegram_id, bookingId }, now);
}
