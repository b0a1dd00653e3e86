import { describe, expect, it } from "vitest";
import { checkTypedAnswer } from "../../../src/domain/practice/answer-check.js";

describe("checking a typed Kazakh answer", () => {
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
    expect(checkTypedAnswer(expected, typed)).toEqual({ kind: "exact" });
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
    expect(checkTypedAnswer(expected, typed)).toEqual({
      kind: "lookalike",
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
    expect(checkTypedAnswer(expected, typed)).toEqual({ kind: "wrong" });
  });
});
