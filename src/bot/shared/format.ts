import type { Language } from "../../domain/language.js";
import { formatDay, localDateOf, localTimeOf } from "../../domain/time.js";

export type { Translate } from "../../domain/language.js";

/**
 * Escapes text that does not come from the locales (what a person typed, names and addresses
 * from the database) before it goes into a message: every message is Telegram HTML. Button
 * labels and alerts are not formatted and take the text as it is.
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** "23 ноября, понедельник": the Almaty date of an instant, as buttons and messages show it. */
export function dayOf(instant: string, lang: Language): string {
  return formatDay(localDateOf(new Date(instant)), lang);
}

/** An Almaty date with its year, as people write it in both languages: "23.11.2026". */
export function dateWithYearOf(instant: string | Date): string {
  const [year, month, day] = localDateOf(new Date(instant)).split("-");
  return `${day}.${month}.${year}`;
}

/** "10:00–10:50" in Almaty time. */
export function timeRange(b: { starts_at: string; ends_at: string }): string {
  return `${localTimeOf(new Date(b.starts_at))}–${localTimeOf(new Date(b.ends_at))}`;
}

/** The Almaty day and time of an instant, as buttons and messages show them. */
export function dayAndTime(instant: string, lang: Language): { day: string; time: string } {
  return { day: dayOf(instant, lang), time: localTimeOf(new Date(instant)) };
}
