import { DECK, type DeckItem } from "./deck/index.js";
import { choiceOptions } from "./exercises.js";
import { LEVELS, type Level } from "./items.js";
import { shuffled } from "./shuffle.js";

/** Questions per level; the quiz asks them level by level, easiest first (6 in all). */
export const PLACEMENT_QUESTIONS_PER_LEVEL = 2;

/** A kk→ru multiple-choice question; `options` are item ids, one of them `itemId`. JSON-serialisable. */
export interface PlacementQuestion {
  itemId: string;
  level: Level;
  options: string[];
}

export interface PlacementAnswer {
  level: Level;
  correct: boolean;
}

/** The quiz: for each level, items from different themes, picked at random. */
export function placementQuestions(random: () => number): PlacementQuestion[] {
  return LEVELS.flatMap((level) => {
    const picked: DeckItem[] = [];
    for (const item of shuffled(DECK.filter((i) => i.level === level), random)) {
      if (picked.length === PLACEMENT_QUESTIONS_PER_LEVEL) break;
      if (!picked.some((p) => p.theme === item.theme)) picked.push(item);
    }
    return picked.map((item) => ({ itemId: item.id, level, options: choiceOptions(item, random) }));
  });
}

/**
 * The learner's level from their answers: the highest level that they, and every level below it,
 * answered entirely right; level 1 at least. One lucky guess among four options is likely, two in
 * a row at 1 in 16 much less so; and requiring the levels below keeps a lucky guess on a hard
 * question from placing a beginner too high.
 */
export function placementLevel(answers: readonly PlacementAnswer[]): Level {
  let level: Level = 1;
  for (const candidate of LEVELS) {
    const asked = answers.filter((a) => a.level === candidate);
    if (asked.length === 0 || asked.some((a) => !a.correct)) break;
    level = candidate;
  }
  return level;
}
