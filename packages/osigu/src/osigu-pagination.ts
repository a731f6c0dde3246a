import { pageNumberPagination, paginate } from '@coverlink/core';

/** The shape of every OSIGU list response (D-pagination): items in `content`, counts in `page`. */
export interface OsiguPage<Item> {
  content: readonly Item[];
  page: { total_pages?: number | undefined };
}

/**
 * Every item of an OSIGU list, page after page, for `for await`: `page` (0-based) goes into the
 * query, `content` and `page.total_pages` come back. Built on `@coverlink/core`'s `paginate()`.
 *
 * @param fetchPage Reads one page; throw (through `unwrap`) on failure.
 * @example
 * ```ts
 * for await (const product of paginateOsigu((page) =>
 *   osigu.GET('/arc/v1/providers/products', { params: { query: { page, size: 50 } } }).then(unwrap),
 * )) console.log(product.product_code);
 * ```
 */
export function paginateOsigu<Page extends OsiguPage<unknown>>(
  fetchPage: (page: number) => Promise<Page>,
): AsyncGenerator<Page['content'][number], void, undefined> {
  return paginate(
    (page) => fetchPage(page ?? 0),
    pageNumberPagination<Page, Page['content'][number]>({
      items: (page) => page.content,
      totalPages: (page) => page.page.total_pages,
      firstPage: 0,
    }),
  );
}
