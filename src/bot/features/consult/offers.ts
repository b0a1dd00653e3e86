import { loadAgendas } from "../../../db/bookings.js";
import { findSpecialists, knownAddress, listCenters } from "../../../db/catalog.js";
import type { Db } from "../../../db/database.js";
import { nearestOffers, offersOn, openDays, type Offer } from "../../../domain/booking-rules.js";
import type { DistrictCode } from "../../../domain/districts.js";
import type { Language } from "../../../domain/language.js";
import type { ServiceCode } from "../../../domain/services.js";
import type { LocalDate, LocalTime } from "../../../domain/time.js";

/** Which specialists a search covers: a service, in one district or anywhere. */
export interface Scope {
  service: ServiceCode;
  district: DistrictCode | null;
  /** Keeps this specialist where they are free (rescheduling keeps the same person if possible). */
  preferredSpecialistId?: number;
}

/**
 * An open time as a conversation keeps it: plain JSON, because conversation steps are replayed
 * from stored results, with the center's name and address in both languages.
 */
export interface OfferView {
  specialistId: number;
  online: boolean;
  centerId: string;
  centerName: Record<Language, string>;
  /** Null while the center's address is not known. */
  address: Record<Language, string> | null;
  startsAt: string;
  endsAt: string;
  date: LocalDate;
  time: LocalTime;
}

/** Days of the booking window with at least one open time in the scope. */
export async function openDaysIn(db: Db, scope: Scope, now: Date): Promise<LocalDate[]> {
  const { agendas } = await load(db, scope, now);
  return openDays(agendas, now);
}

/** The open times of one day in the scope, one per start. */
export async function offersOnDay(db: Db, scope: Scope, date: LocalDate, now: Date): Promise<OfferView[]> {
  const { agendas, view } = await load(db, scope, now);
  return offersOn(agendas, date, now, scope.preferredSpecialistId).map(view);
}

/** The open times in the scope nearest to `target`. */
export async function offersNear(db: Db, scope: Scope, target: Date, now: Date, count: number): Promise<OfferView[]> {
  const { agendas, view } = await load(db, scope, now);
  return nearestOffers(agendas, target, now, count, scope.preferredSpecialistId).map(view);
}

async function load(db: Db, scope: Scope, now: Date) {
  const specialists = await findSpecialists(db, { service: scope.service, district: scope.district ?? undefined });
  const agendas = await loadAgendas(db, specialists, now);
  const centers = new Map((await listCenters(db)).map((c) => [c.id, c]));
  const view = ({ specialistId, slot }: Offer): OfferView => {
    const specialist = specialists.find((s) => s.id === specialistId)!;
    const center = centers.get(specialist.center_id)!;
    return {
      specialistId,
      online: specialist.online === 1,
      centerId: center.id,
      centerName: { kk: center.name_kk, ru: center.name_ru },
      address: knownAddress(center),
      startsAt: slot.start.toISOString(),
      endsAt: slot.end.toISOString(),
      date: slot.date,
      time: slot.time,
    };
  };
  return { agendas, view };
}
