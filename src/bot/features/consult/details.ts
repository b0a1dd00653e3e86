import { InputFile } from "grammy";
import { calendarUid, type BookingDetails } from "../../../db/bookings.js";
import { knownAddress } from "../../../db/catalog.js";
import { calendarFile } from "../../../domain/ics.js";
import type { Language } from "../../../domain/language.js";
import { SERVICES, type BookingMode, type ServiceCode } from "../../../domain/services.js";
import type { NoticeDocument } from "../../../scheduler/notice.js";
import type { BaseContext } from "../../context.js";
import { dayAndTime, escapeHtml, type Translate } from "../../shared/format.js";
import type { OfferView } from "../../shared/offers.js";

/** What a person is told about a booking, in their language. */
export interface BookingFacts {
  service: ServiceCode;
  startsAt: string;
  endsAt: string;
  mode: BookingMode;
  topic: string | null;
  centerName: string;
  /** Null while the center's address is not known: then only the center's name is given. */
  address: string | null;
}

export function factsOfBooking(b: BookingDetails, lang: Language): BookingFacts {
  return {
    service: b.service,
    startsAt: b.starts_at,
    endsAt: b.ends_at,
    mode: b.mode,
    topic: b.topic,
    centerName: lang === "kk" ? b.name_kk : b.name_ru,
    address: knownAddress(b)?.[lang] ?? null,
  };
}

export function factsOfOffer(
  offer: OfferView,
  choice: { service: ServiceCode; mode: BookingMode; topic: string | null },
  lang: Language,
): BookingFacts {
  return {
    ...choice,
    startsAt: offer.startsAt,
    endsAt: offer.endsAt,
    centerName: offer.centerName[lang],
    address: offer.address?.[lang] ?? null,
  };
}

/** The variables every mention of a booking fills in: its day and time, service, center and mode. */
export function bookingVars(ctx: BaseContext, lang: Language, f: BookingFacts) {
  return {
    ...dayAndTime(f.startsAt, lang),
    service: ctx.t(`service-${f.service}`),
    center: escapeHtml(f.centerName),
    mode: ctx.t(`consult-mode-${f.mode}`),
  };
}

/** The booking's details as HTML lines: when, what, where, how, and the topic if there is one. */
export function describeBooking(ctx: BaseContext, lang: Language, f: BookingFacts): string {
  const vars = bookingVars(ctx, lang, f);
  const place = f.address
    ? ctx.t("consult-place", { center: vars.center, address: escapeHtml(f.address) })
    : ctx.t("consult-place-address-unknown", { center: vars.center });
  const text = ctx.t("consult-details", { ...vars, place });
  return f.topic ? `${text}\n${ctx.t("consult-details-topic", { topic: escapeHtml(f.topic) })}` : text;
}

/**
 * How an online consultation takes place, for its confirmation and reminder: the specialist
 * writes in Telegram at the booked time, and someone without a username must keep private
 * messages open for that. Nothing for an in-person one.
 */
export function onlineNote(t: Translate, mode: BookingMode, hasUsername: boolean): string | null {
  if (mode !== "online") return null;
  return hasUsername ? t("consult-online-how") : `${t("consult-online-how")}\n${t("consult-online-no-username")}`;
}

/** A confirmation followed, for an online consultation, by how it takes place. */
export function withOnlineNote(text: string, note: string | null): string {
  return note ? `${text}\n\n${note}` : text;
}

/**
 * What a calendar file does to the event: adds it (a new booking, or the file asked for again),
 * moves it to the booking's new time, or takes it out.
 */
export type CalendarChange = "added" | "moved" | "cancelled";

const CAPTIONS: Record<CalendarChange, string> = {
  added: "consult-ics-caption",
  moved: "bookings-ics-moved-caption",
  cancelled: "bookings-ics-cancelled-caption",
};

/**
 * The booking as a calendar file, under the UID and revision it has in the database, so that a
 * later file replaces or removes the event the first one added. A sensitive consultation's topic
 * stays out of it: calendars sync to other devices and are shown to other people more often than
 * chats. Where a center's address is not known yet, the location is the center's name.
 */
export function calendarDocument(t: Translate, booking: BookingDetails, lang: Language, change: CalendarChange, now: Date): NoticeDocument {
  const f = factsOfBooking(booking, lang);
  const description = SERVICES[f.service].sensitive || !f.topic ? f.centerName : `${f.centerName}\n${f.topic}`;
  const ics = calendarFile({
    uid: calendarUid(booking),
    sequence: booking.calendar_sequence,
    stamp: now,
    start: new Date(f.startsAt),
    end: new Date(f.endsAt),
    summary: t("consult-ics-summary", { service: t(`service-${f.service}`) }),
    location: f.mode === "online" ? t("consult-ics-online") : (f.address ?? f.centerName),
    description,
    cancelled: change === "cancelled",
  });
  return { filename: "consultation.ics", content: Buffer.from(ics, "utf8"), caption: t(CAPTIONS[change]) };
}

/** Sends the booking's calendar file (see `calendarDocument`) in answer to the person. */
export async function sendCalendarFile(ctx: BaseContext, booking: BookingDetails, lang: Language, change: CalendarChange, now: Date): Promise<void> {
  const { filename, content, caption } = calendarDocument(ctx.t, booking, lang, change, now);
  await ctx.replyWithDocument(new InputFile(content, filename), { caption });
}
