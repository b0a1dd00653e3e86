import { bench, describe } from "vitest";
import { signalsCrisis } from "../../src/domain/crisis.js";

// The longest message Telegram delivers, in the shapes that cost the matcher most: Latin letters
// with many readings each, and words that start many phrases without completing one.
const LONGEST = 4096;
const MESSAGES = {
  "Cyrillic everyday text": "сегодня был обычный день, ничего особенного. ".repeat(100).slice(0, LONGEST),
  "Latin letters with several readings": "iyjiyjiyj yjiyji jiyjiyj ".repeat(200).slice(0, LONGEST),
  "phrase beginnings without endings": "меня не хочу мені әкем өлгім лучше бы ".repeat(120).slice(0, LONGEST),
};

describe("signalsCrisis on a 4,096-character message", () => {
  for (const [name, text] of Object.entries(MESSAGES)) bench(name, () => void signalsCrisis(text));
});
