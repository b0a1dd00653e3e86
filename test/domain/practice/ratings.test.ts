import { Rating } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { ratingFor, type ExerciseOutcome } from "../../../src/domain/practice/ratings.js";

describe("exercise outcomes as FSRS ratings", () => {
  it.each<[ExerciseOutcome, Rating]>([
    [{ kind: "flashcard", rating: "again" }, Rating.Again],
    [{ kind: "flashcard", rating: "hard" }, Rating.Hard],
    [{ kind: "flashcard", rating: "good" }, Rating.Good],
    [{ kind: "flashcard", rating: "easy" }, Rating.Easy],
    [{ kind: "choice", correct: true }, Rating.Good],
    [{ kind: "choice", correct: false }, Rating.Again],
    [{ kind: "typed", verdict: "exact" }, Rating.Good],
    [{ kind: "typed", verdict: "lookalike" }, Rating.Hard],
    [{ kind: "typed", verdict: "wrong" }, Rating.Again],
  ])("%j → %i", (outcome, rating) => {
    expect(ratingFor(outcome)).toBe(rating);
  });
});
