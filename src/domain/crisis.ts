import { foldKazakh } from "./kazakh-letters.js";

/**
 * Phrases that clearly signal thoughts of suicide, self-harm or acute danger. Kept short and
 * explicit on purpose: a false alarm only shows help numbers, a miss can cost a life, but
 * everyday words ("убить время", "өлердей шаршадым") must not trigger it. Matched on folded
 * text, so "олгим келеди" typed without Kazakh letters matches "өлгім келеді".
 */
const PHRASES: readonly string[] = [
  // Russian
  "хочу умереть",
  "хочется умереть",
  "не хочу жить",
  "не хочется жить",
  "жить не хочу",
  "жить не хочется",
  "незачем жить",
  "нет смысла жить",
  "покончить с собой",
  "покончу с собой",
  "убить себя",
  "убью себя",
  "наложить на себя руки",
  "наложу на себя руки",
  "суицид",
  "самоубийств",
  "порезать себя",
  "режу себя",
  "порезала себя",
  "порезал себя",
  "причиняю себе боль",
  "спрыгнуть с крыши",
  "прыгнуть с крыши",
  "выпрыгнуть из окна",
  "повеситься",
  "меня избивают",
  "меня насилуют",
  "меня изнасиловали",
  // Kazakh
  "өлгім келеді",
  "өлгім келіп тұр",
  "өмір сүргім келмейді",
  "тірі жүргім келмейді",
  "өмір сүрудің мәні жоқ",
  "өзімді өлтіргім келеді",
  "өзімді өлтіремін",
  "өзіме қол жұмсағым келеді",
  "өзіме қол жұмсаймын",
  "асылып өлгім келеді",
  "асылып өлемін",
  "өзіме зиян келтіремін",
  "терезеден секіргім келеді",
  "шатырдан секіргім келеді",
  "мені ұрып жатыр",
  "мені зорлады",
];

const FOLDED = PHRASES.map(foldKazakh);

/** True when the text contains one of the crisis phrases. */
export function signalsCrisis(text: string): boolean {
  const folded = " " + foldKazakh(text) + " ";
  return FOLDED.some((phrase) => folded.includes(" " + phrase));
}
