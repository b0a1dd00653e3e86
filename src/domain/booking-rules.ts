/**
 * The rules of booking a consultation that do not depend on where data is stored: which slots
 * are open, which specialist takes a time several could take, and who may book at all.
 */

import { BOOKING_WINDOW_DAYS, MIN_NOTICE_MINUTES, SERVICES, type BookingMode, type ServiceCode } from "./services.js";
import { freeSlots, nearestSlots, slotDays, type DateOverride, type Interval, type Slot, type WeeklyHours } from "./slots.js";
import { localDateOf, type LocalDate } from "./time.js";

/** One specialist's working hours and what already fills them. */
export interface SpecialistAgenda {
  specialistId: number;
  slotMinutes: number;
  weekly: WeeklyHours[];
  overrides: DateOverride[];
  /** Live bookings and blocked times. */
  busy: Interval[];
  /** Start of each live booking: how loaded each day already is. */
  bookedStarts: Date[];
}

/** A time offered to the person, and the specialist who would take it. */
export interface Offer {
  specialistId: number;
  slot: Slot;
}

/** The specialist's free slots that may be booked at `now`: within the window, with enough notice. */
export function openSlots(agenda: SpecialistAgenda, now: Date): Slot[] {
  return freeSlots({
    weekly: agenda.weekly,
    overrides: agenda.overrides,
    slotMinutes: agenda.slotMinutes,
    now,
    days: BOOKING_WINDOW_DAYS,
    minNoticeMinutes: MIN_NOTICE_MINUTES,
    busy: agenda.busy,
  });
}

/**
 * Who takes a time that several specialists have free: the one asked for by name (rescheduling
 * keeps the same person when possible), else the one with the fewest bookings that day, then
 * the lowest id, so that the same situation always gives the same answer.
 */
export function pickSpecialist(
  candidates: readonly { specialistId: number; bookingsThatDay: number }[],
  preferredId?: number,
): number | undefined {
  if (preferredId !== undefined && candidates.some((c) => c.specialistId === preferredId)) return preferredId;
  const [best] = [...candidates].sort((a, b) => a.bookingsThatDay - b.bookingsThatDay || a.specialistId - b.specialistId);
  return best?.specialistId;
}

/** Every open time across the agendas, one offer per start instant, in time order. */
export function offers(agendas: readonly SpecialistAgenda[], now: Date, preferredId?: number): Offer[] {
  const byStart = new Map<number, (Offer & { bookingsThatDay: number })[]>();
  for (const agenda of agendas) {
    const load = new Map<LocalDate, number>();
    for (const start of agenda.bookedStarts) {
      const date = localDateOf(start);
      load.set(date, (load.get(date) ?? 0) + 1);
    }
    for (const slot of openSlots(agenda, now)) {
      const bookingsThatDay = load.get(slot.date) ?? 0;
      const key = slot.start.getTime();
      byStart.set(key, [...(byStart.get(key) ?? []), { specialistId: agenda.specialistId, slot, bookingsThatDay }]);
    }
  }
  return [...byStart.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, candidates]) => {
      const chosen = pickSpecialist(candidates, preferredId);
      // Slot lengths differ between specialists, so the offer carries the chosen one's own slot.
      const { specialistId, slot } = candidates.find((c) => c.specialistId === chosen)!;
      return { specialistId, slot };
    });
}

/** Days that have at least one open time, in order. */
export function openDays(agendas: readonly SpecialistAgenda[], now: Date): LocalDate[] {
  return slotDays(offers(agendas, now).map((o) => o.slot));
}

/** The open times of one day. */
export function offersOn(agendas: readonly SpecialistAgenda[], date: LocalDate, now: Date, preferredId?: number): Offer[] {
  return offers(agendas, now, preferredId).filter((o) => o.slot.date === date);
}

/** The `count` open times nearest to `target`: offered when the time a person picked was taken. */
export function nearestOffers(
  agendas: readonly SpecialistAgenda[],
  target: Date,
  now: Date,
  count: number,
  preferredId?: number,
): Offer[] {
  const all = offers(agendas, now, preferredId);
  const nearest = new Set(nearestSlots(all.map((o) => o.slot), target, count));
  return all.filter((o) => nearest.has(o.slot));
}

/** How a consultation can take place: online only where both the service and the specialist offer it. */
export function bookingModes(service: ServiceCode, specialistOnline: boolean): BookingMode[] {
  return SERVICES[service].online && specialistOnline ? ["in_person", "online"] : ["in_person"];
}

/** The mode a booking keeps when it moves to another specialist: online only if they offer it. */
export function keepMode(mode: BookingMode, service: ServiceCode, specialistOnline: boolean): BookingMode {
  return bookingModes(service, specialistOnline).includes(mode) ? mode : "in_person";
}

export interface LimitRules {
  maxUpcomingPerService: number;
  noShowLimit: number;
  noShowWindowDays: number;
}

/** Why a person may not book right now. */
export type LimitBreach = "no-shows" | "per-service";

/** From when missed consultations count against the person. */
export function noShowWindowStart(now: Date, rules: Pick<LimitRules, "noShowWindowDays">): Date {
  return new Date(now.getTime() - rules.noShowWindowDays * 86_400_000);
}

/** Too many missed consultations lately: booking pauses until older ones leave the window. */
export function tooManyNoShows(recentNoShows: number, rules: Pick<LimitRules, "noShowLimit">): boolean {
  return recentNoShows >= rules.noShowLimit;
}

/** Already holding as many upcoming consultations of this service as one may. */
export function serviceLimitReached(upcomingForService: number, rules: Pick<LimitRules, "maxUpcomingPerService">): boolean {
  return upcomingForService >= rules.maxUpcomingPerService;
}

/** The first limit a new booking would break, or null. */
export function limitBreach(history: { recentNoShows: number; upcomingForService: number }, rules: LimitRules): LimitBreach | null {
  if (tooManyNoShows(history.recentNoShows, rules)) return "no-shows";
  if (serviceLimitReached(history.upcomingForService, rules)) return "per-service";
  return null;
}
