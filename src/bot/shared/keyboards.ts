import { InlineKeyboard } from "grammy";
import { DISTRICTS, type DistrictCode } from "../../domain/districts.js";
import { LANGUAGES, type Language } from "../../domain/language.js";
import { OCCUPATIONS, type Occupation } from "../../domain/profile.js";
import { formatDay, type LocalDate } from "../../domain/time.js";
import type { BaseContext } from "../context.js";
import { defineScreen, oneOf, type StepButtons } from "./callback-data.js";

type T = BaseContext["t"];

/** Main menu entries, in the order they are shown; each opens `menu:<entry>`. */
export const MENU_ENTRIES = ["consult", "teatalk", "centers", "events", "card", "bookings", "profile", "help"] as const;
export type MenuEntry = (typeof MENU_ENTRIES)[number];

export const menuOpenButton = defineScreen("menu:open");
export const menuEntryButton = defineScreen("menu", { entry: oneOf(MENU_ENTRIES) });

/** "Sign up" offered by a guarded action: the intent brings the person back to it afterwards. */
export const signupButton = defineScreen("signup", { intent: oneOf(MENU_ENTRIES) });

/** The data of the main menu's button of `entry`. */
export function menuEntryData(entry: MenuEntry): string {
  return menuEntryButton.pack({ entry });
}

export function mainMenuKeyboard(t: T): InlineKeyboard {
  const kb = new InlineKeyboard();
  MENU_ENTRIES.forEach((entry, i) => {
    kb.text(t(`menu-${entry}`), menuEntryData(entry));
    if (i % 2 === 1) kb.row();
  });
  return kb;
}

export function menuButton(t: T): InlineKeyboard {
  return new InlineKeyboard().text(t("button-menu"), menuOpenButton.pack());
}

/** The way to the help lines, the same 🆘 entry as in the main menu. */
export function helpButton(t: T): InlineKeyboard {
  return new InlineKeyboard().text(t("menu-help"), menuEntryData("help"));
}

/** Language names are written in their own language, so they read the same in both locales. */
export function languageKeyboard(t: T, data: (lang: Language) => string): InlineKeyboard {
  const kb = new InlineKeyboard();
  for (const lang of LANGUAGES) kb.text(t(`language-${lang}`), data(lang));
  return kb;
}

/** The eight districts, two to a row; `marked` (the person's own) carries a pin. */
export function districtKeyboard(t: T, data: (district: DistrictCode) => string, marked?: DistrictCode | null): InlineKeyboard {
  const kb = new InlineKeyboard();
  DISTRICTS.forEach((d, i) => {
    kb.text(d === marked ? `📍 ${t(`district-${d}`)}` : t(`district-${d}`), data(d));
    if (i % 2 === 1) kb.row();
  });
  return kb;
}

/** Calendar days as a step's buttons answering `<YYYY-MM-DD>`, two to a row. */
export function dayKeyboard(buttons: StepButtons, days: readonly LocalDate[], lang: Language): InlineKeyboard {
  const kb = new InlineKeyboard();
  days.forEach((day, i) => {
    kb.text(formatDay(day, lang), buttons.data(day));
    if (i % 2 === 1) kb.row();
  });
  return kb;
}

/** The occupations and Skip; `data` makes each button's data from its occupation or "skip". */
export function occupationKeyboard(t: T, data: (occupation: Occupation | "skip") => string): InlineKeyboard {
  const kb = new InlineKeyboard();
  for (const o of OCCUPATIONS) kb.text(t(`occupation-${o}`), data(o)).row();
  return kb.text(t("button-skip"), data("skip"));
}
