import { addMinutes } from "./time-math.js";

/**
 * Kinds of message the bot sends on its own. Each is a row in the one outbox; its payload is
 * JSON and its text is rendered in the recipient's language when it is sent.
 */
export type NoticeKind =
  | "booking_reminder" // to the person, before a consultation; payload { bookingId, offsetMinutes }
  | "booking_feedback" // to the person, after a consultation; payload { bookingId }
  | "booking_cancelled_by_staff" // to the person, with the offer of another time; payload { bookingId }
  | "booking_calendar_cancelled" // to the person, the file that takes the event out of their calendar; payload { bookingId }
  | "staff_booking_new" // to the specialist; payload { bookingId }
  | "staff_booking_cancelled" // to the specialist; payload { bookingId }
  | "practice_nudge" // daily Kazakh practice, opt-in; payload { date }
  | "team_request" // to a team's coordinator, a person asks to join; payload { requestId }
  | "team_answer" // to the person, the coordinator accepted or declined; payload { requestId }
  | "team_closed" // to each member and each person waiting for an answer, the team was wound up; payload { membershipId }
  | "role_revoked" // to someone whose role an administrator ended; payload { role, label_kk, label_ru }
  | "teatalk_offer" // a freed tea-talk seat, to the first in line; payload { signupId }
  | "teatalk_reminder" // before a tea-talk session; payload { signupId }
  | "event_offer" // a freed seat at an event, to the first in line; payload { signupId }
  | "event_reminder" // before an event; payload { signupId }
  | "event_changed" // an event's or tea-talk session's time or place changed, to each signed up; payload { signupId }
  | "event_cancelled" // an event or tea-talk session called off, to each signed up; payload { signupId }
  | "broadcast" // a broadcast to one of its recipients; payload { broadcastId }
  | "weekly_report"; // to a city administrator, Monday morning's figures; payload { week }

/**
 * Reminders this close to a consultation go out even in the quiet hours: waiting for the morning
 * would make them late. Earlier ones (the day before) wait for 09:00 like any other message.
 */
export const URGENT_REMINDER_MAX_OFFSET_MINUTES = 180;

/** How long after a consultation ends its feedback request goes out, and how long it stays useful. */
export const FEEDBACK_DELAY_MINUTES = 30;
export const FEEDBACK_VALID_DAYS = 3;

export interface PlannedNotice {
  kind: NoticeKind;
  dueAt: Date;
  expiresAt: Date | null;
  payload: Record<string, unknown>;
  dedupeKey: string;
  essential: boolean;
  urgent: boolean;
}

/**
 * The messages a new booking schedules for its person: a reminder at each offset before the
 * start (none whose time has already passed) and one feedback request after the end.
 * A reminder expires when the consultation starts: late is worse than never.
 */
export function bookingNotices(
  booking: { id: number; startsAt: Date; endsAt: Date },
  reminderOffsetsMinutes: readonly number[],
  now: Date,
): PlannedNotice[] {
  const notices: PlannedNotice[] = [];
  for (const offset of reminderOffsetsMinutes) {
    const dueAt = addMinutes(booking.startsAt, -offset);
    if (dueAt <= now) continue;
    notices.push({
      kind: "booking_reminder",
      dueAt,
      expiresAt: booking.startsAt,
      payload: { bookingId: booking.id, offsetMinutes: offset },
      dedupeKey: `booking_reminder:${booking.id}:${offset}`,
      essential: true,
      urgent: offset <= URGENT_REMINDER_MAX_OFFSET_MINUTES,
    });
  }
  const feedbackAt = addMinutes(booking.endsAt, FEEDBACK_DELAY_MINUTES);
  notices.push({
    kind: "booking_feedback",
    dueAt: feedbackAt,
    expiresAt: addMinutes(feedbackAt, FEEDBACK_VALID_DAYS * 24 * 60),
    payload: { bookingId: booking.id },
    dedupeKey: `booking_feedback:${booking.id}`,
    essential: false,
    urgent: false,
  });
  return notices;
}

/**
 * Tells a person that their specialist cancelled their consultation, then sends the calendar file
 * that takes it out of their calendar, as their own cancellation does. Urgent and essential: it
 * may be hours away, and they must not come for nothing; until the start it is still worth
 * saying. Both are due at once; the outbox sends rows due together in the order they were queued.
 */
export function staffCancellationNotices(booking: { id: number; startsAt: Date }, now: Date): PlannedNotice[] {
  return (["booking_cancelled_by_staff", "booking_calendar_cancelled"] as const).map((kind) => ({
    kind,
    dueAt: now,
    expiresAt: booking.startsAt,
    payload: { bookingId: booking.id },
    dedupeKey: `${kind}:${booking.id}`,
    essential: true,
    urgent: true,
  }));
}
