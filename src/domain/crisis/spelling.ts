import { KAZAKH_LOOKALIKES } from "../kazakh-letters.js";

/**
 * How a message's words are read for crisis phrases, however they were typed: in capitals,
 * with letters drawn out ("жиииить"), without Kazakh letters ("олгим"), or in Latin letters,
 * Russian or Kazakh ("hochu umeret", "olgim keledi"). Every word becomes one or more spellings
 * in a reduced Cyrillic alphabet where the usual substitutes coincide; patterns are reduced the
 * same way, so they are written once, in ordinary Cyrillic.
 */

/**
 * Cyrillic letters and what is left of them: Kazakh letters become the Russian ones typed in their
 * place, soft and hard signs vanish (Latin typing drops them), я/ю/ц/щ become what their Latin
 * spellings give ("ya", "yu", "ts", "sch").
 */
const REDUCED: Readonly<Record<string, string>> = {
  ...KAZAKH_LOOKALIKES,
  ё: "е",
  э: "е",
  й: "и",
  ь: "",
  ъ: "",
  я: "иа",
  ю: "иу",
  ц: "тс",
  щ: "ш",
};

/** Latin letters that look like Cyrillic ones, slipped into a Cyrillic word ("сүргiм"). */
const LOOKALIKES: Readonly<Record<string, string>> = { a: "а", c: "с", e: "е", i: "і", k: "к", o: "о", p: "р", x: "х", y: "у" };

/** Latin letter groups read before single letters. */
const LATIN_GROUPS: readonly (readonly [string, string])[] = [
  ["shch", "ш"],
  ["sch", "ш"],
  ["sh", "ш"],
  ["ch", "ч"],
  ["zh", "ж"],
  ["kh", "х"],
  ["gh", "г"],
];

/**
 * What each Latin letter may stand for. Where people use one letter for several sounds (i for
 * и, і and ы; y for ы and й; j for ж and й), every reading is kept; "4" and "6" are how some
 * write ч and ш ("ho4u").
 */
const LATIN_LETTERS: Readonly<Record<string, readonly string[]>> = {
  a: ["а"], b: ["б"], c: ["ц"], d: ["д"], e: ["е"], f: ["ф"], g: ["г"], h: ["х"],
  i: ["и", "ы"], j: ["ж", "й"], k: ["к"], l: ["л"], m: ["м"], n: ["н"], o: ["о"], p: ["п"],
  q: ["к"], r: ["р"], s: ["с"], t: ["т"], u: ["у"], v: ["в"], w: ["в"], x: ["х"],
  y: ["ы", "й"], z: ["з"], "4": ["ч"], "6": ["ш"],
};

/** Letters with marks that stand for more than the bare letter (Turkish and Kazakh Latin). */
const MARKED_LATIN: Readonly<Record<string, string>> = { ş: "sh", ç: "ch", ı: "i", ŋ: "n", ə: "a" };

/** A word rarely has more ambiguous letters than this; beyond it, the first reading is taken. */
const MAX_READINGS = 16;

const CYRILLIC = /[а-яёәғқңөұүһі]/;
const LATIN = /[a-z]/;

/** The words of a message, each as the spellings it may stand for. */
export function readWords(text: string): string[][] {
  const plain = text
    .toLowerCase()
    .replace(/[şçıŋə]/g, (ch) => MARKED_LATIN[ch] ?? ch)
    .normalize("NFD")
    // Accents and dots go (ö → o, й → и, ё → е); Kazakh letters have no decomposition and stay.
    .replace(/\p{M}/gu, "")
    // An apostrophe stands for a soft sign or marks a Kazakh letter ("b'yut", "o'lgim").
    .replace(/['’‘ʼʻ`´]/g, "");
  return plain
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .map(spellingsOf);
}

/** The spellings a single word may stand for (one unless it is written in Latin letters). */
export function spellingsOf(word: string): string[] {
  if (CYRILLIC.test(word)) return [reduce(word.replace(/[aceikopxy]/g, (ch) => LOOKALIKES[ch] ?? ch))];
  if (LATIN.test(word)) return [...new Set(latinReadings(word).map(reduce))];
  return [word];
}

function reduce(word: string): string {
  return word
    .replace(/[әғқңөұүһіёэйьъяюцщ]/g, (ch) => REDUCED[ch] ?? ch)
    .replace(/(.)\1+/gu, "$1");
}

function latinReadings(word: string): string[] {
  let readings = [""];
  for (let at = 0; at < word.length; ) {
    const group = LATIN_GROUPS.find(([latin]) => word.startsWith(latin, at));
    const letter = word[at]!;
    const options = group ? [group[1]] : (LATIN_LETTERS[letter] ?? [letter]);
    const taken = readings.length * options.length <= MAX_READINGS ? options : options.slice(0, 1);
    readings = readings.flatMap((reading) => taken.map((option) => reading + option));
    at += group ? group[0].length : 1;
  }
  return readings;
}
