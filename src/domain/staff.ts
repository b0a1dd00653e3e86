/**
 * Rules of the specialists' side of consultations: invite links (for specialists, tea-talk
 * hosts and card partners), the agenda window, and which times a specialist may block.
 */

import type { Slot } from "./slots.js";
import { addDays, isLocalTime, localDateOf, localTimeOf, toInstant, type LocalDate, type LocalTime } from "./time.js";

/** How long an invite link stays usable after an administrator creates it. */
export const INVITE_TTL_HOURS = 72;

/**
 * Whom an invite link is for: a specialist, a tea-talk host who is not one, a discount-card
 * partner, an NGO team's coordinator, or a center's administrator.
 */
export type InviteKind = "specialist" | "host" | "partner" | "coordinator" | "center-admin";

/** Deep-link payloads of invites are `<prefix><token>`; Telegram allows 64 characters of [A-Za-z0-9_-]. */
const START_PREFIXES: Record<InviteKind, string> = {
  specialist: "staff_",
  host: "host_",
  partner: "partner_",
  coordinator: "coord_",
  "center-admin": "cadm_",
};
const START_PAYLOAD_MAX = 64;
const TOKEN_RE = /^[A-Za-z0-9_-]+$/;

/** Random bytes behind a token: 24 bytes are 32 URL-safe characters, far beyond guessing. */
export const INVITE_TOKEN_BYTES = 24;

export function inviteStartPayload(kind: InviteKind, token: string): string {
  return START_PREFIXES[kind] + token;
}

/**
 * What a /start payload says about an invite: null when it is not meant as one at all, a null
 * token when it is meant as one but malformed.
 */
export function inviteOfStartPayload(payload: string): { kind: InviteKind; token: string | null } | null {
  const kind = (Object.keys(START_PREFIXES) as InviteKind[]).find((k) => payload.startsWith(START_PREFIXES[k]));
  if (kind === undefined) return null;
  const token = payload.slice(START_PREFIXES[kind].length);
  return { kind, token: payload.length <= START_PAYLOAD_MAX && TOKEN_RE.test(token) ? token : null };
}

/** The agenda "today" and "week" show: whole Almaty days from today. */
export const AGENDA_WEEK_DAYS = 7;

/** How far back a consultation still waits for its "attended" / "no-show" mark. */
export const MARK_LOOKBACK_DAYS = 7;

/**
 * How long a specialist may still change or undo an attendance mark: until the end of the Almaty
 * day of the mark or 24 hours after it, whichever is later. An Almaty day ends less than 24 hours
 * after any moment in it, so that is always 24 hours after the mark.
 */
export const MARK_CORRECTION_HOURS = 24;

/** The moment a mark made at `markedAt` becomes final: no longer correctable, and counted. */
export function markFinalAt(markedAt: Date): Date {
  return new Date(markedAt.getTime() + MARK_CORRECTION_HOURS * 3_600_000);
}

/** Marks made after this instant can still be corrected at `now`. */
export function correctableMarksSince(now: Date): Date {
  return new Date(now.getTime() - MARK_CORRECTION_HOURS * 3_600_000);
}

/** UTC instants bounding `days` whole Almaty days starting with the day of `now`. */
export function agendaWindow(now: Date, days: number): { from: Date; to: Date; dates: LocalDate[] } {
  const today = localDateOf(now);
  const dates = Array.from({ length: days }, (_, i) => addDays(today, i));
  return { from: toInstant(today, "00:00"), to: toInstant(addDays(today, days), "00:00"), dates };
}

/** Blocked times are offered in steps of this length, within the next `BLOCK_WINDOW_DAYS` days. */
export const BLOCK_STEP_MINUTES = 30;
export const BLOCK_WINDOW_DAYS = 14;

/**
 * A clock time as a specialist types it: "9:00", "09:00", "9.30" or "09 30"; null if it is not
 * a time of day.
 */
export function parseClockTime(text: string): LocalTime | null {
  const m = /^\s*(\d{1,2})\s*[:.\s]\s*(\d{2})\s*$/.exec(text);
  if (!m) return null;
  const time = `${m[1]!.padStart(2, "0")}:${m[2]}`;
  return isLocalTime(time) ? time : null;
}

/**
 * The step grid of working hours as slots of `BLOCK_STEP_MINUTES` (from `freeSlots` with nothing
 * busy) gives the buttons: a block may start at any step on `date` …
 */
export function blockStartOptions(grid: Slot[], date: LocalDate): LocalTime[] {
  return grid.filter((s) => s.date === date).map((s) => s.time);
}

/** … and end at the end of any later step on that date, breaks included (one block may span lunch). */
export function blockEndOptions(grid: Slot[], date: LocalDate, start: LocalTime): LocalTime[] {
  const startsAt = toInstant(date, start).getTime();
  return grid
    .filter((s) => s.date === date && s.end.getTime() > startsAt)
    // A step ending at midnight belongs to the next date: it cannot be a time of `date`.
    .filter((s) => localDateOf(s.end) === date)
    .map((s) => localTimeOf(s.end));
}

/**
 * Whether a block from `start` to `end` on `date` can be stored: a real interval that is not
 * over yet (its start may already have passed: "from now until 18:00").
 */
export function isValidBlock(date: LocalDate, start: LocalTime, end: LocalTime, now: Date): boolean {
  const from = toInstant(date, start);
  const to = toInstant(date, end);
  return to > from && to > now;
}

/** What the end of a block must be later than, for saying so: its start, or now if that is later today. */
export function blockEndAfter(date: LocalDate, start: LocalTime, now: Date): LocalTime {
  const current = localTimeOf(now);
  return date === localDateOf(now) && current > start ? current : start;
}
