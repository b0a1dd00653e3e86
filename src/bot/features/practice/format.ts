import type { DeckItem } from "../../../domain/practice/deck/index.js";
import type { Level } from "../../../domain/practice/items.js";
import { escapeHtml } from "../../shared/format.js";

/** A translator: ctx.t, or the one a notice renderer gets. */
export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** An item as HTML: the Kazakh, its Russian meaning and the example with its translation. */
export function itemBlock(t: Translate, item: DeckItem): string {
  return t("practice-item", {
    kk: escapeHtml(item.kk),
    ru: escapeHtml(item.ru),
    exampleKk: escapeHtml(item.exampleKk),
    exampleRu: escapeHtml(item.exampleRu),
  });
}

export function levelName(t: Translate, level: Level): string {
  return t(`practice-level-${level}`);
}

/** The phrase of the day, as the daily nudge shows it (HTML). */
export function phraseOfTheDayText(t: Translate, item: DeckItem): string {
  return t("practice-phrase-of-the-day", { item: itemBlock(t, item) });
}
