import { describe, expect, it } from "vitest";
import { foldKazakh } from "../../../src/domain/kazakh-letters.js";
import { DECK, type DeckItem } from "../../../src/domain/practice/deck/index.js";
import { CHOICE_OPTIONS, choiceOptions, distractorsFor, exerciseKindFor } from "../../../src/domain/practice/exercises.js";
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

/** Meanings as a learner reads them: the Russian split on "," and ";", notes in parentheses aside. */
const MEANINGS = new Map(
  DECK.map((item) => [
    item,
    item.ru
      .replace(/\([^)]*\)/g, " ")
      .split(/[,;]/)
      .map((m) => m.toLowerCase().replace(/ё/g, "е").replace(/[^\p{L}\p{N}]+/gu, " ").trim())
      .filter((m) => m.length > 0),
  ]),
);

/** Every spelling of an item, folded as a forgiving check folds what is typed. */
const FOLDED = new Map(DECK.map((item) => [item, [item.kk, ...(item.variants ?? [])].map(foldKazakh)]));

/** Why `option` would be right too where `asked` is asked (either way round), or undefined when it is plainly wrong. */
function alsoRight(asked: DeckItem, option: DeckItem): string | undefined {
  if (asked.group !== undefined && asked.group === option.group) return `both in group ${asked.group}`;
  if (asked.confusableWith?.includes(option.id) || option.confusableWith?.includes(asked.id)) return "declared confusable";
  const shared = MEANINGS.get(asked)!.find((m) => MEANINGS.get(option)!.includes(m));
  if (shared !== undefined) return `both mean "${shared}"`;
  const spelling = FOLDED.get(option)!.find((s) => FOLDED.get(asked)!.includes(s));
  if (spelling !== undefined) return `both spelt "${spelling}" once look-alike letters are folded`;
  return undefined;
}

/** "asked beside option: why" for every pair where an option would be right too. */
function clashes(asked: DeckItem, options: readonly DeckItem[]): string[] {
  return options.flatMap((option) => {
    const why = option === asked ? undefined : alsoRight(asked, option);
    return why === undefined ? [] : [`${asked.id} "${asked.kk}" beside ${option.id} "${option.kk}": ${why}`];
  });
}

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
