import { foldKazakh, normalizeKazakh } from "../kazakh-letters.js";
import { DECK, type DeckItem } from "./deck/index.js";

/** The item's own spellings: its Kazakh, then its variants. */
function spellingsOf(item: DeckItem): string[] {
  return [item.kk, ...(item.variants ?? [])];
}

/**
 * The item's meanings as compared: the Russian split on "," and ";", notes in parentheses left
 * out, so that "до свидания (вежливо)" and "пока, до свидания (на «ты»)" share "до свидания".
 */
export function meaningsOf(item: DeckItem): string[] {
  return item.ru
    .replace(/\([^)]*\)/g, " ")
    .split(/[,;]/)
    .map(normalizeKazakh)
    .filter((meaning) => meaning.length > 0);
}

const BY_GROUP: ReadonlyMap<string, readonly DeckItem[]> = DECK.reduce((groups, item) => {
  if (item.group !== undefined) groups.set(item.group, [...(groups.get(item.group) ?? []), item]);
  return groups;
}, new Map<string, DeckItem[]>());

/** Every spelling that is right where the item's meaning is asked: its own first, then its synonyms'. */
export function acceptedSpellings(item: DeckItem): string[] {
  const synonyms = item.group === undefined ? [] : (BY_GROUP.get(item.group) ?? []).filter((other) => other !== item);
  return [item, ...synonyms].flatMap(spellingsOf);
}

const CONFUSABLE_PAIRS: ReadonlySet<string> = new Set(
  DECK.flatMap((item) => (item.confusableWith ?? []).flatMap((id) => [`${item.id} ${id}`, `${id} ${item.id}`])),
);

interface Compared {
  meanings: readonly string[];
  folded: readonly string[];
}

const compared = (item: DeckItem): Compared => ({ meanings: meaningsOf(item), folded: spellingsOf(item).map(foldKazakh) });

// Questions are drawn at every session start; what `confusable` compares is worked out once.
const COMPARED: ReadonlyMap<DeckItem, Compared> = new Map(DECK.map((item) => [item, compared(item)]));

/**
 * Whether two different items must never be options of one question, because either could be
 * taken for the right answer where the other is asked: synonyms, declared confusable, a meaning
 * in common (Kazakh→Russian) or a spelling in common up to look-alike letters (Russian→Kazakh).
 */
export function confusable(a: DeckItem, b: DeckItem): boolean {
  if (a.group !== undefined && a.group === b.group) return true;
  if (CONFUSABLE_PAIRS.has(`${a.id} ${b.id}`)) return true;
  const ours = COMPARED.get(a) ?? compared(a);
  const theirs = COMPARED.get(b) ?? compared(b);
  return ours.meanings.some((m) => theirs.meanings.includes(m)) || ours.folded.some((s) => theirs.folded.includes(s));
}
