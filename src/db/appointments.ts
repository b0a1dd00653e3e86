import { firstClash, type Appointment, type Period } from "../domain/appointments.js";
import { LIVE_STATUSES as LIVE_SIGNUP_STATUSES } from "../domain/seats.js";
import type { Db } from "./database.js";

/** An appointment that does not count against the new one: the booking being moved. */
export type Exempt = { bookingId: number };

/**
 * The person's live appointments that share a moment with `period`: upcoming consultations and
 * tea-talk sign-ups (seated, waitlisted or holding an offer) of sessions that are on. Run inside
 * the transaction that writes the new appointment, so that the check and the write are one.
 */
export async function appointmentsDuring(db: Db, userId: number, period: Period, exempt?: Exempt): Promise<Appointment[]> {
  const start = period.start.toISOString();
  const end = period.end.toISOString();
  let bookings = db
    .selectFrom("bookings")
    .select(["id", "service", "starts_at", "ends_at"])
    .where("user_id", "=", userId)
    .where("status", "=", "confirmed")
    .where("starts_at", "<", end)
    .where("ends_at", ">", start);
  if (exempt) bookings = bookings.where("id", "!=", exempt.bookingId);
  const signups = db
    .selectFrom("event_signups as u")
    .innerJoin("events as s", "s.id", "u.event_id")
    .select(["u.id", "s.starts_at", "s.ends_at"])
    .where("u.user_id", "=", userId)
    .where("u.status", "in", LIVE_SIGNUP_STATUSES)
    // Other events are dropped in on, not kept as appointments.
    .where("s.category", "=", "teatalk")
    .where("s.status", "=", "scheduled")
    .where("s.starts_at", "<", end)
    .where("s.ends_at", ">", start);
  return [
    ...(await bookings.execute()).map((b): Appointment => ({ kind: "consultation", id: b.id, service: b.service, startsAt: b.starts_at, endsAt: b.ends_at })),
    ...(await signups.execute()).map((s): Appointment => ({ kind: "teatalk", id: s.id, startsAt: s.starts_at, endsAt: s.ends_at })),
  ];
}

/** The earliest of the person's appointments that a new one in `period` would overlap, if any. */
export async function findClash(db: Db, userId: number, period: Period, exempt?: Exempt): Promise<Appointment | undefined> {
  return firstClash(period, await appointmentsDuring(db, userId, period, exempt));
}
