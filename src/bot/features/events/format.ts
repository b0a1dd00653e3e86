import type { EventView } from "../../../db/events.js";
import type { Language } from "../../../domain/language.js";
import { openSeats } from "../../../domain/seats.js";
import { dayOf, escapeHtml, timeRange, type Translate } from "../../shared/format.js";
import { consultationWhen } from "../../shared/when.js";

function inLanguage(language: Language, kk: string, ru: string): string {
  return language === "kk" ? kk : ru;
}

/** The event's title, category, day, time and place as messages show them (HTML-escaped). */
function facts(t: Translate, language: Language, e: EventView) {
  return {
    title: escapeHtml(inLanguage(language, e.title_kk, e.title_ru)),
    category: t(`event-category-${e.category}`),
    day: dayOf(e.starts_at, language),
    time: timeRange(e),
    place: escapeHtml(inLanguage(language, e.place_kk, e.place_ru)),
    district: t(`district-${e.district}`),
  };
}

/** "Free seats: 3", "no limit" or "waitlist only", as of the moment the message is built. */
function seatsText(t: Translate, e: EventView): string {
  if (e.capacity === null) return t("events-seats-open");
  const free = openSeats(e);
  return free > 0 ? t("events-seats-free", { free }) : t("events-seats-waitlist");
}

/** One numbered event in the list. */
export function eventListLine(t: Translate, language: Language, e: EventView, n: number): string {
  return t("events-list-line", { n, ...facts(t, language, e), seats: seatsText(t, e) });
}

/** What, when and where: the lines every message about an event starts with. */
export function eventDetails(t: Translate, language: Language, e: EventView): string {
  return t("events-details", facts(t, language, e));
}

/** The event's card: its details, description, address, organiser and seats. */
export function eventCardText(t: Translate, language: Language, e: EventView): string {
  const lines = [eventDetails(t, language, e)];
  const address = language === "kk" ? e.address_kk : e.address_ru;
  if (address) lines.push(t("events-card-address", { address: escapeHtml(address) }));
  if (e.host_display_name) lines.push(t("events-card-organiser", { host: escapeHtml(e.host_display_name) }));
  if (e.capacity === null) lines.push(t("events-card-seats-open"));
  else {
    const free = openSeats(e);
    lines.push(free > 0 ? t("events-card-seats-of", { free, capacity: e.capacity }) : t("events-card-seats-full", { waiting: e.waiting }));
  }
  const description = language === "kk" ? e.description_kk : e.description_ru;
  if (description) lines.push("", escapeHtml(description));
  return lines.join("\n");
}

/** "tomorrow at 18:00", the place and the title: what a confirmation or reminder says about an event. */
export function eventWhenAndWhere(t: Translate, language: Language, e: EventView, now: Date): { when: string; place: string; title: string } {
  return {
    when: consultationWhen(t, language, new Date(e.starts_at), now),
    place: escapeHtml(inLanguage(language, e.place_kk, e.place_ru)),
    title: escapeHtml(inLanguage(language, e.title_kk, e.title_ru)),
  };
}
