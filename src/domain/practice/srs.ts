import { createEmptyCard, fsrs, State, type Card, type Grade } from "ts-fsrs";
import { addDays, localDateOf, toInstant, type LocalDate } from "../time.js";

/** One learner's memory of one item, as FSRS models it. */
export type CardState = Card;

// Default parameters: no fuzz, so the same reviews at the same instants give the same due dates.
const scheduler = fsrs();

/** The card after a review with `rating` at `now`; a card never reviewed starts empty. */
export function reviewCard(card: CardState | null, rating: Grade, now: Date): CardState {
  return scheduler.next(card ?? createEmptyCard(now), now, rating).card;
}

/** The Almaty calendar day of `now`, with the instants it begins and ends (midnight to midnight). */
export function almatyDay(now: Date): { date: LocalDate; start: Date; end: Date } {
  const date = localDateOf(now);
  return { date, start: toInstant(date, "00:00"), end: toInstant(addDays(date, 1), "00:00") };
}

/**
 * Whether a card is up for review at `now`. Learning steps are minutes apart and wait for their
 * minute; a card in review is scheduled in days, so it is due for the whole Almaty day it falls on.
 */
export function isDue(card: Pick<CardState, "due" | "state">, now: Date): boolean {
  if (card.due <= now) return true;
  return card.state === State.Review && card.due < almatyDay(now).end;
}

/** A learned word: it has left the learning steps and is reviewed days apart. */
export function isLearned(card: Pick<CardState, "state">): boolean {
  return card.state === State.Review;
}
