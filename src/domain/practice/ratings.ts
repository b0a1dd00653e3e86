import { Rating, type Grade } from "ts-fsrs";
import type { TypedVerdict } from "./answer-check.js";

/** The four answers a learner gives to a flashcard, as FSRS knows them. */
export const SELF_RATINGS = ["again", "hard", "good", "easy"] as const;
export type SelfRating = (typeof SELF_RATINGS)[number];

const SELF_RATING: Record<SelfRating, Grade> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};

export type ExerciseOutcome =
  | { kind: "flashcard"; rating: SelfRating }
  | { kind: "choice"; correct: boolean }
  | { kind: "typed"; verdict: TypedVerdict["kind"] };

/**
 * The FSRS rating of an exercise's outcome; the one place this mapping lives.
 *
 * - Flashcard: the learner's own rating; only they know how hard recalling was.
 * - Multiple choice: right → Good, wrong → Again. Never Easy: recognising among four is
 *   easier than recalling, so it should not stretch the interval as much as a confident recall.
 * - Typed with the exact Kazakh letters → Good: the word was recalled and spelled.
 * - Typed right only once look-alike letters are folded (салем for сәлем) → Hard: the word was
 *   recalled, so it is no lapse, and Again would reset an item the learner knows for want of a
 *   Kazakh keyboard; but the letters tell words apart (от "fire", өт "go through"), the bot
 *   cannot tell a missing layout from a misremembered letter, and Hard brings the spelling
 *   back sooner.
 * - Typed wrong, or "I don't know" → Again.
 */
export function ratingFor(outcome: ExerciseOutcome): Grade {
  switch (outcome.kind) {
    case "flashcard":
      return SELF_RATING[outcome.rating];
    case "choice":
      return outcome.correct ? Rating.Good : Rating.Again;
    case "typed":
      return outcome.verdict === "exact" ? Rating.Good : outcome.verdict === "lookalike" ? Rating.Hard : Rating.Again;
  }
}
