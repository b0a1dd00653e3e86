import { describe, expect, it } from "vitest";
import { foldKazakh, normalizeKazakh } from "../../src/domain/kazakh-letters.js";
import { DECK, DECK_THEMES } from "../../src/domain/practice/deck/index.js";
import { meaningsOf } from "../../src/domain/practice/synonyms.js";

/** Russian Cyrillic plus the Kazakh letters, digits, spaces and punctuation; nothing Latin. */
const KAZAKH_TEXT = /^[а-яёәғқңөұүһі0-9 .,!?:;«»"'()\-–—…]+$/u;

describe("Kazakh learning deck", () => {
  it("has at least 300 items", () => {
    expect(DECK.length).toBeGreaterThanOrEqual(300);
  });

  it("has unique ids of the form <theme>-NNN matching the item's theme", () => {
    const ids = new Set<string>();
    for (const item of DECK) {
      expect(ids.has(item.id), `duplicate id ${item.id}`).toBe(false);
      ids.add(item.id);
      expect(item.id, item.id).toMatch(/^[a-z]+(?:-[a-z]+)*-\d{3}$/);
      expect(item.id.slice(0, -4), item.id).toBe(item.theme);
      expect(DECK_THEMES).toContain(item.theme);
    }
  });

  it("has at least 40 items in every theme", () => {
    for (const theme of DECK_THEMES) {
      const count = DECK.filter((item) => item.theme === theme).length;
      expect(count, theme).toBeGreaterThanOrEqual(40);
    }
  });

  it("has no duplicate Kazakh entries", () => {
    const seen = new Map<string, string>();
    for (const item of DECK) {
      const key = item.kk.toLocaleLowerCase("kk");
      expect(seen.get(key), `"${item.kk}" in ${item.id} and ${seen.get(key)}`).toBeUndefined();
      seen.set(key, item.id);
    }
  });

  it("writes Kazakh fields in Cyrillic only, non-empty and trimmed", () => {
    for (const item of DECK) {
      for (const text of [item.kk, item.exampleKk]) {
        expect(text.length, item.id).toBeGreaterThan(0);
        expect(text, item.id).toBe(text.trim());
        expect(text, item.id).not.toMatch(/[A-Za-z]/);
        expect(text.toLocaleLowerCase("kk"), `${item.id}: ${text}`).toMatch(KAZAKH_TEXT);
      }
    }
  });

  it("writes variants like kk: Kazakh, trimmed, without a final period, each a spelling of its own", () => {
    for (const item of DECK.filter((i) => i.variants !== undefined)) {
      expect(item.variants!.length, item.id).toBeGreaterThan(0);
      const spellings = [item.kk, ...item.variants!].map(normalizeKazakh);
      expect(new Set(spellings).size, `${item.id}: ${spellings.join(" / ")}`).toBe(spellings.length);
      for (const variant of item.variants!) {
        expect(variant, item.id).toBe(variant.trim());
        expect(variant.toLocaleLowerCase("kk"), `${item.id}: ${variant}`).toMatch(KAZAKH_TEXT);
        expect(variant, item.id).not.toMatch(/[A-Za-z]|[.!]$/);
      }
    }
  });

  it("lists no variant that is just the Russian meaning typed back", () => {
    for (const item of DECK.filter((i) => i.variants !== undefined)) {
      const meanings = meaningsOf(item).map(foldKazakh);
      for (const variant of item.variants!) expect(meanings, `${item.id}: ${variant}`).not.toContain(foldKazakh(variant));
    }
  });

  it("spells no two items alike, variants included, even with look-alike letters folded", () => {
    const seen = new Map<string, string>();
    for (const item of DECK) {
      for (const spelling of new Set([item.kk, ...(item.variants ?? [])].map(foldKazakh))) {
        expect(seen.get(spelling), `"${spelling}" in ${item.id} and ${seen.get(spelling)}`).toBeUndefined();
        seen.set(spelling, item.id);
      }
    }
  });

  it("names synonym groups that hold at least two items", () => {
    const groups = new Map<string, string[]>();
    for (const item of DECK.filter((i) => i.group !== undefined)) {
      expect(item.group, item.id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      groups.set(item.group!, [...(groups.get(item.group!) ?? []), item.id]);
    }
    for (const [group, ids] of groups) expect(ids.length, `${group}: ${ids.join(", ")}`).toBeGreaterThanOrEqual(2);
  });

  it("declares confusable only other items that exist and are no synonyms", () => {
    const byId = new Map(DECK.map((item) => [item.id, item]));
    for (const item of DECK.filter((i) => i.confusableWith !== undefined)) {
      expect(new Set(item.confusableWith).size, item.id).toBe(item.confusableWith!.length);
      for (const id of item.confusableWith!) {
        const other = byId.get(id);
        expect(other, `${item.id} → ${id}`).toBeDefined();
        expect(other, item.id).not.toBe(item);
        if (item.group !== undefined) expect(other!.group, `${item.id} → ${id}`).not.toBe(item.group);
      }
    }
  });

  it("writes the Russian as meanings with notes in balanced, unnested parentheses", () => {
    for (const item of DECK) {
      expect(item.ru, item.id).toMatch(/^[^()]*(?:\([^()]+\)[^()]*)*$/);
      expect(meaningsOf(item).length, item.id).toBeGreaterThan(0);
      // A meaning is never empty: no doubled or trailing separators.
      expect(item.ru.replace(/\([^)]*\)/g, "").split(/[,;]/).every((m) => m.trim().length > 0), item.id).toBe(true);
    }
  });

  it("writes kk as a dictionary entry, without a final period", () => {
    for (const item of DECK) {
      expect(item.kk, item.id).not.toMatch(/[.!]$/);
    }
  });

  it("fills in the Russian fields and a valid level", () => {
    for (const item of DECK) {
      expect(item.ru.trim().length, item.id).toBeGreaterThan(0);
      expect(item.exampleRu.trim().length, item.id).toBeGreaterThan(0);
      expect([1, 2, 3]).toContain(item.level);
    }
  });
});
