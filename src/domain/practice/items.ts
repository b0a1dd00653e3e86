import { DECK, type DeckItem } from "./deck/index.js";

/** 1 beginner, 2 intermediate, 3 advanced: a deck item's level, and a learner's. */
export type Level = DeckItem["level"];
export const LEVELS: readonly Level[] = [1, 2, 3];

const BY_ID: ReadonlyMap<string, DeckItem> = new Map(DECK.map((item) => [item.id, item]));

/** The deck item with this id; undefined for an id the deck no longer has. */
export function deckItem(id: string): DeckItem | undefined {
  return BY_ID.get(id);
}

/**
 * The next `count` items a learner at `level` has not met yet. Items up to their level come
 * first, in theme order (the deck's order); once those run out, harder items follow level by
 * level, so the deck never runs dry.
 */
export function newItemsFor(level: Level, seen: ReadonlySet<string>, count: number): DeckItem[] {
  if (count <= 0) return [];
  const rank = (item: DeckItem) => (item.level <= level ? 0 : item.level);
  const order = DECK.map((item, index) => ({ item, index }))
    .filter(({ item }) => !seen.has(item.id))
    .sort((a, b) => rank(a.item) - rank(b.item) || a.index - b.index);
  return order.slice(0, count).map(({ item }) => item);
}
