/** One word or everyday phrase to learn, with its Russian meaning and an example in use. */
export interface DeckItem {
  /** Stable id, never reused: "<theme>-<nnn>", e.g. "greetings-001". Progress is stored against it. */
  id: string;
  theme: DeckTheme;
  /** Kazakh, Cyrillic, as a learner should write it (lower case unless a proper noun; phrases without final period). */
  kk: string;
  /**
   * Russian meaning; several meanings separated by "," or ";", so a comma never sits inside one
   * meaning ("повторите (пожалуйста)"). A note in parentheses qualifies a meaning and may hold
   * commas, but is no meaning of its own: "здравствуйте (к старшим)" means "здравствуйте".
   */
  ru: string;
  /** Other spellings of `kk` that are just as right when typed ("рақмет" beside "рахмет"). */
  variants?: readonly string[];
  /**
   * Synonyms: items that share a group mean the same, so each is a right answer where another is
   * asked, and none is offered as a wrong option beside another.
   */
  group?: string;
  /**
   * Ids of items too close to this one to be told apart in a question, though not the same
   * (немере and жиен): never offered together, not accepted for each other. Listing the pair on
   * one side is enough.
   */
  confusableWith?: readonly string[];
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
