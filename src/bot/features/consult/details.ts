import { InputFile } from "grammy";
import type { BookingDetails } from "../../../db/bookings.js";
import { calendarFile } from "../../../domain/ics.js";
import type { Language } from "../../../domain/language.js";
import { SERVICES, type BookingMode, type ServiceCode } from "../../../domain/services.js";
import type { BaseContext } from "../../context.js";
import { dayAndTime, escapeHtml, type Translate } from "../../shared/format.js";
import type { OfferView } from "./offers.js";

/** What a person is told about a booking, in their language. */
export interface BookingFacts {
  service: ServiceCode;
  startsAt: string;
  endsAt: string;
  mode: BookingMode;
  topic: string | null;
  centerName: string;
  address: string;
}

export function factsOfBooking(b: BookingDetails, lang: Language): BookingFacts {
  return {
    service: b.service,
    startsAt: b.starts_at,
    endsAt: b.ends_at,
    mode: b.mode,
    topic: b.topic,
    centerName: lang === "kk" ? b.name_kk : b.name_ru,
    address: lang === "kk" ? b.address_kk : b.address_ru,
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
    address: offer.address[lang],
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
  const text = ctx.t("consult-details", { ...bookingVars(ctx, lang, f), address: escapeHtml(f.address) });
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
 * Sends the booking as a calendar file. A sensitive consultation's topic stays out of it:
 * calendars sync to other devices and are shown to other people more often than chats.
 */
export async function sendCalendarFile(ctx: BaseContext, bookingId: number, f: BookingFacts, now: Date): Promise<void> {
  const description = SERVICES[f.service].sensitive || !f.topic ? f.centerName : `${f.centerName}\n${f.topic}`;
  const ics = calendarFile({
    uid: `booking-${bookingId}@jastar-bot`,
    stamp: now,
    start: new Date(f.startsAt),
    end: new Date(f.endsAt),
    summary: ctx.t("consult-ics-summary", { service: ctx.t(`service-${f.service}`) }),
    location: f.mode === "online" ? "Online" : f.address,
    description,
  });
  await ctx.replyWithDocument(new InputFile(Buffer.from(ics, "utf8"), "consultation.ics"), {
    caption: ctx.t("consult-ics-caption"),
  });
}
