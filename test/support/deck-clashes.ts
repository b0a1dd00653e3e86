import { foldKazakh } from "../../src/domain/kazakh-letters.js";
import { DECK, type DeckItem } from "../../src/domain/practice/deck/index.js";

// Which options of a multiple-choice question would be right too. Written apart from the code
// that draws the questions, so that tests check that code rather than repeat it.

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
export function clashes(asked: DeckItem, options: readonly DeckItem[]): string[] {
  return options.flatMap((option) => {
    const why = option === asked ? undefined : alsoRight(asked, option);
    return why === undefined ? [] : [`${asked.id} "${asked.kk}" beside ${option.id} "${option.kk}": ${why}`];
  });
}
