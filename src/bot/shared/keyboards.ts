import { InlineKeyboard } from "grammy";
import { DISTRICTS, type DistrictCode } from "../../domain/districts.js";
import { LANGUAGES, type Language } from "../../domain/language.js";
import { OCCUPATIONS } from "../../domain/profile.js";
import { formatDay, type LocalDate } from "../../domain/time.js";
import type { BaseContext } from "../context.js";

type T = BaseContext["t"];

/** Main menu entries, in the order they are shown; each opens `menu:<entry>`. */
export const MENU_ENTRIES = ["consult", "teatalk", "centers", "events", "card", "bookings", "profile", "help"] as const;
export type MenuEntry = (typeof MENU_ENTRIES)[number];

export function mainMenuKeyboard(t: T): InlineKeyboard {
  const kb = new InlineKeyboard();
  MENU_ENTRIES.forEach((entry, i) => {
    kb.text(t(`menu-${entry}`), `menu:${entry}`);
    if (i % 2 === 1) kb.row();
  });
  return kb;
}

export function menuButton(t: T): InlineKeyboard {
  return new InlineKeyboard().text(t("button-menu"), "menu:open");
}

/** The way to the help lines, the same 🆘 entry as in the main menu. */
export function helpButton(t: T): InlineKeyboard {
  return new InlineKeyboard().text(t("menu-help"), "menu:help");
}

/** Language names are written in their own language, so they read the same in both locales. */
export function languageKeyboard(t: T, prefix: string): InlineKeyboard {
  const kb = new InlineKeyboard();
  for (const lang of LANGUAGES) kb.text(t(`language-${lang}`), `${prefix}:${lang}`);
  return kb;
}

/** The eight districts, two to a row; `marked` (the person's own) carries a pin. */
export function districtKeyboard(t: T, prefix: string, marked?: DistrictCode | null): InlineKeyboard {
  const kb = new InlineKeyboard();
  DISTRICTS.forEach((d, i) => {
    kb.text(d === marked ? `📍 ${t(`district-${d}`)}` : t(`district-${d}`), `${prefix}:${d}`);
    if (i % 2 === 1) kb.row();
  });
  return kb;
}

/** Calendar days as buttons answering `<prefix>:<YYYY-MM-DD>`, two to a row. */
export function dayKeyboard(prefix: string, days: readonly LocalDate[], lang: Language): InlineKeyboard {
  const kb = new InlineKeyboard();
  days.forEach((day, i) => {
    kb.text(formatDay(day, lang), `${prefix}:${day}`);
    if (i % 2 === 1) kb.row();
  });
  return kb;
}

export function occupationKeyboard(t: T, prefix: string): InlineKeyboard {
  const kb = new InlineKeyboard();
  for (const o of OCCUPATIONS) kb.text(t(`occupation-${o}`), `${prefix}:${o}`).row();
  return kb.text(t("button-skip"), `${prefix}:skip`);
}
