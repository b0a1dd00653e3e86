import { createRequire } from "node:module";
import { describe, expect, it, vi } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";

/** The language negotiation the i18n plugin uses, as the plugin itself loads it. */
const langneg = createRequire(createRequire(import.meta.url).resolve("@grammyjs/i18n"))("@fluent/langneg") as {
  negotiateLanguages: (...args: unknown[]) => string[];
};

describe("texts", () => {
  it("are formatted in each language as before, each language's bundles negotiated once however many texts", () => {
    const negotiate = vi.spyOn(langneg, "negotiateLanguages");
    try {
      const i18n = createI18n();
      const texts = () => ["kk", "ru", "en"].map((locale) => i18n.t(locale, "unknown-message"));
      const first = texts();
      for (let i = 0; i < 50; i++) expect(texts()).toEqual(first);
      // Kazakh and Russian each their own; a language the bot does not speak gets Russian, its default.
      expect(new Set(first).size).toBe(2);
      expect(first[2]).toBe(first[1]);
      expect(negotiate).toHaveBeenCalledTimes(3);
    } finally {
      negotiate.mockRestore();
    }
  });
});
