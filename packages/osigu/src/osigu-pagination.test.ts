import { unwrap } from '@coverlink/core';
import { recordingFetch } from '@coverlink/mocks';
import { expect, inject, it } from 'vitest';
import { createOsiguClient, paginateOsigu } from './index.js';

it('iterates every provider product across OSIGU pages served by Prism, then stops', async () => {
  // Prism answers page 0 with its first example (page 0 of 2); page 1 is picked by name.
  const recorder = recordingFetch((path, _attempt, url) =>
    path === '/arc/v1/providers/products' && url.searchParams.get('page') === '1' ? 'example=secondOfTwoPages' : undefined,
  );
  const osigu = createOsiguClient({ clientId: 'client', clientSecret: 'secret', baseUrl: inject('osiguMockUrl'), fetch: recorder.fetch });

  const codes: string[] = [];
  for await (const product of paginateOsigu((page) =>
    osigu.GET('/arc/v1/providers/products', { params: { query: { page, size: 2 } } }).then(unwrap),
  )) {
    codes.push(product.product_code);
  }

  expect(codes).toEqual(['MED-042', 'LAB-010', 'IMG-300']);
  const pages = recorder.wire.filter((record) => record.path === '/arc/v1/providers/products');
  expect(pages.map((record) => record.status)).toEqual([200, 200]);
});
