import { foldKazakh, normalizeKazakh } from "../kazakh-letters.js";
import { DECK, type DeckItem } from "./deck/index.js";
import { shuffled } from "./shuffle.js";

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

function meanings(item: DeckItem): string[] {
  return item.ru.split(",").map(normalizeKazakh).filter((m) => m.length > 0);
}

/**
 * Whether two items could both be right answers to one question, or could not be told apart:
 * the same Kazakh up to look-alike letters, or a meaning in common.
 */
function clash(a: DeckItem, b: DeckItem): boolean {
  if (foldKazakh(a.kk) === foldKazakh(b.kk)) return true;
  const theirs = meanings(b);
  return meanings(a).some((m) => theirs.includes(m));
}

/**
 * The item ids offered for `item`, in random order: the item itself and three distractors from
 * its theme (from the rest of the deck when the theme has too few). No two options clash, so
 * exactly one is right and no two read the same.
 */
export function choiceOptions(item: DeckItem, random: () => number): string[] {
  const picked: DeckItem[] = [item];
  const pickFrom = (pool: readonly DeckItem[]) => {
    for (const candidate of shuffled(pool, random)) {
      if (picked.length === CHOICE_OPTIONS) return;
      if (!picked.some((p) => clash(p, candidate))) picked.push(candidate);
    }
  };
  pickFrom(DECK.filter((other) => other.theme === item.theme));
  if (picked.length < CHOICE_OPTIONS) pickFrom(DECK.filter((other) => other.theme !== item.theme));
  return shuffled(picked, random).map((p) => p.id);
}
