/**
 * Events and festivals of the centers and the city. Tea-talk sessions are events too, of their
 * own category, and share their seats, waitlist and offers (see seats.ts).
 */

import type { EventStatus } from "./seats.js";
import { addDays, localDateOf, localWeekday, toInstant } from "./time.js";

export const EVENT_CATEGORIES = ["festival", "concert", "sport", "education", "volunteering", "teatalk"] as const;
export type EventCategory = (typeof EVENT_CATEGORIES)[number];

/** The categories the events list offers: tea talk has its own list, with levels. */
export const LISTED_CATEGORIES = EVENT_CATEGORIES.filter((c) => c !== "teatalk");
export type ListedCategory = Exclude<EventCategory, "teatalk">;

export type LinkedEventState = "open" | "cancelled" | "over";

/**
 * Where a link to an event leads: its card while it is ahead or under way; a poster can
 * outlive it, and one called off or over is said to be so instead.
 */
export function linkedEventState(event: { status: EventStatus; endsAt: Date }, now: Date): LinkedEventState {
  if (event.status === "cancelled") return "cancelled";
  return event.endsAt <= now ? "over" : "open";
}

/** How far ahead the list looks when no day is chosen, and the days a person may choose among. */
export const EVENTS_LIST_DAYS = 30;

/** A day filter: today, tomorrow, the coming weekend, or the next `EVENTS_LIST_DAYS` days. */
export const EVENT_PERIODS = ["all", "today", "tomorrow", "weekend"] as const;
export type EventPeriod = (typeof EVENT_PERIODS)[number];

/**
 * The span of starts a day filter lists, from `now`: the rest of today, tomorrow, the weekend
 * coming (or under way), or the next `EVENTS_LIST_DAYS` days. Days are Almaty's.
 */
export function periodSpan(period: EventPeriod, now: Date): { from: Date; to: Date } {
  const today = localDateOf(now);
  const dayStart = (n: number) => toInstant(addDays(today, n), "00:00");
  switch (period) {
    case "today":
      return { from: now, to: dayStart(1) };
    case "tomorrow":
      return { from: dayStart(1), to: dayStart(2) };
    case "weekend": {
      const weekday = localWeekday(today);
      const saturday = weekday <= 6 ? 6 - weekday : -1;
      const from = dayStart(saturday);
      return { from: from > now ? from : now, to: dayStart(saturday + 2) };
    }
    default:
      return { from: now, to: dayStart(EVENTS_LIST_DAYS + 1) };
  }
}
