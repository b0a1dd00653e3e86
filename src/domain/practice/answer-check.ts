import { foldKazakh, normalizeKazakh } from "../kazakh-letters.js";

/** A Kazakh letter the learner typed as another (usually its Russian look-alike). */
export interface LetterSlip {
  right: string;
  typed: string;
}

/**
 * How a typed answer compares with the Kazakh it should be:
 * - exact: the same letters (case, extra spaces and punctuation do not matter);
 * - lookalike: the same once look-alike letters are folded (а for ә, к for қ, …); `slips` lists
 *   which letters differ, each pair once, in the order they occur;
 * - wrong: anything else.
 */
export type TypedVerdict = { kind: "exact" } | { kind: "lookalike"; slips: LetterSlip[] } | { kind: "wrong" };

export function checkTypedAnswer(expected: string, typed: string): TypedVerdict {
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
  return { kind: "lookalike", slips };
}
