import { describe, expect, it } from "vitest";
import { checkTypedAnswer, compareSpelling } from "../../../src/domain/practice/answer-check.js";
import { DECK } from "../../../src/domain/practice/deck/index.js";
import { deckItem } from "../../../src/domain/practice/items.js";

describe("comparing a typed answer with one Kazakh spelling", () => {
  it.each([
    ["сәлем", "сәлем"],
    ["сәлем", "СӘЛЕМ!"],
    ["сәлем", "  сәлем  "],
    ["сәлеметсіз бе", "Сәлеметсіз   бе?"],
    // A Latin "i" looks the same as "і"; phones without a Kazakh layout give it.
    ["сәлеметсіз бе", "сәлеметсiз бе"],
    ["іс-шара", "іс шара"],
    ["іс-шара", "Іс-шара."],
    ["қайырлы таң", "Қайырлы таң!"],
  ])("accepts %j typed as %j exactly", (expected, typed) => {
    expect(compareSpelling(expected, typed)).toEqual({ kind: "exact" });
  });

  it.each([
    ["сәлем", "салем", [["ә", "а"]]],
    ["сәлем", "САЛЕМ", [["ә", "а"]]],
    ["сәлеметсіз бе", "салеметсиз бе", [["ә", "а"], ["і", "и"]]],
    ["қайырлы таң", "кайырлы тан", [["қ", "к"], ["ң", "н"]]],
    ["іс-шара", "ис шара", [["і", "и"]]],
    // Each slip is named once, however often it occurs.
    ["көңіл-күй", "коңил-куй", [["ө", "о"], ["і", "и"], ["ү", "у"]]],
    // A Kazakh letter where the word has the Russian one is a slip too.
    ["кітап", "қітап", [["к", "қ"]]],
  ])("accepts %j typed as %j, naming the look-alike letters", (expected, typed, slips) => {
    expect(compareSpelling(expected, typed)).toEqual({
      kind: "lookalike",
      spelling: expected,
      slips: slips.map(([right, typedLetter]) => ({ right, typed: typedLetter })),
    });
  });

  it.each([
    ["сәлем", "сау бол"],
    ["сәлем", "сәлеметсіз бе"],
    ["сәлеметсіз бе", "сәлеметсіз"],
    ["сәлеметсіз бе", "сәлеметсізбе"],
    ["қайырлы таң", "қайырлы кеш"],
    ["сәлем", "салам"],
    ["сәлем", ""],
    ["сәлем", "?!"],
  ])("rejects %j typed as %j", (expected, typed) => {
    expect(compareSpelling(expected, typed)).toEqual({ kind: "wrong" });
  });
});

describe("checking a typed answer where an item's meaning is asked", () => {
  const item = (kk: string) => DECK.find((i) => i.kk === kk)!;

  it.each([
    // The deck teaches "рахмет"; the bot itself writes "рақмет".
    ["рахмет", "рақмет"],
    ["рахмет", "Рахмет!"],
    ["көп рахмет", "көп рақмет"],
    ["ассалаумағалейкум", "ассалаумағалейкүм"],
    ["келісімшарт", "келісім-шарт"],
    // A synonym answers the same meaning.
    ["сәлеметсіз бе", "амансыз ба"],
    ["сәлеметсіз бе", "ассалаумағалейкум"],
    ["амансыз ба", "сәлеметсіз бе"],
    ["кешіріңіз", "ғафу етіңіз"],
    ["сау болыңыз", "қош болыңыз"],
    ["уайымдау", "қобалжу"],
    ["ана", "шеше"],
    ["волонтер", "ерікті"],
  ])("accepts for %j the exact %j", (kk, typed) => {
    expect(checkTypedAnswer(item(kk), typed)).toEqual({ kind: "exact" });
  });

  it("names the spelling a look-alike answer was matched with", () => {
    expect(checkTypedAnswer(item("рахмет"), "ракмет")).toEqual({ kind: "lookalike", spelling: "рақмет", slips: [{ right: "қ", typed: "к" }] });
    expect(checkTypedAnswer(item("кешіріңіз"), "гафу етиниз")).toEqual({
      kind: "lookalike",
      spelling: "ғафу етіңіз",
      slips: [
        { right: "ғ", typed: "г" },
        { right: "і", typed: "и" },
        { right: "ң", typed: "н" },
      ],
    });
  });

  it("prefers the exact letters of a synonym to look-alike letters of the item's own spelling", () => {
    // "ана" typed without Kazakh letters could be nothing else; "шеше" is exact.
    expect(checkTypedAnswer(item("ана"), "шеше")).toEqual({ kind: "exact" });
    expect(checkTypedAnswer(item("рахмет"), "рақмет")).toEqual({ kind: "exact" });
  });

  it.each([
    // Close, but not the same: the note in the meaning tells them apart.
    ["немере", "жиен"],
    ["жиен", "немере"],
    ["сау бол", "сау болыңыз"],
    ["сау болыңыз", "сау бол"],
    ["өтінемін", "мархабат"],
    ["қарындас", "сіңлі"],
    ["сағыну", "жалығу"],
    ["күйеу", "жұбай"],
    ["абыржу", "уайымдау"],
    ["сәлем", "сәлеметсіз бе"],
  ])("rejects for %j the near word %j", (kk, typed) => {
    expect(checkTypedAnswer(item(kk), typed)).toEqual({ kind: "wrong" });
  });

  it("accepts every spelling of the item and of its synonyms, and nothing of another item", () => {
    for (const asked of DECK) {
      for (const other of DECK) {
        const synonym = other === asked || (asked.group !== undefined && other.group === asked.group);
        for (const spelling of [other.kk, ...(other.variants ?? [])]) {
          const verdict = checkTypedAnswer(asked, spelling).kind;
          expect(verdict, `${asked.id} typed as ${other.id} "${spelling}"`).toBe(synonym ? "exact" : "wrong");
        }
      }
    }
  });

  it("is wrong for an empty answer", () => {
    expect(checkTypedAnswer(deckItem("greetings-007")!, " ?! ")).toEqual({ kind: "wrong" });
  });
});
