/** One page of a list, as a screen shows it with its arrows. */
export interface Page<T> {
  items: T[];
  /** The page shown, from 0: the one asked for, or the last one when the list has shrunk since. */
  index: number;
  /** At least one, so that an empty list still has a page to say so on. */
  pages: number;
  /** How many items come before this page: its numbering starts at `offset + 1`. */
  offset: number;
}

/** Where the `page`-th run of `size` items lies in a list of `total`, for lists read a page at a time. */
export function pageAt(total: number, page: number, size: number): Omit<Page<never>, "items"> {
  const pages = Math.max(1, Math.ceil(total / size));
  const index = Math.min(Math.max(0, page), pages - 1);
  return { index, pages, offset: index * size };
}

/** The `page`-th run of `size` items of a list. */
export function pageOf<T>(items: readonly T[], page: number, size: number): Page<T> {
  const at = pageAt(items.length, page, size);
  return { items: items.slice(at.offset, at.offset + size), ...at };
}
