import { describe, expect, it } from "vitest";
import { DECK, DECK_THEMES } from "../../src/domain/practice/deck/index.js";

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
