import { describe, expect, it } from "vitest";
import { foldKazakh } from "../../../src/domain/kazakh-letters.js";
import { DECK } from "../../../src/domain/practice/deck/index.js";
import { CHOICE_OPTIONS, choiceOptions, exerciseKindFor } from "../../../src/domain/practice/exercises.js";
import { deckItem } from "../../../src/domain/practice/items.js";
import { seededRandom } from "../../support/random.js";

describe("exercise kinds", () => {
  it("starts with a flashcard, then rotates recognising, producing and recalling", () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(exerciseKindFor)).toEqual([
      "flashcard",
      "choice-kk-ru",
      "choice-ru-kk",
      "typed",
      "flashcard",
      "choice-kk-ru",
      "choice-ru-kk",
    ]);
  });
});

describe("multiple-choice options", () => {
  const meanings = (ru: string) => ru.split(",").map((m) => m.trim().toLowerCase());

  it("offers every deck item with three distractors from its theme that can never be right too", () => {
    const random = seededRandom(7);
    for (const item of DECK) {
      const ids = choiceOptions(item, random);
      expect(ids, item.id).toHaveLength(CHOICE_OPTIONS);
      expect(new Set(ids).size, item.id).toBe(CHOICE_OPTIONS);
      expect(ids.filter((id) => id === item.id), item.id).toHaveLength(1);
      const options = ids.map((id) => deckItem(id)!);
      for (const option of options) expect(option.theme, item.id).toBe(item.theme);
      for (const distractor of options.filter((o) => o.id !== item.id)) {
        expect(foldKazakh(distractor.kk), item.id).not.toBe(foldKazakh(item.kk));
        expect(distractor.ru, item.id).not.toBe(item.ru);
        expect(meanings(distractor.ru).filter((m) => meanings(item.ru).includes(m)), item.id).toEqual([]);
      }
      // No two options read the same, in either direction.
      expect(new Set(options.map((o) => o.ru)).size, item.id).toBe(CHOICE_OPTIONS);
      expect(new Set(options.map((o) => foldKazakh(o.kk))).size, item.id).toBe(CHOICE_OPTIONS);
    }
  });

  it("puts the right answer in different places", () => {
    const random = seededRandom(11);
    const item = DECK[0]!;
    const places = new Set(Array.from({ length: 40 }, () => choiceOptions(item, random).indexOf(item.id)));
    expect(places.size).toBe(CHOICE_OPTIONS);
  });
});
