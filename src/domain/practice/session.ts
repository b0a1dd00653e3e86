import { choiceOptions, exerciseKindFor, isChoiceKind, type ExerciseKind } from "./exercises.js";
import type { DeckItem } from "./deck/index.js";
import { deckItem, newItemsFor, type Level } from "./items.js";
import { isDue, type CardState } from "./srs.js";

/** Exercises in one practice session. */
export const SESSION_SIZE = 10;

/** A card as the planner needs it: which item, and its FSRS state. */
export type PlannedCard = { itemId: string } & Pick<CardState, "due" | "state" | "reps">;

/** One exercise of a session; `options` (item ids) only for multiple choice. JSON-serialisable. */
export interface Exercise {
  itemId: string;
  kind: ExerciseKind;
  isNew: boolean;
  /** Which review of the item the answer is (1 for a new item): an answer is stored once. */
  reviewNumber: number;
  options?: string[];
}

/** What a learner's day of practice depends on. */
export interface PracticeDayInput {
  cards: readonly PlannedCard[];
  level: Level;
  /** New items allowed per Almaty day, and how many the learner has already begun today. */
  newPerDay: number;
  introducedToday: number;
  now: Date;
}

/** What there is to practise at `now`: cards due for review, most overdue first, and the new items today still allows. */
export interface PracticeDay {
  due: PlannedCard[];
  fresh: DeckItem[];
}

/**
 * The one reckoning of what is due and what is new: the practice screen counts it and a session
 * works through it, so the screen never promises what the session then does not have.
 */
export function practiceDay(input: PracticeDayInput): PracticeDay {
  const known = input.cards.filter((card) => deckItem(card.itemId) !== undefined);
  const due = known.filter((card) => isDue(card, input.now)).sort((a, b) => a.due.getTime() - b.due.getTime());
  const allowance = Math.max(0, input.newPerDay - input.introducedToday);
  return { due, fresh: newItemsFor(input.level, new Set(known.map((card) => card.itemId)), allowance) };
}

export interface SessionInput extends PracticeDayInput {
  random: () => number;
  size?: number;
}

/**
 * A session: due reviews first, most overdue first; the rest of the session's room goes to new
 * items, as many as today's allowance still permits, chosen by level and theme order.
 */
export function planSession(input: SessionInput): Exercise[] {
  const size = input.size ?? SESSION_SIZE;
  const day = practiceDay(input);
  const due = day.due.slice(0, size);
  const fresh = day.fresh.slice(0, size - due.length);

  const exercises = [
    ...due.map((card) => ({ itemId: card.itemId, kind: exerciseKindFor(card.reps), isNew: false, reviewNumber: card.reps + 1 })),
    ...fresh.map((item) => ({ itemId: item.id, kind: exerciseKindFor(0), isNew: true, reviewNumber: 1 })),
  ];
  return exercises.map((exercise) =>
    isChoiceKind(exercise.kind) ? { ...exercise, options: choiceOptions(deckItem(exercise.itemId)!, input.random) } : exercise,
  );
}

/** The daily allowances of new items a learner may choose instead of the configured default. */
export const NEW_PER_DAY_CHOICES: readonly number[] = [5, 10, 15, 20];
