import { readWords, spellingsOf } from "./spelling.js";

/**
 * The phrases of one language, with the examples that show what they must and must not catch.
 *
 * A phrase is a row of words separated by spaces. Each word lists what may stand there,
 * separated by "|"; a trailing "*" lets the word go on ("хоч*" takes хочу, хочется, хочешь),
 * otherwise the whole word must match. Up to three other words may come between two words of a
 * phrase ("не хочу больше так жить"); " + " between two words means nothing may.
 * Words are written in ordinary Cyrillic: capitals, drawn-out letters, missing Kazakh letters and
 * Latin spellings are forgiven on the message's side.
 */
export interface PhraseBook {
  /** Wordings that signal a crisis. */
  signals: readonly string[];
  /**
   * Everyday idioms built from a signal's words ("бьёт током", "допты ұрды"); their words, all
   * next to each other, are set aside before signals are looked for.
   */
  everyday: readonly string[];
  /** Messages that must raise the alarm. */
  alarm: readonly string[];
  /** Everyday messages that must not. */
  quiet: readonly string[];
}

/** How many other words may stand between two words of a phrase. */
const WORDS_BETWEEN = 3;

/** A shorter stem with a free ending would catch too many unrelated words. */
const MIN_STEM = 3;

interface Step {
  /** Ids of the stems any of which may stand at this step. */
  stems: readonly number[];
  /** Nothing may stand between this word and the one before. */
  adjacent: boolean;
}

interface Phrase {
  source: string;
  steps: readonly Step[];
}

/** Every stem of every phrase, numbered once, so a message's words are looked up once each. */
class Stems {
  private readonly ids = new Map<string, number>();
  private readonly prefixLengths = new Set<number>();

  add(written: string, phrase: string): number {
    const prefix = written.endsWith("*");
    const word = prefix ? written.slice(0, -1) : written;
    const spellings = spellingsOf(word);
    if (!/^[а-яёәғқңөұүһі]+$/.test(word) || spellings.length !== 1) throw new Error(`"${written}" in "${phrase}" is not one Cyrillic word`);
    const spelling = spellings[0]!;
    if (prefix && spelling.length < MIN_STEM) throw new Error(`"${written}" in "${phrase}" is too short to end freely`);
    if (prefix) this.prefixLengths.add(spelling.length);
    const key = (prefix ? "*" : "=") + spelling;
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    this.ids.set(key, this.ids.size);
    return this.ids.size - 1;
  }

  /** Ids of the stems that one of the spellings of a word matches. */
  matching(spellings: readonly string[]): Set<number> {
    const found = new Set<number>();
    for (const spelling of spellings) {
      const whole = this.ids.get("=" + spelling);
      if (whole !== undefined) found.add(whole);
      for (const length of this.prefixLengths) {
        if (length > spelling.length) continue;
        const start = this.ids.get("*" + spelling.slice(0, length));
        if (start !== undefined) found.add(start);
      }
    }
    return found;
  }
}

function compile(source: string, stems: Stems, allAdjacent: boolean): Phrase {
  const steps: Step[] = [];
  let adjacent = false;
  for (const part of source.trim().split(/\s+/)) {
    if (part === "+") {
      adjacent = true;
      continue;
    }
    steps.push({ stems: part.split("|").map((written) => stems.add(written, source)), adjacent: steps.length > 0 && (adjacent || allAdjacent) });
    adjacent = false;
  }
  if (steps.length === 0 || adjacent) throw new Error(`"${source}" is not a phrase`);
  return { source, steps };
}

/** One message as the matcher sees it: per word, the stems it matches; set-aside words match none. */
interface Reading {
  stems: Set<number>[];
  present: Set<number>;
}

/**
 * Positions of the words each occurrence of `phrase` uses (the first occurrence only if `once`).
 * One pass over the words: a step is reached at a word when the word matches it and the previous
 * step was last reached close enough before, so the cost grows with the message's length only.
 */
function occurrences(phrase: Phrase, reading: Reading, once: boolean): number[][] {
  const { steps } = phrase;
  if (!steps.every((step) => step.stems.some((id) => reading.present.has(id)))) return [];
  const words = reading.stems.length;
  // from[s][w]: where step s-1 was reached for step s to be reached at word w; -1 not reached.
  const from = steps.map(() => new Int32Array(words).fill(-1));
  const latest = steps.map(() => -1);
  const found: number[][] = [];
  for (let w = 0; w < words; w++) {
    const here = reading.stems[w]!;
    for (let s = steps.length - 1; s >= 0; s--) {
      const step = steps[s]!;
      if (!step.stems.some((id) => here.has(id))) continue;
      if (s === 0) {
        from[0]![w] = w;
        continue;
      }
      const before = latest[s - 1]!;
      if (before >= 0 && w - before <= (step.adjacent ? 1 : WORDS_BETWEEN + 1)) from[s]![w] = before;
    }
    for (let s = 0; s < steps.length; s++) if (from[s]![w]! >= 0) latest[s] = w;
    if (from[steps.length - 1]![w]! >= 0) {
      const used = [w];
      for (let s = steps.length - 1; s > 0; s--) used.unshift(from[s]![used[0]!]!);
      found.push(used);
      if (once) return found;
    }
  }
  return found;
}

/** Finds signal phrases in messages; built once, used for every message. */
export class PhraseMatcher {
  private readonly stems = new Stems();
  private readonly signals: readonly Phrase[];
  private readonly everyday: readonly Phrase[];

  constructor(books: readonly PhraseBook[]) {
    this.signals = books.flatMap((book) => book.signals.map((source) => compile(source, this.stems, false)));
    this.everyday = books.flatMap((book) => book.everyday.map((source) => compile(source, this.stems, true)));
  }

  /** True when the text holds a signal phrase outside the everyday idioms. */
  holdsSignal(text: string): boolean {
    const reading = this.read(text);
    return this.signals.some((phrase) => occurrences(phrase, reading, true).length > 0);
  }

  /** Every signal phrase the text holds, as written in its book. */
  signalsIn(text: string): string[] {
    const reading = this.read(text);
    return this.signals.filter((phrase) => occurrences(phrase, reading, true).length > 0).map((phrase) => phrase.source);
  }

  private read(text: string): Reading {
    const stems = readWords(text).map((spellings) => this.stems.matching(spellings));
    for (const phrase of this.everyday) {
      for (const used of occurrences(phrase, { stems, present: union(stems) }, false)) {
        for (const w of used) stems[w] = new Set();
      }
    }
    return { stems, present: union(stems) };
  }
}

function union(sets: readonly Set<number>[]): Set<number> {
  const all = new Set<number>();
  for (const set of sets) for (const id of set) all.add(id);
  return all;
}
