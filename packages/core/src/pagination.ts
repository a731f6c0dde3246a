/**
 * How one list operation pages: given the page just read, where the next one starts (a cursor, a
 * page number or a link), or `undefined` when it was the last.
 */
export interface PaginationStyle<Page, Item, Position> {
  /** Where the first page starts; `undefined` means "no position parameter". */
  first: Position | undefined;
  /** The items of a page. */
  items(page: Page): readonly Item[];
  /** Where the page after `page` starts, or `undefined` after the last page. */
  next(page: Page, position: Position | undefined): Position | undefined;
}

/**
 * Cursor paging: the response names the cursor of the next page (OneAssure's `end_cursor`, sent
 * back as `next`). Stops when the cursor is missing or empty; `paginate()` also stops at any cursor it saw before.
 */
export function cursorPagination<Page, Item>(style: {
  items: (page: Page) => readonly Item[];
  nextCursor: (page: Page) => string | null | undefined;
}): PaginationStyle<Page, Item, string> {
  return {
    first: undefined,
    items: style.items,
    next(page, position) {
      const cursor = style.nextCursor(page);
      return cursor === null || cursor === undefined || cursor === '' || cursor === position ? undefined : cursor;
    },
  };
}

/**
 * Page-number paging: pages are numbered from `firstPage` (OSIGU's `page`, 0-based, with
 * `page.total_pages` in the response). Stops after the last page, or at an empty page.
 */
export function pageNumberPagination<Page, Item>(style: {
  items: (page: Page) => readonly Item[];
  totalPages: (page: Page) => number | undefined;
  firstPage?: number;
}): PaginationStyle<Page, Item, number> {
  const firstPage = style.firstPage ?? 0;
  return {
    first: firstPage,
    items: style.items,
    next(page, position) {
      const current = position ?? firstPage;
      const total = style.totalPages(page);
      if (style.items(page).length === 0) return undefined;
      if (total !== undefined && current - firstPage + 1 >= total) return undefined;
      return current + 1;
    },
  };
}

/** Next-link paging: the response carries the URL (or path) of the next page, as HATEOAS `links` do. */
export function nextLinkPagination<Page, Item>(style: {
  items: (page: Page) => readonly Item[];
  nextLink: (page: Page) => string | null | undefined;
}): PaginationStyle<Page, Item, string> {
  return cursorPagination({ items: style.items, nextCursor: style.nextLink });
}

/**
 * Every item of a paged list, fetched lazily page by page, for `for await`.
 *
 * @param fetchPage Reads the page at a position (throw, for instance through `unwrap`, on failure).
 * @param style How the operation pages: {@link cursorPagination}, {@link pageNumberPagination} or {@link nextLinkPagination}.
 * @param options.maxPages A guard against a server that never stops. Default 10 000.
 *
 * @example
 * ```ts
 * for await (const product of paginate(
 *   (page) => client.GET('/arc/v1/providers/products', { params: { query: { page } } }).then(unwrap),
 *   pageNumberPagination({ items: (page) => page.content, totalPages: (page) => page.page.total_pages }),
 * )) console.log(product.product_code);
 * ```
 */
export async function* paginate<Page, Item, Position>(
  fetchPage: (position: Position | undefined) => Promise<Page>,
  style: PaginationStyle<Page, Item, Position>,
  options: { maxPages?: number } = {},
): AsyncGenerator<Item, void, undefined> {
  const maxPages = options.maxPages ?? 10_000;
  let position = style.first;
  // A position seen before means the server pointed back at a page already read: stop, do not loop.
  const seen = new Set<Position | undefined>([position]);
  for (let pages = 0; pages < maxPages; pages++) {
    const page = await fetchPage(position);
    yield* style.items(page);
    const next = style.next(page, position);
    if (next === undefined || seen.has(next)) return;
    seen.add(next);
    position = next;
  }
  throw new RangeError(
    `paginate() stopped after ${maxPages} pages: the server kept returning a next page. Raise maxPages if that is expected.`,
  );
}
