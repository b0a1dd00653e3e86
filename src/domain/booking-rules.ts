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
  /** Where the specialist works: a time is offered once per center. */
  centerId: string;
  slotMinutes: number;
  weekly: WeeklyHours[];
  overrides: DateOverride[];
  /** Live bookings and blocked times. */
  busy: Interval[];
  /** Start of each live booking: how loaded each day already is. */
  bookedStarts: Date[];
}

/** A time offered to the person, and the specialist (and so the center) who would take it. */
export interface Offer {
  specialistId: number;
  centerId: string;
  slot: Slot;
  /** The chosen specialist's live bookings that day: how busy the time's center already is. */
  bookingsThatDay: number;
}

/**
 * The specialist's free slots that may be booked at `now`: within the window, with enough
 * notice; only those of the date `only`, when given.
 */
export function openSlots(agenda: SpecialistAgenda, now: Date, only?: LocalDate): Slot[] {
  return freeSlots({
    weekly: agenda.weekly,
    overrides: agenda.overrides,
    slotMinutes: agenda.slotMinutes,
    now,
    days: BOOKING_WINDOW_DAYS,
    minNoticeMinutes: MIN_NOTICE_MINUTES,
    busy: agenda.busy,
    only,
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

/**
 * Every open time across the agendas, one offer per start instant and center, in time order
 * (then by center), on the date `only` when given. Where several specialists of one center are
 * free at the same time, `pickSpecialist` decides who takes it.
 */
export function offers(agendas: readonly SpecialistAgenda[], now: Date, preferredId?: number, only?: LocalDate): Offer[] {
  const byStartAndCenter = new Map<string, Offer[]>();
  for (const agenda of agendas) {
    const load = new Map<LocalDate, number>();
    for (const start of agenda.bookedStarts) {
      const date = localDateOf(start);
      load.set(date, (load.get(date) ?? 0) + 1);
    }
    for (const slot of openSlots(agenda, now, only)) {
      const offer = { specialistId: agenda.specialistId, centerId: agenda.centerId, slot, bookingsThatDay: load.get(slot.date) ?? 0 };
      const key = `${slot.start.toISOString()} ${agenda.centerId}`;
      byStartAndCenter.set(key, [...(byStartAndCenter.get(key) ?? []), offer]);
    }
  }
  return [...byStartAndCenter.values()]
    .map((candidates) => {
      const chosen = pickSpecialist(candidates, preferredId);
      // Slot lengths differ between specialists, so the offer carries the chosen one's own slot.
      return candidates.find((c) => c.specialistId === chosen)!;
    })
    .sort((a, b) => a.slot.start.getTime() - b.slot.start.getTime() || compareText(a.centerId, b.centerId));
}

/**
 * The offers of one screen when there are more than `max`: every start time gets one center
 * before any time gets a second, and each pick goes to the center shown least so far (then the
 * least busy that day, then by id), so that the choices spread over all centers rather than
 * piling up at one. When there are more start times than `max`, the times kept are spread over
 * the day. In time order, like `offers`.
 */
export function spreadOffers(list: readonly Offer[], max: number): Offer[] {
  if (list.length <= max) return [...list];
  const byStart = new Map<number, Offer[]>();
  for (const offer of list) {
    const key = offer.slot.start.getTime();
    byStart.set(key, [...(byStart.get(key) ?? []), offer]);
  }
  const starts = [...byStart.keys()].sort((a, b) => a - b);
  const kept = starts.length <= max ? starts : Array.from({ length: max }, (_, i) => starts[Math.floor((i * starts.length) / max)]!);
  const shown = new Map<string, number>();
  const timesShown = (offer: Offer) => shown.get(offer.centerId) ?? 0;
  const chosen: Offer[] = [];
  while (chosen.length < max) {
    const before = chosen.length;
    for (const start of kept) {
      const left = byStart.get(start)!;
      if (chosen.length === max || left.length === 0) continue;
      left.sort((a, b) => timesShown(a) - timesShown(b) || a.bookingsThatDay - b.bookingsThatDay || compareText(a.centerId, b.centerId));
      const pick = left.shift()!;
      shown.set(pick.centerId, timesShown(pick) + 1);
      chosen.push(pick);
    }
    if (chosen.length === before) break;
  }
  return chosen.sort((a, b) => a.slot.start.getTime() - b.slot.start.getTime() || compareText(a.centerId, b.centerId));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Days that have at least one open time, in order. */
export function openDays(agendas: readonly SpecialistAgenda[], now: Date): LocalDate[] {
  return slotDays(offers(agendas, now).map((o) => o.slot));
}

/** The open times of one day. */
export function offersOn(agendas: readonly SpecialistAgenda[], date: LocalDate, now: Date, preferredId?: number): Offer[] {
  return offers(agendas, now, preferredId, date);
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
