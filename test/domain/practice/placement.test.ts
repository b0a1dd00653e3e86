import { describe, expect, it } from "vitest";
import { deckItem } from "../../../src/domain/practice/items.js";
import {
  PLACEMENT_QUESTIONS_PER_LEVEL,
  placementLevel,
  placementQuestions,
  type PlacementAnswer,
} from "../../../src/domain/practice/placement.js";
import { clashes } from "../../support/deck-clashes.js";
import { seededRandom } from "../../support/random.js";

const answers = (byLevel: [boolean, boolean][]): PlacementAnswer[] =>
  byLevel.flatMap(([a, b], i) => [
    { level: (i + 1) as 1 | 2 | 3, correct: a },
    { level: (i + 1) as 1 | 2 | 3, correct: b },
  ]);

describe("placement level", () => {
  it.each([
    ["everything right", [[true, true], [true, true], [true, true]], 3],
    ["levels 1 and 2 right", [[true, true], [true, true], [true, false]], 2],
    ["level 1 right", [[true, true], [false, true], [true, true]], 1],
    ["a slip at level 1", [[true, false], [true, true], [true, true]], 1],
    ["nothing right", [[false, false], [false, false], [false, false]], 1],
    ["lucky at level 3 only", [[false, false], [false, false], [true, true]], 1],
  ] as const)("%s → level %i", (_, byLevel, level) => {
    expect(placementLevel(answers(byLevel.map(([a, b]) => [a, b])))).toBe(level);
  });

  it("is level 1 with no answers", () => {
    expect(placementLevel([])).toBe(1);
  });
});

describe("placement questions", () => {
  it("asks two questions per level, easiest first, from different themes, each with four options", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const questions = placementQuestions(seededRandom(seed));
      expect(questions).toHaveLength(3 * PLACEMENT_QUESTIONS_PER_LEVEL);
      expect(questions.map((q) => q.level)).toEqual([1, 1, 2, 2, 3, 3]);
      for (const q of questions) {
        expect(deckItem(q.itemId)?.level).toBe(q.level);
        expect(q.options).toHaveLength(4);
        expect(q.options).toContain(q.itemId);
      }
      for (const level of [1, 2, 3]) {
        const themes = questions.filter((q) => q.level === level).map((q) => deckItem(q.itemId)!.theme);
        expect(new Set(themes).size).toBe(PLACEMENT_QUESTIONS_PER_LEVEL);
      }
    }
  });

  it("never offers a second right answer", () => {
    const problems = Array.from({ length: 100 }, (_, seed) => placementQuestions(seededRandom(seed))).flatMap((questions) =>
      questions.flatMap((q) => {
        const options = q.options.map((id) => deckItem(id)!);
        return options.flatMap((option) => clashes(option, options));
      }),
    );
    expect(problems).toEqual([]);
  });
});
