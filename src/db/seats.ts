import type { Appointment } from "../domain/appointments.js";
import type { AttendanceMark } from "../domain/attendance.js";
import type { EventCategory } from "../domain/events.js";
import {
  attendanceOpen,
  cancellable,
  freeSeats,
  holdsSeat,
  joinStatus,
  offerKey,
  offerLapsed,
  offerWindow,
  reminderKey,
  seatOffer,
  seatReminder,
  signupOpen,
  type LiveStatus,
  type SeatCount,
  type SignupStatus,
} from "../domain/seats.js";
import { findClash } from "./appointments.js";
import { transact, type Db } from "./database.js";
import { findLiveSignup, ownSignupsAhead, seatCounts, waitlistPosition } from "./events.js";
import { hostedBy } from "./organisers.js";
import { cancelPendingByKeys, enqueue } from "./outbox.js";
import type { Event, EventSignup } from "./schema.js";
import { lockPerson } from "./users.js";

/**
 * The one seat engine of events and tea-talk sessions: signing up into a seat or the waitlist,
 * cancelling, offering freed seats and answering offers, passing lapsed ones on, and the marks
 * of who came. Every step is one transaction; the unique index on sign-ups and the capacity
 * triggers are the last guards below it.
 */

/** What confirming a seat needs besides the sign-up: when its reminder goes out. */
export interface SeatPolicy {
  reminderMinutes: number;
}

export type SignUpResult =
  | { kind: "confirmed"; signupId: number }
  | { kind: "waitlisted"; signupId: number; position: number }
  | { kind: "already"; signupId: number; status: LiveStatus; position: number | null }
  /** The event is cancelled, over, or within the last hour before it. */
  | { kind: "closed" }
  /** The person has another appointment at that time, named in `clash`. */
  | { kind: "overlap"; clash: Appointment }
  | { kind: "not-found" };

export type CancelSignupResult = { kind: "cancelled"; signupId: number } | { kind: "not-found" } | { kind: "not-active" };

/** Why an offer could not be answered. */
export type OfferRefusal = "already-confirmed" | "expired" | "not-offered" | "not-found";

/** The answer to an offer as given ("I'll come": confirmed, "I can't": declined), or why it could not be. */
export type OfferAnswerResult<T extends "confirmed" | "declined"> = { kind: T } | { kind: OfferRefusal };

export type MarkParticipantResult =
  | { kind: "marked"; name: string | null }
  | { kind: "not-found" | "not-started" | "not-confirmed" }
  | { kind: "already-marked"; status: AttendanceMark };

/**
 * How the event's seats stand now, counted as the lists count them. Read in a statement of its
 * own, after the event's row is locked, so that it sees what the transaction before wrote.
 */
async function seatCount(db: Db, event: Pick<Event, "id" | "capacity">): Promise<SeatCount> {
  const row = await db
    .selectFrom("events as e")
    .select((eb) => seatCounts(eb))
    .where("e.id", "=", event.id)
    .executeTakeFirstOrThrow();
  return { capacity: event.capacity, taken: Number(row.taken), waiting: Number(row.waiting) };
}

/**
 * Signs a person up for a event, in one transaction that checks the person's other
 * appointments, counts the seats and inserts: a confirmed seat (with its reminder) while seats
 * are free, else a place in the waitlist. A place in the waitlist is kept free of overlaps too,
 * since it may turn into a seat. The unique index on sign-ups and the capacity triggers are the
 * last guards below this. A second sign-up for the same event finds the first ("already").
 * With `categories`, an event of another kind is not found: a button of the events list never
 * signs up for a tea-talk session, nor the other way round.
 */
export async function signUp(
  db: Db,
  request: { eventId: number; userId: number; categories?: readonly EventCategory[] },
  policy: SeatPolicy,
  now: Date,
): Promise<SignUpResult> {
  return db.transaction().execute(async (trx): Promise<SignUpResult> => {
    await lockPerson(trx, request.userId);
    const event = await trx.selectFrom("events").selectAll().where("id", "=", request.eventId).forUpdate().executeTakeFirst();
    if (!event || (request.categories && !request.categories.includes(event.category))) return { kind: "not-found" };
    const existing = await findLiveSignup(trx, event.id, request.userId);
    if (existing) {
      // findLiveSignup only finds live sign-ups.
      const status = existing.signup.status as LiveStatus;
      return { kind: "already", signupId: existing.signup.id, status, position: existing.position };
    }
    if (event.status !== "scheduled" || !signupOpen(new Date(event.starts_at), now)) return { kind: "closed" };
    // A tea-talk session is an appointment; an event (a festival all day long, say) is dropped in on.
    if (event.category === "teatalk") {
      const clash = await findClash(trx, request.userId, { start: new Date(event.starts_at), end: new Date(event.ends_at) });
      if (clash) return { kind: "overlap", clash };
    }

    const status = joinStatus(await seatCount(trx, event));
    const at = now.toISOString();
    const { id } = await trx
      .insertInto("event_signups")
      .values({ event_id: event.id, user_id: request.userId, status, offer_expires_at: null, created_at: at, updated_at: at })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (status === "confirmed") {
      await scheduleReminder(trx, { id, userId: request.userId }, event, policy, now);
      return { kind: "confirmed", signupId: id };
    }
    // Seats that were free while offers could not be made go to those ahead in line.
    await offerFreedSeats(trx, event, now);
    return { kind: "waitlisted", signupId: id, position: await waitlistPosition(trx, id) };
  });
}

/**
 * Cancels a person's own sign-up before the event starts. A seat it held is offered to the
 * first in line in the same transaction; what was waiting to be sent about it is withdrawn.
 */
export async function cancelSignup(db: Db, request: { signupId: number; userId: number }, now: Date): Promise<CancelSignupResult> {
  return transact(db, async (trx): Promise<CancelSignupResult> => {
    const found = await signupWithLockedEvent(trx, request.signupId, request.userId);
    if (!found) return { kind: "not-found" };
    const { signup, event } = found;
    if (!cancellable(signup, { status: event.status, startsAt: new Date(event.starts_at) }, now)) return { kind: "not-active" };
    await release(trx, signup, event, now);
    return { kind: "cancelled", signupId: signup.id };
  });
}

/** "I'll come" under an offer: the held seat becomes the person's, with its reminder. */
export async function acceptOffer(
  db: Db,
  request: { signupId: number; userId: number },
  policy: SeatPolicy,
  now: Date,
): Promise<OfferAnswerResult<"confirmed">> {
  return answerOffer(db, request, now, async (trx, signup, event) => {
    await setStatus(trx, signup.id, "confirmed", now);
    await cancelPendingByKeys(trx, [offerKey(event.category, signup.id)]);
    await scheduleReminder(trx, { id: signup.id, userId: request.userId }, event, policy, now);
    return "confirmed";
  });
}

/** "I can't" under an offer: the seat goes to the next in line at once. */
export async function declineOffer(
  db: Db,
  request: { signupId: number; userId: number },
  now: Date,
): Promise<OfferAnswerResult<"declined">> {
  return answerOffer(db, request, now, async (trx, signup, event) => {
    await release(trx, signup, event, now);
    return "declined";
  });
}

/**
 * The common part of answering an offer: the sign-up must be the person's, offered, and its
 * deadline not passed. An offer found lapsed here is passed on right away, as the scheduler
 * would have done.
 */
async function answerOffer<T extends "confirmed" | "declined">(
  db: Db,
  request: { signupId: number; userId: number },
  now: Date,
  onValid: (trx: Db, signup: EventSignup, event: Event) => Promise<T>,
): Promise<OfferAnswerResult<T>> {
  return db.transaction().execute(async (trx): Promise<OfferAnswerResult<T>> => {
    const found = await signupWithLockedEvent(trx, request.signupId, request.userId);
    if (!found) return { kind: "not-found" };
    const { signup, event } = found;
    const lapsed = signup.offer_expires_at !== null && offerLapsed(new Date(signup.offer_expires_at), now);
    if (signup.status === "confirmed") return { kind: "already-confirmed" };
    if (signup.status !== "offered" || event.status !== "scheduled") return { kind: lapsed ? "expired" : "not-offered" };
    if (lapsed) {
      await release(trx, signup, event, now);
      return { kind: "expired" };
    }
    return { kind: await onValid(trx, signup, event) };
  });
}

/**
 * Offers whose deadline has passed, found by the scheduler's periodic run: each is ended and its
 * seat offered to the next in line. Returns how many lapsed.
 */
export async function passLapsedOffers(db: Db, now: Date): Promise<number> {
  const lapsed = await db
    .selectFrom("event_signups")
    .select("id")
    .where("status", "=", "offered")
    .where("offer_expires_at", "<=", now.toISOString())
    .orderBy("id")
    .execute();
  let passed = 0;
  for (const { id } of lapsed) {
    passed += await db.transaction().execute(async (trx) => {
      const found = await signupWithLockedEvent(trx, id);
      // Accepted or declined since it was listed.
      if (found?.signup.status !== "offered") return 0;
      await release(trx, found.signup, found.event, now);
      return 1;
    });
  }
  return passed;
}

/** Ends a live sign-up and hands a seat it held to the next in line. */
async function release(trx: Db, signup: EventSignup, event: Event, now: Date): Promise<void> {
  await setStatus(trx, signup.id, "cancelled", now);
  await cancelPendingByKeys(trx, [reminderKey(event.category, signup.id), offerKey(event.category, signup.id)]);
  if (holdsSeat(signup.status)) await offerFreedSeats(trx, event, now);
}

/**
 * Offers each free seat to the next person in line, in sign-up order, through the outbox. Once
 * sign-up has closed no offer can be answered in time, and free seats stay free. Also called
 * when an organiser adds seats or lifts the limit, which frees seats for everyone in line.
 */
export async function offerFreedSeats(trx: Db, event: Event, now: Date): Promise<void> {
  const window = offerWindow(new Date(event.starts_at), now);
  if (!window || event.status !== "scheduled") return;
  const free = freeSeats(await seatCount(trx, event));
  if (free === 0) return;
  let line = trx
    .selectFrom("event_signups")
    .select(["id", "user_id"])
    .where("event_id", "=", event.id)
    .where("status", "=", "waitlisted")
    // Someone erased is no longer in line (their sign-ups are cancelled first); never offer to nobody.
    .where("user_id", "is not", null)
    .orderBy("id");
  // Without a seat limit everyone in line gets a seat.
  if (Number.isFinite(free)) line = line.limit(free);
  const next = await line.execute();
  for (const { id, user_id } of next) {
    await trx
      .updateTable("event_signups")
      .set({ status: "offered", offer_expires_at: window.deadline.toISOString(), updated_at: now.toISOString() })
      .where("id", "=", id)
      .execute();
    await enqueue(trx, { ...seatOffer({ id, category: event.category }, window), recipientId: user_id! }, now);
  }
}

async function scheduleReminder(
  trx: Db,
  signup: { id: number; userId: number },
  event: Pick<Event, "starts_at" | "category">,
  policy: SeatPolicy,
  now: Date,
): Promise<void> {
  const reminder = seatReminder({ id: signup.id, startsAt: new Date(event.starts_at), category: event.category }, policy.reminderMinutes, now);
  if (reminder) await enqueue(trx, { ...reminder, recipientId: signup.userId }, now);
}

async function setStatus(trx: Db, signupId: number, status: SignupStatus, now: Date): Promise<void> {
  await trx.updateTable("event_signups").set({ status, updated_at: now.toISOString() }).where("id", "=", signupId).execute();
}

/**
 * The sign-up with its event, the event's row locked first and the sign-up read after: two
 * answers about seats of one event (two cancellations, an accept and the sweep of lapsed
 * offers) count and offer one after the other, each seeing what the one before wrote. The lock
 * is PostgreSQL's row lock; an SQLite transaction holds the whole database already.
 */
async function signupWithLockedEvent(db: Db, signupId: number, userId?: number): Promise<{ signup: EventSignup; event: Event } | undefined> {
  let ref = db.selectFrom("event_signups").select("event_id").where("id", "=", signupId);
  if (userId !== undefined) ref = ref.where("user_id", "=", userId);
  const found = await ref.executeTakeFirst();
  if (!found) return undefined;
  const event = await db.selectFrom("events").selectAll().where("id", "=", found.event_id).forUpdate().executeTakeFirstOrThrow();
  const signup = await db.selectFrom("event_signups").selectAll().where("id", "=", signupId).executeTakeFirstOrThrow();
  return { signup, event };
}

// ---------------------------------------------------------------------------------------------
// Attendance

/** A participant as the organiser sees them: the sign-up and the name the person gave (null once erased). */
export interface Participant {
  signupId: number;
  status: "confirmed" | AttendanceMark;
  name: string | null;
}

/** Who holds a seat at the event or was marked already, in sign-up order. */
export async function eventParticipants(db: Db, eventId: number): Promise<Participant[]> {
  const rows = await db
    .selectFrom("event_signups as u")
    .leftJoin("users", "users.id", "u.user_id")
    .select(["u.id", "u.status", "users.name"])
    .where("u.event_id", "=", eventId)
    .where("u.status", "in", ["confirmed", "attended", "no_show"])
    .orderBy("u.id")
    .execute();
  return rows.map((r) => ({ signupId: r.id, status: r.status as Participant["status"], name: r.name }));
}

/**
 * Marks a participant attended or no-show: only by the event's organiser, only once it has started,
 * only from "confirmed". The update carries every condition, so a second press changes nothing.
 * Someone else's event is reported exactly like a missing one.
 */
export async function markParticipant(
  db: Db,
  mark: { signupId: number; hostTelegramId: number; status: AttendanceMark },
  now: Date,
): Promise<MarkParticipantResult> {
  return db.transaction().execute(async (trx): Promise<MarkParticipantResult> => {
    const row = await trx
      .selectFrom("event_signups as u")
      .innerJoin("events as e", "e.id", "u.event_id")
      .leftJoin("users", "users.id", "u.user_id")
      .select(["u.status", "e.starts_at", "users.name"])
      .where("u.id", "=", mark.signupId)
      .where("e.status", "=", "scheduled")
      .where((eb) => hostedBy(eb, mark.hostTelegramId))
      .executeTakeFirst();
    if (!row) return { kind: "not-found" };
    if (row.status === "attended" || row.status === "no_show") return { kind: "already-marked", status: row.status };
    if (row.status !== "confirmed") return { kind: "not-confirmed" };
    if (!attendanceOpen(new Date(row.starts_at), now)) return { kind: "not-started" };
    await setStatus(trx, mark.signupId, mark.status, now);
    return { kind: "marked", name: row.name };
  });
}

// ---------------------------------------------------------------------------------------------
// The person's data

/**
 * Cancels the person's sign-ups for events that have not started, as they would themselves:
 * freed seats are offered to the waitlist. Past ones stay for the figures; the link to the
 * person goes with their account row.
 */
export async function cancelUpcomingSignups(db: Db, userId: number, now: Date): Promise<void> {
  for (const signupId of await ownSignupsAhead(db, userId, now)) await cancelSignup(db, { signupId, userId }, now);
}
