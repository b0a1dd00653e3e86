import { describe, expect, it } from "vitest";
import { signalsCrisis } from "../../src/domain/crisis.js";
import { KK } from "../../src/domain/crisis/kk.js";
import { PhraseMatcher, type PhraseBook } from "../../src/domain/crisis/phrase-matcher.js";
import { RU } from "../../src/domain/crisis/ru.js";
import { readWords } from "../../src/domain/crisis/spelling.js";
import { foldKazakh } from "../../src/domain/kazakh-letters.js";

const BOOKS: Record<string, PhraseBook> = { ru: RU, kk: KK };
const alarms = Object.values(BOOKS).flatMap((book) => book.alarm);
const quiets = Object.values(BOOKS).flatMap((book) => book.quiet);

describe("crisis phrase books", () => {
  it("hold enough examples of both kinds", () => {
    expect(alarms.length).toBeGreaterThanOrEqual(100);
    expect(quiets.length).toBeGreaterThanOrEqual(60);
    for (const book of Object.values(BOOKS)) {
      expect(book.alarm.length).toBeGreaterThan(0);
      expect(book.quiet.length).toBeGreaterThan(0);
    }
  });

  it("raise the alarm for every crisis example and stay quiet for every everyday one", () => {
    const missed = alarms.filter((text) => !signalsCrisis(text));
    const falseAlarms = quiets.filter((text) => signalsCrisis(text));
    const recall = ((alarms.length - missed.length) / alarms.length) * 100;
    console.log(
      `crisis phrases: recall ${recall.toFixed(1)}% (${alarms.length - missed.length}/${alarms.length}), ` +
        `false alarms ${falseAlarms.length}/${quiets.length}`,
    );
    expect(missed).toEqual([]);
    expect(falseAlarms).toEqual([]);
  });

  it("use every signal phrase in at least one example, so none is untested", () => {
    for (const [language, book] of Object.entries(BOOKS)) {
      const matcher = new PhraseMatcher([book]);
      const used = new Set(book.alarm.flatMap((text) => matcher.signalsIn(text)));
      expect(book.signals.filter((phrase) => !used.has(phrase)), language).toEqual([]);
    }
  });
});

describe("crisis matching", () => {
  it("tolerates words in between, but not many", () => {
    expect(signalsCrisis("я не хочу вообще больше так жить")).toBe(true);
    expect(signalsCrisis("не хочу идти в эту школу, жить там тяжело")).toBe(false);
  });

  it("finds a phrase anywhere in a long message", () => {
    const filler = "сегодня был обычный день, ничего особенного. ".repeat(90);
    expect(filler.length).toBeGreaterThan(4000);
    expect(signalsCrisis(filler)).toBe(false);
    expect(signalsCrisis(filler + "но я больше не хочу жить")).toBe(true);
    expect(signalsCrisis("өлгім келеді. " + filler)).toBe(true);
  });

  it("sets aside only the words of an everyday idiom, not the whole message", () => {
    expect(signalsCrisis("меня бьёт дрожь")).toBe(false);
    expect(signalsCrisis("меня бьёт дрожь, потому что отчим бьёт маму")).toBe(true);
    expect(signalsCrisis("Ағам добын ұрады, ал әкем мені ұрады")).toBe(true);
  });

  it("refuses a phrase book with a stem short enough to catch unrelated words", () => {
    const book: PhraseBook = { signals: ["бь* меня"], everyday: [], alarm: [], quiet: [] };
    expect(() => new PhraseMatcher([book])).toThrow(/too short/);
    expect(() => new PhraseMatcher([{ ...book, signals: ["hochu умереть"] }])).toThrow(/Cyrillic/);
  });
});

describe("reading words however they are typed", () => {
  it.each([
    ["Жиииить", "жить"],
    ["ХОЧУ", "hochu"],
    ["хочу", "xochu"],
    ["хочу", "ho4u"],
    ["бьют", "b'yut"],
    ["бьют", "bjut"],
    ["меня", "menja"],
    ["меня", "menia"],
    ["суицид", "suicid"],
    ["өлгім", "olgim"],
    ["өлгім", "ölgim"],
    ["өлгім", "o'lgim"],
    ["ұрады", "urady"],
    ["ұрады", "uradi"],
    ["жұмсағым", "zhumsagym"],
    ["жұмсағым", "jumsağym"],
    ["сүргім", "сүргiм"],
  ])("reads %j and %j alike", (written, typed) => {
    const [expected] = readWords(written)[0]!;
    expect(readWords(typed)[0]).toContain(expected);
  });

  it("splits on punctuation and hyphens and keeps numbers as words", () => {
    expect(readWords("Өзін-өзі, 9 этаж!").map((spellings) => spellings[0])).toEqual(["озин", "ози", "9", "етаж"]);
  });
});

describe("folding Kazakh letters", () => {
  it("maps each Kazakh letter to the Russian letter typed in its place", () => {
    expect(foldKazakh("ӘҒҚҢӨҰҮҺІ")).toBe("агкноуухи");
    expect(foldKazakh("Ёлка, ёж!")).toBe("елка еж");
  });
});
