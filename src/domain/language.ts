export const LANGUAGES = ["kk", "ru"] as const;
export type Language = (typeof LANGUAGES)[number];

/** Translation as both a context and a notice renderer give it: a text by its id in the locales, in one language. */
export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** First contact: Kazakh for a Kazakh Telegram client, Russian for everyone else. */
export function languageFromTelegram(languageCode: string | undefined): Language {
  return languageCode?.toLowerCase().startsWith("kk") ? "kk" : "ru";
}
