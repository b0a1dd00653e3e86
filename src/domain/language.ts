export const LANGUAGES = ["kk", "ru"] as const;
export type Language = (typeof LANGUAGES)[number];

/** First contact: Kazakh for a Kazakh Telegram client, Russian for everyone else. */
export function languageFromTelegram(languageCode: string | undefined): Language {
  return languageCode?.toLowerCase().startsWith("kk") ? "kk" : "ru";
}
