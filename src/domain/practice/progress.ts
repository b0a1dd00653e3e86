import { addDays, localDateOf, type LocalDate } from "../time.js";
import { almatyDay, isLearned, type CardState } from "./srs.js";

export interface Progress {
  /** Items met at least once. */
  seen: number;
  /** Items past their learning steps (FSRS state Review). */
  learned: number;
  /** Consecutive Almaty days with a review, up to today (or yesterday, while today is still open). */
  streak: number;
}

/** Consecutive days in `reviewDays` ending today, or ending yesterday when today has none yet. */
export function currentStreak(reviewDays: Iterable<LocalDate>, today: LocalDate): number {
  const days = new Set(reviewDays);
  let day = days.has(today) ? today : addDays(today, -1);
  let streak = 0;
  while (days.has(day)) {
    streak++;
    day = addDays(day, -1);
  }
  return streak;
}

/** A learner's progress at `now` from their cards and the instants of their reviews. What is due is practiceDay's to say. */
export function progressOf(cards: readonly Pick<CardState, "state">[], reviewedAt: readonly Date[], now: Date): Progress {
  const { date } = almatyDay(now);
  return {
    seen: cards.length,
    learned: cards.filter(isLearned).length,
    streak: currentStreak(reviewedAt.map(localDateOf), date),
  };
}
