import { CENTERS } from "./centers.js";
import { CITY_TRANSPORT } from "./city-transport.js";
import { FAMILY } from "./family.js";
import { FEELINGS } from "./feelings.js";
import { FOOD_TEA } from "./food-tea.js";
import { GREETINGS } from "./greetings.js";
import { NUMBERS_TIME } from "./numbers-time.js";
import type { DeckItem } from "./types.js";
import { WORK_STUDY } from "./work-study.js";

export type { DeckItem, DeckTheme } from "./types.js";
export { DECK_THEMES } from "./types.js";
export {
  CENTERS,
  CITY_TRANSPORT,
  FAMILY,
  FEELINGS,
  FOOD_TEA,
  GREETINGS,
  NUMBERS_TIME,
  WORK_STUDY,
};

/** The whole learning deck, all themes concatenated in DECK_THEMES order. */
export const DECK: readonly DeckItem[] = [
  ...GREETINGS,
  ...FAMILY,
  ...NUMBERS_TIME,
  ...CITY_TRANSPORT,
  ...FOOD_TEA,
  ...WORK_STUDY,
  ...FEELINGS,
  ...CENTERS,
];
