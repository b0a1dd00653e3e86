import { DECK, type DeckItem } from "./deck/index.js";
import { shuffled } from "./shuffle.js";
import { confusable } from "./synonyms.js";

/**
 * What a learner does with one item: recall it from a flashcard, pick its meaning (kk→ru) or
 * its Kazakh (ru→kk) among four, or type the Kazakh for its meaning.
 */
export const EXERCISE_KINDS = ["flashcard", "choice-kk-ru", "choice-ru-kk", "typed"] as const;
export type ExerciseKind = (typeof EXERCISE_KINDS)[number];
export type ChoiceKind = Extract<ExerciseKind, `choice-${string}`>;

/** Whether the exercise offers four options (and so carries them in its plan). */
export function isChoiceKind(kind: ExerciseKind): kind is ChoiceKind {
  return kind === "choice-kk-ru" || kind === "choice-ru-kk";
}

// Recognising comes before producing: after the first flashcard an item is met as a meaning to
// pick, then as Kazakh to pick, then typed, then as a flashcard again, and round.
const REVIEW_ROTATION: readonly ExerciseKind[] = ["choice-kk-ru", "choice-ru-kk", "typed", "flashcard"];

/** The exercise for an item reviewed `reps` times so far; an item never seen is a flashcard. */
export function exerciseKindFor(reps: number): ExerciseKind {
  return reps === 0 ? "flashcard" : REVIEW_ROTATION[(reps - 1) % REVIEW_ROTATION.length]!;
}

/** Options of a multiple-choice exercise, the right one included. */
export const CHOICE_OPTIONS = 4;

/** What an option of a multiple-choice exercise shows: the meaning for kk→ru, the Kazakh for ru→kk. */
export function optionText(item: DeckItem, kind: ChoiceKind): string {
  return kind === "choice-kk-ru" ? item.ru : item.kk;
}

/** The items that may be offered as wrong options beside `item`: those that can never be taken for its right answer. */
export function distractorsFor(item: DeckItem): DeckItem[] {
  return DECK.filter((other) => other !== item && !confusable(item, other));
}

/**
 * The item ids offered for `item`, in random order: the item itself and three of its
 * distractors, from its theme (from the rest of the deck when the theme has too few), no two
 * of which could be taken for each other, so that exactly one option is right and no two read
 * alike.
 */
export function choiceOptions(item: DeckItem, random: () => number): string[] {
  const picked: DeckItem[] = [item];
  const pickFrom = (pool: readonly DeckItem[]) => {
    for (const candidate of shuffled(pool, random)) {
      if (picked.length === CHOICE_OPTIONS) return;
      if (!picked.some((p) => confusable(p, candidate))) picked.push(candidate);
    }
  };
  const distractors = distractorsFor(item);
  pickFrom(distractors.filter((other) => other.theme === item.theme));
  if (picked.length < CHOICE_OPTIONS) pickFrom(distractors.filter((other) => other.theme !== item.theme));
  return shuffled(picked, random).map((p) => p.id);
}
