import { describe, expect, it } from "vitest";
import { signalsCrisis } from "../../src/domain/crisis.js";
import { foldKazakh } from "../../src/domain/kazakh-letters.js";

describe("crisis phrases", () => {
  it.each([
    "Я не хочу жить",
    "иногда хочется умереть...",
    "думаю покончить с собой",
    "Я РЕЖУ СЕБЯ",
    "мысли о суициде",
    "меня избивают дома",
    "Өлгім келеді",
    "өмір сүргім келмейді енді",
    "олгим келеди", // typed without Kazakh letters
    "өмір сүргiм келмейдi", // a Latin i for і
    "өзіме қол жұмсағым келеді",
  ])("recognises %j", (text) => {
    expect(signalsCrisis(text)).toBe(true);
  });

  it.each([
    "Хочу записаться к психологу",
    "убить время до консультации",
    "я чуть не умер со смеху",
    "Өлердей шаршадым",
    "Жұмыс іздеп жүрмін",
    "Сәлеметсіз бе",
    "",
  ])("does not raise an alarm for %j", (text) => {
    expect(signalsCrisis(text)).toBe(false);
  });
});

describe("folding Kazakh letters", () => {
  it("maps each Kazakh letter to the Russian letter typed in its place", () => {
    expect(foldKazakh("ӘҒҚҢӨҰҮҺІ")).toBe("агкноуухи");
    expect(foldKazakh("Ёлка, ёж!")).toBe("елка еж");
  });
});
