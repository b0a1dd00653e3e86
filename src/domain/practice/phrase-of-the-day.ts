import type { LocalDate } from "../time.js";
import { DECK, type DeckItem } from "./deck/index.js";
import type { Level } from "./items.js";

/** FNV-1a: a small, stable string hash, so that a date always picks the same phrase. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The phrase of an Almaty day for a learner at `level`: the same all day, from items up to that level. */
export function phraseOfTheDay(date: LocalDate, level: Level): DeckItem {
  const candidates = DECK.filter((item) => item.level <= level);
  return candidates[hash(date) % candidates.length]!;
}
