import { describe, expect, it } from "vitest";
import { DECK } from "../../../src/domain/practice/deck/index.js";
import { CHOICE_OPTIONS, choiceOptions, distractorsFor, exerciseKindFor } from "../../../src/domain/practice/exercises.js";
import { deckItem } from "../../../src/domain/practice/items.js";
import { clashes } from "../../support/deck-clashes.js";
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
  it("never counts as a possible wrong option anything that is right too, for any item", () => {
    expect(DECK.flatMap((item) => clashes(item, distractorsFor(item)))).toEqual([]);
    for (const item of DECK) {
      expect(distractorsFor(item).filter((d) => d.theme === item.theme).length, item.id).toBeGreaterThanOrEqual(CHOICE_OPTIONS - 1);
    }
  });

  it.each([1, 7, 42, 2026, 31337])("asks every item with three distractors from its theme, exactly one option right (seed %i)", (seed) => {
    const random = seededRandom(seed);
    for (const item of DECK) {
      const ids = choiceOptions(item, random);
      expect(ids, item.id).toHaveLength(CHOICE_OPTIONS);
      expect(new Set(ids).size, item.id).toBe(CHOICE_OPTIONS);
      expect(ids.filter((id) => id === item.id), item.id).toHaveLength(1);
      const options = ids.map((id) => deckItem(id)!);
      for (const option of options) expect(option.theme, item.id).toBe(item.theme);
      // Kazakh→Russian and Russian→Kazakh alike: no option is right for another, so none reads like the answer.
      expect(options.flatMap((option) => clashes(option, options))).toEqual([]);
    }
  });

  it.each([
    ["сәлеметсіз бе", "амансыз ба"],
    ["сәлеметсіз бе", "ассалаумағалейкум"],
    ["амансыз ба", "ассалаумағалейкум"],
    ["сау бол", "сау болыңыз"],
    ["сау бол", "қош болыңыз"],
    ["сау болыңыз", "қош болыңыз"],
    ["кешіріңіз", "ғафу етіңіз"],
    ["уайымдау", "қобалжу"],
    ["немере", "жиен"],
    ["ана", "шеше"],
    ["қарындас", "сіңлі"],
    ["неше", "қанша"],
  ])("never offers %j and %j in one question", (a, b) => {
    const [one, other] = [a, b].map((kk) => DECK.find((item) => item.kk === kk)!);
    expect(distractorsFor(one!)).not.toContain(other);
    expect(distractorsFor(other!)).not.toContain(one);
  });

  it("keeps немере and жиен apart in Russian too", () => {
    const [nemere, zhien] = ["немере", "жиен"].map((kk) => DECK.find((item) => item.kk === kk)!);
    expect(nemere!.ru).not.toBe(zhien!.ru);
    expect(nemere!.ru).toContain("сына");
    expect(zhien!.ru).toContain("сестры");
    expect(zhien!.ru).toContain("дочери");
  });

  it("puts the right answer in different places", () => {
    const random = seededRandom(11);
    const item = DECK[0]!;
    const places = new Set(Array.from({ length: 40 }, () => choiceOptions(item, random).indexOf(item.id)));
    expect(places.size).toBe(CHOICE_OPTIONS);
  });
});
