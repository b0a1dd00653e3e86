import { describe, expect, it } from "vitest";
import { rowIdOf } from "../../src/domain/deep-links.js";

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
