/**
 * The seat rules of every event, tea-talk sessions included: a number of seats (or none to count)
 * and a waitlist. A freed seat is offered to the first in line, who has a while to take it before
 * it passes on.
 */

import type { NoticeKind, PlannedNotice } from "./notices.js";
import { nextAllowedTime } from "./quiet-hours.js";
import { addMinutes } from "./time-math.js";
import type { EventCategory } from "./events.js";

export type EventStatus = "scheduled" | "cancelled";

export type SignupStatus = "confirmed" | "waitlisted" | "offered" | "cancelled" | "attended" | "no_show";

/** Sign-ups that hold a seat: an offered seat is kept for its person until the offer ends. */
export const SEAT_STATUSES = ["confirmed", "offered"] as const satisfies readonly SignupStatus[];

/** Sign-ups still in play before the event; a person has at most one per event. */
export const LIVE_STATUSES = ["confirmed", "waitlisted", "offered"] as const satisfies readonly SignupStatus[];
export type LiveStatus = (typeof LIVE_STATUSES)[number];

function isLive(status: SignupStatus): boolean {
  return (LIVE_STATUSES as readonly string[]).includes(status);
}

export function holdsSeat(status: SignupStatus): boolean {
  return (SEAT_STATUSES as readonly string[]).includes(status);
}

/** Whether a sign-up can still be cancelled: it is live, and its event is on and still ahead. */
export function cancellable(
  signup: { status: SignupStatus },
  event: { status: EventStatus; startsAt: Date },
  now: Date,
): boolean {
  return isLive(signup.status) && event.status === "scheduled" && event.startsAt > now;
}

/** How long a freed seat waits for the person it is offered to. */
export const OFFER_HOLD_MINUTES = 120;

/**
 * Sign-up closes this long before an event, and no offer runs past that point: the organiser knows
 * who comes, and nobody is asked to decide on the way to the center.
 */
export const SIGNUP_CLOSES_MINUTES_BEFORE = 60;

/** Whether an event still takes sign-ups at `now`. */
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
 * only an event too early for that is offered at once. Null when sign-up has closed: then the
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

/** How an event's seats stand. */
export interface SeatCount {
  /** Null: no limit. */
  capacity: number | null;
  /** Confirmed and offered sign-ups. */
  taken: number;
  /** Sign-ups waiting in line. */
  waiting: number;
}

/** Infinity where there is no limit. */
export function freeSeats(seats: Pick<SeatCount, "capacity" | "taken">): number {
  return seats.capacity === null ? Infinity : Math.max(0, seats.capacity - seats.taken);
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

/** Whether the organiser may mark attendance: once the event has started. */
export function attendanceOpen(startsAt: Date, now: Date): boolean {
  return now >= startsAt;
}

/** The outbox kinds of an event's notices: tea talk keeps its own, which its messages are written for. */
function noticeKinds(category: EventCategory): { reminder: NoticeKind; offer: NoticeKind } {
  return category === "teatalk"
    ? { reminder: "teatalk_reminder", offer: "teatalk_offer" }
    : { reminder: "event_reminder", offer: "event_offer" };
}

/**
 * The reminder a confirmed sign-up gets, `minutesBefore` the event; none when that time has
 * already passed. It expires at the start: late is worse than never.
 */
export function seatReminder(
  signup: { id: number; startsAt: Date; category: EventCategory },
  minutesBefore: number,
  now: Date,
): PlannedNotice | null {
  const dueAt = addMinutes(signup.startsAt, -minutesBefore);
  if (dueAt <= now) return null;
  return {
    kind: noticeKinds(signup.category).reminder,
    dueAt,
    expiresAt: signup.startsAt,
    payload: { signupId: signup.id },
    dedupeKey: reminderKey(signup.category, signup.id),
    essential: true,
    // A reminder hours ahead can wait for the morning; if that is too late it expires.
    urgent: false,
  };
}

/** The offer of a freed seat, useless after its deadline; one sent at night is urgent by nature. */
export function seatOffer(signup: { id: number; category: EventCategory }, window: OfferWindow): PlannedNotice {
  return {
    kind: noticeKinds(signup.category).offer,
    dueAt: window.sendAt,
    expiresAt: window.deadline,
    payload: { signupId: signup.id },
    dedupeKey: offerKey(signup.category, signup.id),
    essential: true,
    urgent: true,
  };
}

/**
 * What an organiser's change or cancellation tells a person signed up: at once, even at night
 * (they may be on their way), and useless once the event has started. A sign-up hears of its
 * event's cancellation once; of each change once, `changedAt` telling the changes apart.
 */
export function organiserNotice(
  signup: { id: number; startsAt: Date },
  change: { kind: "cancelled" } | { kind: "changed"; changedAt: Date },
  now: Date,
): PlannedNotice {
  const kind = change.kind === "cancelled" ? "event_cancelled" : "event_changed";
  return {
    kind,
    dueAt: now,
    expiresAt: signup.startsAt,
    payload: { signupId: signup.id },
    dedupeKey: change.kind === "cancelled" ? `${kind}:${signup.id}` : `${kind}:${signup.id}:${change.changedAt.toISOString()}`,
    essential: true,
    urgent: true,
  };
}

/** Each sign-up has at most one reminder and one offer; their dedupe keys name them. */
export function reminderKey(category: EventCategory, signupId: number): string {
  return `${noticeKinds(category).reminder}:${signupId}`;
}

export function offerKey(category: EventCategory, signupId: number): string {
  return `${noticeKinds(category).offer}:${signupId}`;
}
