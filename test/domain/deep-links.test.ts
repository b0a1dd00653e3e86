import { describe, expect, it } from "vitest";
import { cardOfPayload, rowIdOf } from "../../src/domain/deep-links.js";

describe("a card's deep-link payload", () => {
  it.each([
    ["event_12", { kind: "event", id: "12" }],
    ["team_3", { kind: "team", id: "3" }],
    ["center_almaly-1", { kind: "center", id: "almaly-1" }],
    ["event_", { kind: "event", id: null }],
    ["event_1.5", { kind: "event", id: null }],
    ["from_poster", null],
  ] as const)("%s reads as %j", (payload, card) => {
    expect(cardOfPayload(payload)).toEqual(card);
  });
});

describe("the row a card's id names", () => {
  it.each([
    ["1", 1],
    ["123456789012", 123456789012],
    ["0", null],
    ["012", null],
    ["-1", null],
    ["1e3", null],
    ["12abc", null],
    ["1234567890123", null],
    ["", null],
  ] as const)("%j is %j", (id, row) => {
    expect(rowIdOf(id)).toBe(row);
  });
});
