import { describe, expect, it } from "vitest";
import { pageOf } from "../../src/domain/paging.js";

const TEN = Array.from({ length: 10 }, (_, i) => i + 1);

describe("pageOf", () => {
  it.each([
    { items: TEN, page: 0, size: 4, expected: { items: [1, 2, 3, 4], index: 0, pages: 3, offset: 0 } },
    { items: TEN, page: 1, size: 4, expected: { items: [5, 6, 7, 8], index: 1, pages: 3, offset: 4 } },
    { items: TEN, page: 2, size: 4, expected: { items: [9, 10], index: 2, pages: 3, offset: 8 } },
    // A page beyond the end (the list shrank since its button was made) shows the last one.
    { items: TEN, page: 7, size: 4, expected: { items: [9, 10], index: 2, pages: 3, offset: 8 } },
    { items: TEN, page: -1, size: 4, expected: { items: [1, 2, 3, 4], index: 0, pages: 3, offset: 0 } },
    { items: TEN, page: 0, size: 10, expected: { items: TEN, index: 0, pages: 1, offset: 0 } },
    { items: [], page: 3, size: 8, expected: { items: [], index: 0, pages: 1, offset: 0 } },
  ])("page $page of $items.length items, $size a page", ({ items, page, size, expected }) => {
    expect(pageOf(items, page, size)).toEqual(expected);
  });
});
