import type { ExpressionBuilder } from "kysely";
import type { Appointment } from "../domain/appointments.js";
import type { AttendanceMark } from "../domain/attendance.js";
import type { DistrictCode } from "../domain/districts.js";
import type { ServiceCode } from "../domain/services.js";
import {
  attendanceOpen,
  cancellable,
  freeSeats,
  holdsSeat,
  joinStatus,
  LIVE_STATUSES,
  offerWindow,
  offerLapsed,
  SEAT_STATUSES,
  signupOpen,
  teatalkOffer,
  teatalkOfferKey,
  teatalkReminder,
  teatalkReminderKey,
  type LiveStatus,
  type SeatCount,
  type TeaTalkLevel,
  type TeaTalkSignupStatus,
} from "../domain/teatalk.js";
import { addMinutes } from "../domain/time-math.js";
import { findClash } from "./appointments.js";
import type { Db } from "./database.js";
import { cancelPendingByKeys, enqueue } from "./outbox.js";
import type { Database, Instant, TeaTalkSession, TeaTalkSignup } from "./schema.js";

/** What confirming a seat needs besides the sign-up: when its reminder goes out. */
export interface TeaTalkPolicy {
  reminderMinutes: number;
}

/** A session as the clubs list shows it: with its center, its host's name and how its seats stand. */
export interface SessionView extends TeaTalkSession {
  district: DistrictCode;
  center_name_kk: string;
  center_name_ru: string;
  /** The free-text host, or the name of the specialist who hosts. */
  host_display_name: string | null;
  /** Confirmed and offered sign-ups. */
  taken: number;
  waiting: number;
}

/** One of a person's sign-ups with its session; `position` in the waitlist when waiting. */
export interface SignupView {
  signup: TeaTalkSignup;
  session: SessionView;
  position: number | null;
}

export type SignUpResult =
  | { kind: "confirmed"; signupId: number }
  | { kind: "waitlisted"; signupId: number; position: number }
  | { kind: "already"; signupId: number; status: LiveStatus; position: number | null }
  /** The session is cancelled, over, or within the last hour before it. */
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

// ---------------------------------------------------------------------------------------------
// Reading

function sessionViews(db: Db) {
  return db
    .selectFrom("teatalk_sessions as s")
    .innerJoin("centers as c", "c.id", "s.center_id")
    .leftJoin("specialists as h", "h.id", "s.host_specialist_id")
    .selectAll("s")
    .select((eb) => {
      const signupsIn = (statuses: readonly TeaTalkSignupStatus[]) =>
        eb
          .selectFrom("teatalk_signups as n")
          .select((e) => e.fn.countAll<number>().as("n"))
          .whereRef("n.session_id", "=", "s.id")
          .where("n.status", "in", statuses);
      return [
        "c.district",
        "c.name_kk as center_name_kk",
        "c.name_ru as center_name_ru",
        eb.fn.coalesce("s.host_name", "h.display_name").as("host_display_name"),
        signupsIn(SEAT_STATUSES).as("taken"),
        signupsIn(["waitlisted"]).as("waiting"),
      ];
    });
}

/** Counts from subqueries are typed as possibly null; they never are, and callers get plain numbers. */
function normalized<T extends { taken: unknown; waiting: unknown }>(row: T): T & { taken: number; waiting: number } {
  return { ...row, taken: Number(row.taken), waiting: Number(row.waiting) };
}

/** Scheduled sessions starting within `days` after `now`, optionally in one district or of one level. */
export async function listUpcomingSessions(
  db: Db,
  filter: { district?: DistrictCode; level?: TeaTalkLevel },
  now: Date,
  days: number,
): Promise<SessionView[]> {
  let q = sessionViews(db)
    .where("s.status", "=", "scheduled")
    .where("s.starts_at", ">", now.toISOString())
    .where("s.starts_at", "<", addMinutes(now, days * 24 * 60).toISOString())
    .orderBy("s.starts_at")
    .orderBy("s.id");
  if (filter.district) q = q.where("c.district", "=", filter.district);
  if (filter.level) q = q.where("s.level", "=", filter.level);
  return (await q.execute()).map(normalized);
}

export async function findSession(db: Db, sessionId: number): Promise<SessionView | undefined> {
  const row = await sessionViews(db).where("s.id", "=", sessionId).executeTakeFirst();
  return row && normalized(row);
}

/** The person's live sign-up (confirmed, waitlisted or offered) for a session, if any. */
export async function findLiveSignup(db: Db, sessionId: number, userId: number): Promise<SignupView | undefined> {
  const signup = await db
    .selectFrom("teatalk_signups")
    .selectAll()
    .where("session_id", "=", sessionId)
    .where("user_id", "=", userId)
    .where("status", "in", LIVE_STATUSES)
    .executeTakeFirst();
  return signup && withSession(db, signup);
}

/** One of the person's sign-ups; undefined when it is someone else's or does not exist. */
export async function findOwnSignup(db: Db, userId: number, signupId: number): Promise<SignupView | undefined> {
  const signup = await db
    .selectFrom("teatalk_signups")
    .selectAll()
    .where("id", "=", signupId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return signup && withSession(db, signup);
}

/** The person's live sign-ups for sessions that have not started, soonest first. */
export async function listOwnSignups(db: Db, userId: number, now: Date): Promise<SignupView[]> {
  const signups = await db
    .selectFrom("teatalk_signups as u")
    .innerJoin("teatalk_sessions as s", "s.id", "u.session_id")
    .selectAll("u")
    .where("u.user_id", "=", userId)
    .where("u.status", "in", LIVE_STATUSES)
    .where("s.status", "=", "scheduled")
    .where("s.starts_at", ">", now.toISOString())
    .orderBy("s.starts_at")
    .orderBy("u.id")
    .execute();
  return Promise.all(signups.map((s) => withSession(db, s)));
}

async function withSession(db: Db, signup: TeaTalkSignup): Promise<SignupView> {
  const session = (await findSession(db, signup.session_id))!;
  const position = signup.status === "waitlisted" ? await waitlistPosition(db, signup) : null;
  return { signup, session, position };
}

/** 1 for the first in line: the waitlist is in sign-up order. */
async function waitlistPosition(db: Db, signup: Pick<TeaTalkSignup, "id" | "session_id">): Promise<number> {
  const row = await db
    .selectFrom("teatalk_signups")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("session_id", "=", signup.session_id)
    .where("status", "=", "waitlisted")
    .where("id", "<=", signup.id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function seatCount(db: Db, session: Pick<TeaTalkSession, "id" | "capacity">): Promise<SeatCount> {
  const rows = await db
    .selectFrom("teatalk_signups")
    .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
    .where("session_id", "=", session.id)
    .groupBy("status")
    .execute();
  const count = (statuses: readonly TeaTalkSignupStatus[]) =>
    rows.filter((r) => statuses.includes(r.status)).reduce((sum, r) => sum + Number(r.n), 0);
  return { capacity: session.capacity, taken: count(SEAT_STATUSES), waiting: count(["waitlisted"]) };
}

// ---------------------------------------------------------------------------------------------
// Signing up, cancelling, offers

/**
 * Signs a person up for a session, in one transaction that checks the person's other
 * appointments, counts the seats and inserts: a confirmed seat (with its reminder) while seats
 * are free, else a place in the waitlist. A place in the waitlist is kept free of overlaps too,
 * since it may turn into a seat. The unique index on sign-ups and the capacity triggers are the
 * last guards below this. A second sign-up for the same session finds the first ("already").
 */
export async function signUp(
  db: Db,
  request: { sessionId: number; userId: number },
  policy: TeaTalkPolicy,
  now: Date,
): Promise<SignUpResult> {
  return db.transaction().execute(async (trx): Promise<SignUpResult> => {
    const session = await trx.selectFrom("teatalk_sessions").selectAll().where("id", "=", request.sessionId).executeTakeFirst();
    if (!session) return { kind: "not-found" };
    const existing = await findLiveSignup(trx, session.id, request.userId);
    if (existing) {
      // findLiveSignup only finds live sign-ups.
      const status = existing.signup.status as LiveStatus;
      return { kind: "already", signupId: existing.signup.id, status, position: existing.position };
    }
    if (session.status !== "scheduled" || !signupOpen(new Date(session.starts_at), now)) return { kind: "closed" };
    const clash = await findClash(trx, request.userId, { start: new Date(session.starts_at), end: new Date(session.ends_at) });
    if (clash) return { kind: "overlap", clash };

    const status = joinStatus(await seatCount(trx, session));
    const at = now.toISOString();
    const { id } = await trx
      .insertInto("teatalk_signups")
      .values({ session_id: session.id, user_id: request.userId, status, offer_expires_at: null, created_at: at, updated_at: at })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (status === "confirmed") {
      await scheduleReminder(trx, { id, userId: request.userId, startsAt: session.starts_at }, policy, now);
      return { kind: "confirmed", signupId: id };
    }
    // Seats that were free while offers could not be made go to those ahead in line.
    await offerFreedSeats(trx, session, now);
    return { kind: "waitlisted", signupId: id, position: await waitlistPosition(trx, { id, session_id: session.id }) };
  });
}

/**
 * Cancels a person's own sign-up before the session starts. A seat it held is offered to the
 * first in line in the same transaction; what was waiting to be sent about it is withdrawn.
 */
export async function cancelSignup(db: Db, request: { signupId: number; userId: number }, now: Date): Promise<CancelSignupResult> {
  return db.transaction().execute(async (trx): Promise<CancelSignupResult> => {
    const found = await ownSignupWithSession(trx, request.userId, request.signupId);
    if (!found) return { kind: "not-found" };
    const { signup, session } = found;
    if (!cancellable(signup, { status: session.status, startsAt: new Date(session.starts_at) }, now)) return { kind: "not-active" };
    await release(trx, signup, session, now);
    return { kind: "cancelled", signupId: signup.id };
  });
}

/** "I'll come" under an offer: the held seat becomes the person's, with its reminder. */
export async function acceptOffer(
  db: Db,
  request: { signupId: number; userId: number },
  policy: TeaTalkPolicy,
  now: Date,
): Promise<OfferAnswerResult<"confirmed">> {
  return answerOffer(db, request, now, async (trx, signup, session) => {
    await setStatus(trx, signup.id, "confirmed", now);
    await cancelPendingByKeys(trx, [teatalkOfferKey(signup.id)]);
    await scheduleReminder(trx, { id: signup.id, userId: request.userId, startsAt: session.starts_at }, policy, now);
    return "confirmed";
  });
}

/** "I can't" under an offer: the seat goes to the next in line at once. */
export async function declineOffer(
  db: Db,
  request: { signupId: number; userId: number },
  now: Date,
): Promise<OfferAnswerResult<"declined">> {
  return answerOffer(db, request, now, async (trx, signup, session) => {
    await release(trx, signup, session, now);
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
  onValid: (trx: Db, signup: TeaTalkSignup, session: TeaTalkSession) => Promise<T>,
): Promise<OfferAnswerResult<T>> {
  return db.transaction().execute(async (trx): Promise<OfferAnswerResult<T>> => {
    const found = await ownSignupWithSession(trx, request.userId, request.signupId);
    if (!found) return { kind: "not-found" };
    const { signup, session } = found;
    const lapsed = signup.offer_expires_at !== null && offerLapsed(new Date(signup.offer_expires_at), now);
    if (signup.status === "confirmed") return { kind: "already-confirmed" };
    if (signup.status !== "offered" || session.status !== "scheduled") return { kind: lapsed ? "expired" : "not-offered" };
    if (lapsed) {
      await release(trx, signup, session, now);
      return { kind: "expired" };
    }
    return { kind: await onValid(trx, signup, session) };
  });
}

/**
 * Offers whose deadline has passed, found by the scheduler's periodic run: each is ended and its
 * seat offered to the next in line. Returns how many lapsed.
 */
export async function passLapsedOffers(db: Db, now: Date): Promise<number> {
  const lapsed = await db
    .selectFrom("teatalk_signups")
    .select("id")
    .where("status", "=", "offered")
    .where("offer_expires_at", "<=", now.toISOString())
    .orderBy("id")
    .execute();
  let passed = 0;
  for (const { id } of lapsed) {
    passed += await db.transaction().execute(async (trx) => {
      const signup = await trx.selectFrom("teatalk_signups").selectAll().where("id", "=", id).executeTakeFirst();
      // Accepted or declined since it was listed.
      if (signup?.status !== "offered") return 0;
      const session = await trx.selectFrom("teatalk_sessions").selectAll().where("id", "=", signup.session_id).executeTakeFirstOrThrow();
      await release(trx, signup, session, now);
      return 1;
    });
  }
  return passed;
}

/** Ends a live sign-up and hands a seat it held to the next in line. */
async function release(trx: Db, signup: TeaTalkSignup, session: TeaTalkSession, now: Date): Promise<void> {
  await setStatus(trx, signup.id, "cancelled", now);
  await cancelPendingByKeys(trx, [teatalkReminderKey(signup.id), teatalkOfferKey(signup.id)]);
  if (holdsSeat(signup.status)) await offerFreedSeats(trx, session, now);
}

/**
 * Offers each free seat to the next person in line, in sign-up order, through the outbox. Once
 * sign-up has closed no offer can be answered in time, and free seats stay free.
 */
async function offerFreedSeats(trx: Db, session: TeaTalkSession, now: Date): Promise<void> {
  const window = offerWindow(new Date(session.starts_at), now);
  if (!window || session.status !== "scheduled") return;
  const free = freeSeats(await seatCount(trx, session));
  if (free === 0) return;
  const next = await trx
    .selectFrom("teatalk_signups")
    .select(["id", "user_id"])
    .where("session_id", "=", session.id)
    .where("status", "=", "waitlisted")
    // Someone erased is no longer in line (their sign-ups are cancelled first); never offer to nobody.
    .where("user_id", "is not", null)
    .orderBy("id")
    .limit(free)
    .execute();
  for (const { id, user_id } of next) {
    await trx
      .updateTable("teatalk_signups")
      .set({ status: "offered", offer_expires_at: window.deadline.toISOString(), updated_at: now.toISOString() })
      .where("id", "=", id)
      .execute();
    await enqueue(trx, { ...teatalkOffer(id, window), recipientId: user_id! }, now);
  }
}

async function scheduleReminder(
  trx: Db,
  signup: { id: number; userId: number; startsAt: Instant },
  policy: TeaTalkPolicy,
  now: Date,
): Promise<void> {
  const reminder = teatalkReminder({ id: signup.id, startsAt: new Date(signup.startsAt) }, policy.reminderMinutes, now);
  if (reminder) await enqueue(trx, { ...reminder, recipientId: signup.userId }, now);
}

async function setStatus(trx: Db, signupId: number, status: TeaTalkSignupStatus, now: Date): Promise<void> {
  await trx.updateTable("teatalk_signups").set({ status, updated_at: now.toISOString() }).where("id", "=", signupId).execute();
}

async function ownSignupWithSession(
  db: Db,
  userId: number,
  signupId: number,
): Promise<{ signup: TeaTalkSignup; session: TeaTalkSession } | undefined> {
  const signup = await db
    .selectFrom("teatalk_signups")
    .selectAll()
    .where("id", "=", signupId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  if (!signup) return undefined;
  const session = await db.selectFrom("teatalk_sessions").selectAll().where("id", "=", signup.session_id).executeTakeFirstOrThrow();
  return { signup, session };
}

// ---------------------------------------------------------------------------------------------
// The host's side

/** Sessions hosted by the account: named as the host, or linked to the (active) specialist who hosts. */
function hostedBy(eb: ExpressionBuilder<Database & { s: Database["teatalk_sessions"] }, "s">, telegramId: number) {
  return eb.or([
    eb("s.host_telegram_id", "=", telegramId),
    eb(
      "s.host_specialist_id",
      "in",
      eb.selectFrom("specialists").select("id").where("telegram_id", "=", telegramId).where("active", "=", 1),
    ),
  ]);
}

/** The account's scheduled sessions starting in [from, to), in time order. */
export async function hostSessions(db: Db, telegramId: number, from: Date, to: Date): Promise<SessionView[]> {
  const rows = await sessionViews(db)
    .where((eb) => hostedBy(eb, telegramId))
    .where("s.status", "=", "scheduled")
    .where("s.starts_at", ">=", from.toISOString())
    .where("s.starts_at", "<", to.toISOString())
    .orderBy("s.starts_at")
    .orderBy("s.id")
    .execute();
  return rows.map(normalized);
}

/** Whether the account hosts a scheduled session that ends after `since`. */
export async function hostsSessionsAfter(db: Db, telegramId: number, since: Date): Promise<boolean> {
  const row = await db
    .selectFrom("teatalk_sessions as s")
    .select("s.id")
    .where((eb) => hostedBy(eb, telegramId))
    .where("s.status", "=", "scheduled")
    .where("s.ends_at", ">", since.toISOString())
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The accounts that host a scheduled session ending after `since`, named or as its specialist. */
export async function hostAccountsAfter(db: Db, since: Date): Promise<number[]> {
  const sessions = db
    .selectFrom("teatalk_sessions as s")
    .where("s.status", "=", "scheduled")
    .where("s.ends_at", ">", since.toISOString());
  const named = sessions.select("s.host_telegram_id as id").where("s.host_telegram_id", "is not", null);
  const specialists = sessions
    .innerJoin("specialists as h", "h.id", "s.host_specialist_id")
    .select("h.telegram_id as id")
    .where("h.telegram_id", "is not", null);
  const rows = await named.union(specialists).execute();
  return rows.map((r) => r.id!);
}

/** A tea-talk host known only by name at a center (a volunteer, say): whom a host's invite links. */
export interface NamedHost {
  hostName: string;
  centerId: string;
}

/** The named host's scheduled sessions that are not over at `now`. */
function namedHostSessions(db: Db, host: NamedHost, now: Date) {
  return db
    .selectFrom("teatalk_sessions")
    .where("center_id", "=", host.centerId)
    .where("host_name", "=", host.hostName)
    .where("host_specialist_id", "is", null)
    .where("status", "=", "scheduled")
    .where("ends_at", ">", now.toISOString());
}

export type HostLinking =
  | { kind: "linked" }
  /** Every one of those sessions was this account's already. */
  | { kind: "already" }
  /** Another account hosts some of them. */
  | { kind: "taken" }
  | { kind: "no-sessions" };

/**
 * Makes the account the host of the named host's sessions that are not over yet, so that /host
 * shows them at once. Sessions another account hosts stay theirs, and then nothing is linked.
 * Meant to run inside the transaction that uses up the invite, which holds the write lock.
 */
export async function linkNamedHost(trx: Db, host: NamedHost, telegramId: number, now: Date): Promise<HostLinking> {
  const holders = (await namedHostSessions(trx, host, now).select("host_telegram_id").distinct().execute()).map((r) => r.host_telegram_id);
  if (holders.length === 0) return { kind: "no-sessions" };
  if (holders.some((id) => id !== null && id !== telegramId)) return { kind: "taken" };
  if (!holders.includes(null)) return { kind: "already" };
  await trx
    .updateTable("teatalk_sessions")
    .set({ host_telegram_id: telegramId })
    .where("id", "in", namedHostSessions(trx, host, now).select("id"))
    .where("host_telegram_id", "is", null)
    .execute();
  return { kind: "linked" };
}

/** A host of sessions still ahead whom no account hosts yet, with their next such session. */
export interface HostToInvite {
  sessionId: number;
  startsAt: Instant;
  center_name_kk: string;
  center_name_ru: string;
  host: { kind: "named"; name: string } | { kind: "specialist"; specialistId: number; name: string; service: ServiceCode };
}

/**
 * Hosts to invite, soonest session first: each named host of a center once, and each active
 * specialist who hosts but has no account linked (a specialist's own invite makes them a host).
 */
export async function listHostsToInvite(db: Db, now: Date): Promise<HostToInvite[]> {
  const rows = await db
    .selectFrom("teatalk_sessions as s")
    .innerJoin("centers as c", "c.id", "s.center_id")
    .leftJoin("specialists as h", "h.id", "s.host_specialist_id")
    .select(["s.id", "s.starts_at", "s.center_id", "s.host_name", "s.host_specialist_id", "h.display_name", "h.service"])
    .select(["c.name_kk as center_name_kk", "c.name_ru as center_name_ru"])
    .where("s.status", "=", "scheduled")
    .where("s.ends_at", ">", now.toISOString())
    .where("s.host_telegram_id", "is", null)
    .where((eb) =>
      eb.or([eb("s.host_specialist_id", "is", null), eb.and([eb("h.telegram_id", "is", null), eb("h.active", "=", 1)])]),
    )
    .orderBy("s.starts_at")
    .orderBy("s.id")
    .execute();
  const hosts = new Map<string, HostToInvite>();
  for (const r of rows) {
    const host: HostToInvite["host"] =
      r.host_specialist_id === null
        ? { kind: "named", name: r.host_name! }
        : { kind: "specialist", specialistId: r.host_specialist_id, name: r.display_name!, service: r.service! };
    const key = host.kind === "named" ? `named:${JSON.stringify([r.center_id, host.name])}` : `specialist:${host.specialistId}`;
    if (hosts.has(key)) continue;
    hosts.set(key, { sessionId: r.id, startsAt: r.starts_at, center_name_kk: r.center_name_kk, center_name_ru: r.center_name_ru, host });
  }
  return [...hosts.values()];
}

/** A participant as the host sees them: the sign-up and the name the person gave (null once erased). */
export interface Participant {
  signupId: number;
  status: "confirmed" | AttendanceMark;
  name: string | null;
}

/** Who holds a seat at the session or was marked already, in sign-up order. */
export async function sessionParticipants(db: Db, sessionId: number): Promise<Participant[]> {
  const rows = await db
    .selectFrom("teatalk_signups as u")
    .leftJoin("users", "users.id", "u.user_id")
    .select(["u.id", "u.status", "users.name"])
    .where("u.session_id", "=", sessionId)
    .where("u.status", "in", ["confirmed", "attended", "no_show"])
    .orderBy("u.id")
    .execute();
  return rows.map((r) => ({ signupId: r.id, status: r.status as Participant["status"], name: r.name }));
}

/**
 * Marks a participant attended or no-show: only by the session's host, only once it has started,
 * only from "confirmed". The update carries every condition, so a second press changes nothing.
 * Someone else's session is reported exactly like a missing one.
 */
export async function markParticipant(
  db: Db,
  mark: { signupId: number; hostTelegramId: number; status: AttendanceMark },
  now: Date,
): Promise<MarkParticipantResult> {
  return db.transaction().execute(async (trx): Promise<MarkParticipantResult> => {
    const row = await trx
      .selectFrom("teatalk_signups as u")
      .innerJoin("teatalk_sessions as s", "s.id", "u.session_id")
      .leftJoin("users", "users.id", "u.user_id")
      .select(["u.status", "s.starts_at", "users.name"])
      .where("u.id", "=", mark.signupId)
      .where("s.status", "=", "scheduled")
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

/** The person's sign-ups with what they were for, for /mydata. */
export async function exportSignups(db: Db, userId: number) {
  return db
    .selectFrom("teatalk_signups as u")
    .innerJoin("teatalk_sessions as s", "s.id", "u.session_id")
    .select(["u.id", "u.session_id", "s.center_id", "s.starts_at", "s.level", "s.topic_ru", "u.status", "u.offer_expires_at", "u.created_at"])
    .where("u.user_id", "=", userId)
    .orderBy("s.starts_at")
    .orderBy("u.id")
    .execute();
}

/** Every sign-up the person has, with its session, in time order, for /mydata. */
export async function listEveryOwnSignup(db: Db, userId: number): Promise<SignupView[]> {
  const signups = await db
    .selectFrom("teatalk_signups as u")
    .innerJoin("teatalk_sessions as s", "s.id", "u.session_id")
    .selectAll("u")
    .where("u.user_id", "=", userId)
    .orderBy("s.starts_at")
    .orderBy("u.id")
    .execute();
  return Promise.all(signups.map((s) => withSession(db, s)));
}

/**
 * Cancels the person's sign-ups for sessions that have not started, as they would themselves:
 * freed seats are offered to the waitlist. Past ones stay for the figures; the link to the
 * person goes with their account row.
 */
export async function cancelUpcomingSignups(db: Db, userId: number, now: Date): Promise<void> {
  for (const { signup } of await listOwnSignups(db, userId, now)) await cancelSignup(db, { signupId: signup.id, userId }, now);
}
