import type { EventView } from "../../../db/events.js";
import type { Language } from "../../../domain/language.js";
import { openSeats } from "../../../domain/seats.js";
import { dayOf, escapeHtml, timeRange, type Translate } from "../../shared/format.js";
import { consultationWhen } from "../../shared/when.js";

/** The session's center, topic, day and time as messages show them (HTML-escaped). */
function facts(t: Translate, language: Language, s: EventView) {
  return {
    day: dayOf(s.starts_at, language),
    time: timeRange(s),
    center: escapeHtml(language === "kk" ? s.place_kk : s.place_ru),
    district: t(`district-${s.district}`),
    level: t(`teatalk-level-${s.level}`),
    topic: escapeHtml(language === "kk" ? s.title_kk : s.title_ru),
  };
}

/** "Free seats: 3" or "waitlist only", as of the moment the message is built. */
export function seatsText(t: Translate, s: EventView): string {
  const free = openSeats(s);
  return free > 0 ? t("teatalk-seats-free", { free }) : t("teatalk-seats-waitlist");
}

/** One numbered session in the clubs list. */
export function listLine(t: Translate, language: Language, s: EventView, n: number): string {
  return t("teatalk-list-line", { n, ...facts(t, language, s), seats: seatsText(t, s) });
}

/** When, where, what level and topic: the lines every message about a session starts with. */
export function sessionDetails(t: Translate, language: Language, s: EventView): string {
  return t("teatalk-details", facts(t, language, s));
}

/** The session's card: its details, host and seats. */
export function sessionCard(t: Translate, language: Language, s: EventView): string {
  const free = openSeats(s);
  const seats =
    // A tea-talk session always has a capacity.
    free > 0 ? t("teatalk-seats-of", { free, capacity: s.capacity ?? free }) : t("teatalk-seats-full", { waiting: s.waiting });
  return [
    t("teatalk-card-title"),
    sessionDetails(t, language, s),
    t("teatalk-host-line", { host: escapeHtml(s.host_display_name ?? "") }),
    `🪑 ${seats}`,
  ].join("\n");
}

/** "tomorrow at 18:00" and the center: what a confirmation or reminder says about a session. */
export function whenAndWhere(t: Translate, language: Language, s: EventView, now: Date): { when: string; center: string } {
  return {
    when: consultationWhen(t, language, new Date(s.starts_at), now),
    center: escapeHtml(language === "kk" ? s.place_kk : s.place_ru),
  };
}
