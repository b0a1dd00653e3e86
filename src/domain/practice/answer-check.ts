import { foldKazakh, normalizeKazakh } from "../kazakh-letters.js";
import type { DeckItem } from "./deck/index.js";
import { acceptedSpellings } from "./synonyms.js";

/** A Kazakh letter the learner typed as another (usually its Russian look-alike). */
export interface LetterSlip {
  right: string;
  typed: string;
}

/**
 * How a typed answer compares with the Kazakh it should be:
 * - exact: the same letters (case, extra spaces and punctuation do not matter);
 * - lookalike: the same as `spelling` once look-alike letters are folded (а for ә, к for қ, …);
 *   `slips` lists which letters differ, each pair once, in the order they occur;
 * - wrong: anything else.
 */
export type TypedVerdict = { kind: "exact" } | { kind: "lookalike"; spelling: string; slips: LetterSlip[] } | { kind: "wrong" };

/** A typed answer against one spelling. */
export function compareSpelling(expected: string, typed: string): TypedVerdict {
  const want = normalizeKazakh(expected);
  const got = normalizeKazakh(typed);
  if (want.length > 0 && got === want) return { kind: "exact" };
  if (want.length === 0 || foldKazakh(got) !== foldKazakh(want)) return { kind: "wrong" };
  // Folding turns each letter into one letter, so equal folds line the two spellings up letter by letter.
  const wantLetters = [...want];
  const gotLetters = [...got];
  const slips: LetterSlip[] = [];
  wantLetters.forEach((right, i) => {
    const typedLetter = gotLetters[i]!;
    if (right !== typedLetter && !slips.some((s) => s.right === right && s.typed === typedLetter)) {
      slips.push({ right, typed: typedLetter });
    }
  });
  return { kind: "lookalike", spelling: expected, slips };
}

/**
 * A typed answer where the item's meaning is asked: right if it is any accepted spelling (the
 * item's own, its variants, its synonyms'); exact letters anywhere beat look-alike ones, and
 * the item's own spellings come first.
 */
export function checkTypedAnswer(item: DeckItem, typed: string): TypedVerdict {
  const verdicts = acceptedSpellings(item).map((spelling) => compareSpelling(spelling, typed));
  return verdicts.find((v) => v.kind === "exact") ?? verdicts.find((v) => v.kind === "lookalike") ?? { kind: "wrong" };
}
