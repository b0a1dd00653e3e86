import type { Language } from "../../src/domain/language.js";
import type { BookingMode, ServiceCode } from "../../src/domain/services.js";
import { formatDay } from "../../src/domain/time.js";
import type { Harness } from "./harness.js";

/** A booking described by hand, as a person would read it: the Almaty date and time, the center's name and address. */
export interface BookingByHand {
  date: string;
  time: string;
  service: ServiceCode;
  center: string;
  /** Null when the center's address is not known yet. */
  address: string | null;
  mode: BookingMode;
  topic?: string;
}

/** The details block of a booking as the locales define it. */
export function bookingDetailsText(h: Pick<Harness, "i18n">, lang: Language, b: BookingByHand): string {
  const t = (key: string, vars?: Record<string, string | number>) => h.i18n.t(lang, key, vars);
  const text = t("consult-details", {
    day: formatDay(b.date, lang),
    time: b.time,
    service: t(`service-${b.service}`),
    place: b.address === null ? t("consult-place-address-unknown", { center: b.center }) : t("consult-place", { center: b.center, address: b.address }),
    mode: t(`consult-mode-${b.mode}`),
  });
  return b.topic ? `${text}\n${t("consult-details-topic", { topic: b.topic })}` : text;
}
