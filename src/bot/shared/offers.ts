import { loadAgendas } from "../../db/bookings.js";
import { findSpecialists, knownAddress, listCenters } from "../../db/catalog.js";
import type { Db } from "../../db/database.js";
import { nearestOffers, offersOn, openDays, spreadOffers, type Offer } from "../../domain/booking-rules.js";
import type { DistrictCode } from "../../domain/districts.js";
import type { Language } from "../../domain/language.js";
import type { ServiceCode } from "../../domain/services.js";
import type { LocalDate, LocalTime } from "../../domain/time.js";

/** Which specialists a search covers: a service, in one district (or one center of it) or anywhere. */
export interface Scope {
  service: ServiceCode;
  district: DistrictCode | null;
  /** One center of the district; absent or null: any of them. */
  centerId?: string | null;
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

/** One screen of a day's open times: `offers` are `total` or fewer of them (see spreadOffers). */
export interface DayOffers {
  offers: OfferView[];
  total: number;
}

/**
 * The open times of one day in the scope, one per start and center. Times at several centers
 * are cut to `max`; one center's times are all kept, since they fit as short buttons in rows.
 */
export async function offersOnDay(db: Db, scope: Scope, date: LocalDate, now: Date, max: number): Promise<DayOffers> {
  const { agendas, view } = await load(db, scope, now);
  const all = offersOn(agendas, date, now, scope.preferredSpecialistId);
  const oneCenter = new Set(all.map((o) => o.centerId)).size <= 1;
  return { offers: (oneCenter ? all : spreadOffers(all, max)).map(view), total: all.length };
}

/** The open times in the scope nearest to `target`. */
export async function offersNear(db: Db, scope: Scope, target: Date, now: Date, count: number): Promise<OfferView[]> {
  const { agendas, view } = await load(db, scope, now);
  return nearestOffers(agendas, target, now, count, scope.preferredSpecialistId).map(view);
}

/** A center where the service is given, with its name in both languages. */
export interface CenterView {
  id: string;
  name: Record<Language, string>;
}

/** The centers of a district that give the service: what a person may narrow the search to. */
export async function centersGiving(db: Db, service: ServiceCode, district: DistrictCode): Promise<CenterView[]> {
  const ids = new Set((await findSpecialists(db, { service, district })).map((s) => s.center_id));
  return (await listCenters(db, district)).filter((c) => ids.has(c.id)).map((c) => ({ id: c.id, name: { kk: c.name_kk, ru: c.name_ru } }));
}

async function load(db: Db, scope: Scope, now: Date) {
  const inDistrict = await findSpecialists(db, { service: scope.service, district: scope.district ?? undefined });
  const specialists = scope.centerId ? inDistrict.filter((s) => s.center_id === scope.centerId) : inDistrict;
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
