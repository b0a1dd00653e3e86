import { describe, expect, it } from "vitest";
// Loading the bot loads every feature, and with them every codec of its buttons.
import "../../src/bot/index.js";
import {
  MAX_CALLBACK_BYTES,
  namespaceOf,
  registeredCallbacks,
  screenNamespaces,
  type CallbackCodec,
} from "../../src/bot/shared/callback-data.js";

/** The codec's fields, each at its longest value. */
function longestValues(codec: CallbackCodec): Record<string, unknown> {
  return Object.fromEntries(Object.entries(codec.fields).map(([name, field]) => [name, field.longest]));
}

const pack = (codec: CallbackCodec, values: Record<string, unknown>) => (codec.pack as (v: unknown) => string)(values);

describe("the registry of buttons", () => {
  const codecs = registeredCallbacks();

  it("knows the buttons of every feature", () => {
    const prefixes = codecs.map((c) => c.prefix);
    for (const prefix of ["menu", "menu:open", "signup", "su-lang", "cs-time", "rs-alt", "mybk:cancel", "rem:coming", "fb", "fb-comment", "tt:s", "tt:mark"]) {
      expect(prefixes).toContain(prefix);
    }
    for (const prefix of ["practice:pace", "pr", "pl", "nudge:set", "profile:set-district", "privacy:erase:yes", "centers:center", "staff:mark", "staff-inv:c", "stb-end"]) {
      expect(prefixes).toContain(prefix);
    }
  });

  it("has each prefix once", () => {
    const prefixes = codecs.map((c) => c.prefix);
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });

  it("packs every button with its longest values within Telegram's 64 bytes, and reads them back", () => {
    for (const codec of codecs) {
      const values = longestValues(codec);
      const data = pack(codec, values);
      expect(Buffer.byteLength(data, "utf8"), data).toBeLessThanOrEqual(MAX_CALLBACK_BYTES);
      expect(codec.match(data), data).toEqual(values);
    }
  });

  it("reads each button's data by its own codec alone", () => {
    for (const codec of codecs) {
      const data = pack(codec, longestValues(codec));
      expect(codecs.filter((other) => other.match(data) !== null).map((c) => c.prefix), data).toEqual([codec.prefix]);
    }
  });

  it("keeps the screens' first words apart from the flows' steps", () => {
    const steps = new Set(codecs.filter((c) => !c.screen).map((c) => namespaceOf(c.prefix)));
    expect([...screenNamespaces()].filter((n) => steps.has(n))).toEqual([]);
  });

  it("derives the screens that a press leaves a flow for, the same as the buttons already in people's chats", () => {
    expect([...screenNamespaces()].sort()).toEqual(
      ["adm", "adm-csv", "card", "cat", "card-admin", "centers", "ev", "evadm", "fb", "fig", "menu", "mybk", "nudge", "practice", "privacy", "profile", "rem", "share", "signup", "staff", "staff-inv", "teams", "tmadm", "tt"].sort(),
    );
  });
});
