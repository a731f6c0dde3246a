// The error-leak standard of tools/reliability (error-leaks.test.ts) applied to what preauthorize repeats of the
// sponsor's rules: a configuration or document policy holding free text (a name, an e-mail address) where names and
// enum values belong must not bring it into OsiguPreauthorizationIncompleteError, and the request's own values never.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createOsiguClient, OsiguPreauthorizationIncompleteError, preauthorize } from './index.js';

const marker = 'Maria Gonzalez maria@example.com';
let server: Server;
let baseUrl: string;
const paths: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    paths.push(`${request.method} ${request.url?.split('?')[0]}`);
    request.resume();
    const json = (body: unknown) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (request.url === '/v1/oauth/token') return json({ access_token: 'token-1', token_type: 'bearer', expires_in: 3600 });
    if (request.url?.includes('/configuration')) {
      return json({
        sponsor_slug: 'sponsor-sandbox',
        product_type: 'MEDICATION',
        required_fields: ['professional_license_number', marker],
        authorization_types: [marker],
        verification: 'NONE',
        processing_mode: 'SYNC',
      });
    }
    if (request.url?.includes('/document-policy')) {
      return json({
        sponsor_slug: 'sponsor-sandbox',
        product_type: 'MEDICATION',
        required_file_types: [marker],
        accepted_content_types: [`application/${marker}`],
        max_file_size_bytes: 1,
      });
    }
    response.writeHead(500).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

it('repeats only code-shaped names of the sponsor’s rules, none of the request’s values, and sends nothing', async () => {
  const osigu = createOsiguClient({ clientId: 'client', clientSecret: 'secret', baseUrl });
  const error = await preauthorize(osigu, {
    beneficiaryId: 'bnf_leak_person',
    sponsorSlug: 'sponsor-sandbox',
    diagnosisCode: 'F32.9',
    products: [{ product_code: 'MED-042', product_type: 'MEDICATION', quantity: 1, posology: 'take with Maria' }],
    authorizationType: 'PRESCRIPTION',
    indication: { content: new Uint8Array(8), fileName: 'maria-gonzalez.pdf', contentType: 'text/plain' },
  }).catch((caught: unknown) => caught);

  expect(OsiguPreauthorizationIncompleteError.isInstance(error)).toBe(true);
  const incomplete = error as OsiguPreauthorizationIncompleteError;
  expect(incomplete.missingFields[0]).toBe('professional_license_number');
  expect(incomplete.missingFields).toHaveLength(2);
  expect(incomplete.maxFileSizeBytes).toBe(1);
  for (const view of [incomplete.message, String(incomplete), JSON.stringify(incomplete), inspect(incomplete), incomplete.stack ?? '']) {
    for (const secret of ['Maria', 'maria', 'example.com', 'F32.9', 'bnf_leak_person']) expect(view).not.toContain(secret);
  }
  expect(paths.filter((path) => path.startsWith('POST /arc'))).toEqual([]);
});
