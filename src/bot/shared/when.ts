import type { Language } from "../../domain/language.js";
import { addDays, formatDay, localDateOf, localTimeOf } from "../../domain/time.js";
import type { Translate } from "./format.js";

/** Up to this long before a same-day consultation, "in 2 hours" says more than "today". */
const RELATIVE_MINUTES = 6 * 60;

/**
 * When a consultation is, as seen from `now`: "in 2 hours, at 14:00", "tomorrow at 14:00" or a
 * date. Computed when the message is rendered, so a reminder sent late still tells the truth.
 */
export function consultationWhen(t: Translate, language: Language, startsAt: Date, now: Date): string {
  const time = localTimeOf(startsAt);
  const minutesLeft = Math.ceil((startsAt.getTime() - now.getTime()) / 60_000);
  if (minutesLeft < 60) return t("reminders-when-in-minutes", { minutes: Math.max(1, minutesLeft), time });
  const today = localDateOf(now);
  const day = localDateOf(startsAt);
  if (day === today) {
    return minutesLeft <= RELATIVE_MINUTES
      ? t("reminders-when-in-hours", { hours: Math.round(minutesLeft / 60), time })
      : t("reminders-when-today", { time });
  }
  if (day === addDays(today, 1)) return t("reminders-when-tomorrow", { time });
  return t("reminders-when-date", { day: formatDay(day, language), time });
}

/** A deadline today as "16:00", another day with its date: until when an offered seat is held. */
export function deadlineText(deadline: Date, now: Date, language: Language): string {
  const time = localTimeOf(deadline);
  const day = localDateOf(deadline);
  return day === localDateOf(now) ? time : `${formatDay(day, language)}, ${time}`;
}
