import { InlineKeyboard } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";
import { DISTRICTS, type DistrictCode } from "../../domain/districts.js";
import { LANGUAGES, type Language } from "../../domain/language.js";
import { OCCUPATIONS, type Occupation } from "../../domain/profile.js";
import { formatDay, type LocalDate } from "../../domain/time.js";
import type { BaseContext } from "../context.js";
import { cardOfPayload, type CardPayload } from "../../domain/deep-links.js";
import { defineScreen, key, oneOf, type StepButtons } from "./callback-data.js";

type T = BaseContext["t"];

/** Main menu entries, in the order they are shown; each opens `menu:<entry>`. */
export const MENU_ENTRIES = ["consult", "teatalk", "centers", "teams", "events", "card", "bookings", "profile", "help"] as const;
export type MenuEntry = (typeof MENU_ENTRIES)[number];

export const menuOpenButton = defineScreen("menu:open");
export const menuEntryButton = defineScreen("menu", { entry: oneOf(MENU_ENTRIES) });

/**
 * Where someone was heading when they were asked to sign up, so that they land there afterwards:
 * a main menu entry, or a card by its deep-link payload (`center_almaly-1`).
 */
export type Destination = MenuEntry | CardPayload;

export function isMenuEntry(text: string): text is MenuEntry {
  return (MENU_ENTRIES as readonly string[]).includes(text);
}

/** The destination a button or a saved flow carries; null for anything else. */
export function destinationOf(text: string): Destination | null {
  if (isMenuEntry(text)) return text;
  return cardOfPayload(text) === null ? null : (text as CardPayload);
}

/** "Sign up" offered by a guarded action: the destination brings the person back to it afterwards. */
export const signupButton = defineScreen("signup", { to: key(48) });

/** The data of the main menu's button of `entry`. */
export function menuEntryData(entry: MenuEntry): string {
  return menuEntryButton.pack({ entry });
}

/**
 * Buttons laid out `columns` to a row. Built from whole rows, so that it never ends with an
 * empty one; what is added after it goes on a row of its own through `startRow`.
 */
export function gridKeyboard(buttons: InlineKeyboardButton[], columns: number): InlineKeyboard {
  const rows: InlineKeyboardButton[][] = [];
  for (let i = 0; i < buttons.length; i += columns) rows.push(buttons.slice(i, i + columns));
  return InlineKeyboard.from(rows);
}

export function mainMenuKeyboard(t: T): InlineKeyboard {
  return gridKeyboard(
    MENU_ENTRIES.map((entry) => InlineKeyboard.text(t(`menu-${entry}`), menuEntryData(entry))),
    2,
  );
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
  return gridKeyboard(
    DISTRICTS.map((d) => InlineKeyboard.text(d === marked ? `📍 ${t(`district-${d}`)}` : t(`district-${d}`), data(d))),
    2,
  );
}

/** Calendar days as a step's buttons answering `<YYYY-MM-DD>`, two to a row. */
export function dayKeyboard(buttons: StepButtons, days: readonly LocalDate[], lang: Language): InlineKeyboard {
  return gridKeyboard(
    days.map((day) => InlineKeyboard.text(formatDay(day, lang), buttons.data(day))),
    2,
  );
}

/** The occupations and Skip; `data` makes each button's data from its occupation or "skip". */
export function occupationKeyboard(t: T, data: (occupation: Occupation | "skip") => string): InlineKeyboard {
  const kb = new InlineKeyboard();
  for (const o of OCCUPATIONS) kb.text(t(`occupation-${o}`), data(o)).row();
  return kb.text(t("button-skip"), data("skip"));
}
