/** One word or everyday phrase to learn, with its Russian meaning and an example in use. */
export interface DeckItem {
  /** Stable id, never reused: "<theme>-<nnn>", e.g. "greetings-001". Progress is stored against it. */
  id: string;
  theme: DeckTheme;
  /** Kazakh, Cyrillic, as a learner should write it (lower case unless a proper noun; phrases without final period). */
  kk: string;
  /** Russian meaning; several meanings separated by ", ". */
  ru: string;
  /** A short natural Kazakh sentence that uses the item. */
  exampleKk: string;
  /** Its Russian translation. */
  exampleRu: string;
  /** 1 beginner, 2 intermediate, 3 advanced. */
  level: 1 | 2 | 3;
}

export type DeckTheme =
  | "greetings"
  | "family"
  | "numbers-time"
  | "city-transport"
  | "food-tea"
  | "work-study"
  | "feelings"
  | "centers";

export const DECK_THEMES: readonly DeckTheme[] = [
  "greetings",
  "family",
  "numbers-time",
  "city-transport",
  "food-tea",
  "work-study",
  "feelings",
  "centers",
];
