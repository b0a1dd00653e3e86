/**
 * The rules of tea-talk clubs: Kazakh conversation sessions in the centers with a limited number
 * of seats and a waitlist. A freed seat is offered to the first in line, who has a while to take
 * it before it passes on.
 */

import type { PlannedNotice } from "./notices.js";
import { nextAllowedTime } from "./quiet-hours.js";
import { addMinutes } from "./time-math.js";

export const TEATALK_LEVELS = ["beginner", "intermediate", "advanced"] as const;
export type TeaTalkLevel = (typeof TEATALK_LEVELS)[number];

export type TeaTalkSessionStatus = "scheduled" | "cancelled";

export type TeaTalkSignupStatus = "confirmed" | "waitlisted" | "offered" | "cancelled" | "attended" | "no_show";

/** Sign-ups that hold a seat: an offered seat is kept for its person until the offer ends. */
export const SEAT_STATUSES = ["confirmed", "offered"] as const satisfies readonly TeaTalkSignupStatus[];

/** Sign-ups still in play before the session; a person has at most one per session. */
export const LIVE_STATUSES = ["confirmed", "waitlisted", "offered"] as const satisfies readonly TeaTalkSignupStatus[];
export type LiveStatus = (typeof LIVE_STATUSES)[number];

function isLive(status: TeaTalkSignupStatus): boolean {
  return (LIVE_STATUSES as readonly string[]).includes(status);
}

export function holdsSeat(status: TeaTalkSignupStatus): boolean {
  return (SEAT_STATUSES as readonly string[]).includes(status);
}

/** Whether a sign-up can still be cancelled: it is live, and its session is on and still ahead. */
export function cancellable(
  signup: { status: TeaTalkSignupStatus },
  session: { status: TeaTalkSessionStatus; startsAt: Date },
  now: Date,
): boolean {
  return isLive(signup.status) && session.status === "scheduled" && session.startsAt > now;
}

/** How far ahead the clubs list looks. */
export const TEATALK_LIST_DAYS = 14;

/** How long a freed seat waits for the person it is offered to. */
export const OFFER_HOLD_MINUTES = 120;

/**
 * Sign-up closes this long before a session, and no offer runs past that point: the host knows
 * who comes, and nobody is asked to decide on the way to the center.
 */
export const SIGNUP_CLOSES_MINUTES_BEFORE = 60;

/** Whether a session still takes sign-ups at `now`. */
export function signupOpen(startsAt: Date, now: Date): boolean {
  return now < addMinutes(startsAt, -SIGNUP_CLOSES_MINUTES_BEFORE);
}

/** When a freed seat is offered and until when it is held for the person. */
export interface OfferWindow {
  sendAt: Date;
  deadline: Date;
}

/**
 * The offer of a seat freed at `now`: held for `OFFER_HOLD_MINUTES`, but never past the close of
 * sign-up. At night the offer waits for the morning, so that nobody loses a seat while asleep;
 * only a session too early for that is offered at once. Null when sign-up has closed: then the
 * seat is not offered at all.
 */
export function offerWindow(startsAt: Date, now: Date): OfferWindow | null {
  const close = addMinutes(startsAt, -SIGNUP_CLOSES_MINUTES_BEFORE);
  if (close <= now) return null;
  const morning = nextAllowedTime(now);
  const sendAt = morning < close ? morning : now;
  const hold = addMinutes(sendAt, OFFER_HOLD_MINUTES);
  return { sendAt, deadline: hold < close ? hold : close };
}

/** Whether an offer with this deadline can no longer be accepted. */
export function offerLapsed(expiresAt: Date, now: Date): boolean {
  return expiresAt <= now;
}

/** How a session's seats stand. */
export interface SeatCount {
  capacity: number;
  /** Confirmed and offered sign-ups. */
  taken: number;
  /** Sign-ups waiting in line. */
  waiting: number;
}

export function freeSeats(seats: Pick<SeatCount, "capacity" | "taken">): number {
  return Math.max(0, seats.capacity - seats.taken);
}

/**
 * Seats a newcomer could take: free seats not owed to the people already in line (a seat freed
 * while no offer could be made waits for them, not for newcomers).
 */
export function openSeats(seats: SeatCount): number {
  return Math.max(0, freeSeats(seats) - seats.waiting);
}

/** Where a new sign-up goes: an open seat if there is one, else the end of the waitlist. */
export function joinStatus(seats: SeatCount): "confirmed" | "waitlisted" {
  return openSeats(seats) > 0 ? "confirmed" : "waitlisted";
}

/** Whether the host may mark attendance: once the session has started. */
export function attendanceOpen(startsAt: Date, now: Date): boolean {
  return now >= startsAt;
}

/**
 * The reminder a confirmed sign-up gets, `minutesBefore` the session; none when that time has
 * already passed. It expires at the start: late is worse than never.
 */
export function teatalkReminder(signup: { id: number; startsAt: Date }, minutesBefore: number, now: Date): PlannedNotice | null {
  const dueAt = addMinutes(signup.startsAt, -minutesBefore);
  if (dueAt <= now) return null;
  return {
    kind: "teatalk_reminder",
    dueAt,
    expiresAt: signup.startsAt,
    payload: { signupId: signup.id },
    dedupeKey: teatalkReminderKey(signup.id),
    essential: true,
    // A reminder hours ahead can wait for the morning; if that is too late it expires.
    urgent: false,
  };
}

/** The offer of a freed seat, useless after its deadline; one sent at night is urgent by nature. */
export function teatalkOffer(signupId: number, window: OfferWindow): PlannedNotice {
  return {
    kind: "teatalk_offer",
    dueAt: window.sendAt,
    expiresAt: window.deadline,
    payload: { signupId },
    dedupeKey: teatalkOfferKey(signupId),
    essential: true,
    urgent: true,
  };
}

/** Each sign-up has at most one reminder and one offer; their dedupe keys name them. */
export function teatalkReminderKey(signupId: number): string {
  return `teatalk_reminder:${signupId}`;
}

export function teatalkOfferKey(signupId: number): string {
  return `teatalk_offer:${signupId}`;
}
