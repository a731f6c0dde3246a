import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type MockName, mockDefinition, type RunningMock, startMock } from '@coverlink/mocks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compareWithSpec } from './spec-comparison.js';

// Every request body a spec declares is closed, so a misspelled field fails in Prism and in the
// Pact comparison instead of being dropped on the way to the provider. Each case sends an
// operation's first documented example once as documented (it must pass, or the check proves
// nothing) and once with one extra, misspelled property at one object of the body (it must fail).

/** Objects in a body that are open on purpose, as `operationId:path` (`` for the body itself). */
const openByDesign = new Set([
  // Fields vary per sponsor (listSponsorForms), so any string property is allowed.
  'searchBeneficiary:',
  // Maps keyed by labour type and free-form metadata (HC-T:Authority, HC-T:Job).
  'createQuote:rates',
  'createQuote:metadata',
  'createQuote:items.0.metadata',
]);

interface BodyCase {
  operationId: string;
  method: string;
  path: string;
  mediaType: string;
  /** The first success status the operation declares (the comparator checks request bodies only of successful interactions). */
  successStatus: number;
  example: Record<string, unknown>;
  headers: Record<string, string>;
}

type Node = Record<string, unknown>;
const isObject = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);

async function bodyCases(provider: MockName): Promise<BodyCase[]> {
  const spec = parse(await readFile(mockDefinition(provider).specPath, 'utf8')) as { paths: Record<string, Record<string, Node>> };
  const cases: BodyCase[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const content = isObject(operation.requestBody) && isObject(operation.requestBody.content) ? operation.requestBody.content : {};
      for (const [mediaType, media] of Object.entries(content)) {
        // A multipart body's file part cannot be written as JSON example data; its schema is closed all the same.
        if (mediaType === 'multipart/form-data' || !isObject(media) || !isObject(media.examples)) continue;
        const first = Object.values(media.examples)[0];
        if (!isObject(first) || !isObject(first.value)) continue;
        // The token endpoints authenticate with HTTP Basic, the rest with a bearer token.
        const basic = Array.isArray(operation.security) && operation.security.some((entry) => isObject(entry) && 'clientBasic' in entry);
        const successStatus = Number(
          Object.keys(isObject(operation.responses) ? operation.responses : {}).find((status) => /^2\d\d$/.test(status)),
        );
        cases.push({
          operationId: String(operation.operationId),
          successStatus,
          method: method.toUpperCase(),
          path: path.replaceAll(/\{[^}]+\}/g, 'contract-id'),
          mediaType,
          example: first.value,
          headers: { authorization: basic ? `Basic ${btoa('client:secret')}` : 'Bearer contract-token', 'content-type': mediaType },
        });
      }
    }
  }
  return cases;
}

/** Every object in a body, by its dotted path (`` for the body itself). */
function objectPaths(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => objectPaths(item, path === '' ? `${index}` : `${path}.${index}`));
  if (!isObject(value)) return [];
  return [path, ...Object.entries(value).flatMap(([key, child]) => objectPaths(child, path === '' ? key : `${path}.${key}`))];
}

/** A copy of the body where the object at `path` also carries a misspelling of its first property, with that property's value. */
function withMisspelling(body: Node, path: string): Node {
  const copy = structuredClone(body);
  const target = path === '' ? copy : (path.split('.').reduce<unknown>((node, key) => (node as Node)[key], copy) as Node);
  const [first = 'field'] = Object.keys(target);
  target[`${first}_misspelled`] = structuredClone(target[first] ?? 'x');
  return copy;
}

function encode(body: Node, mediaType: string): string {
  return mediaType === 'application/x-www-form-urlencoded'
    ? new URLSearchParams(body as Record<string, string>).toString()
    : JSON.stringify(body);
}

/** The comparator's findings about the request body of one interaction sending `body`. */
async function requestBodyFindings(provider: MockName, bodyCase: BodyCase, body: Node, folder: string): Promise<string[]> {
  const form = bodyCase.mediaType === 'application/x-www-form-urlencoded';
  const pact = {
    consumer: { name: 'closed-bodies' },
    provider: { name: provider },
    metadata: { pactSpecification: { version: '4.0' } },
    interactions: [
      {
        type: 'Synchronous/HTTP',
        description: bodyCase.operationId,
        request: {
          method: bodyCase.method,
          path: bodyCase.path,
          headers: { 'Content-Type': [bodyCase.mediaType], Authorization: [bodyCase.headers.authorization] },
          body: { content: form ? encode(body, bodyCase.mediaType) : body, contentType: bodyCase.mediaType, encoded: false },
        },
        response: { status: bodyCase.successStatus },
      },
    ],
  };
  const file = join(folder, `${provider}-${bodyCase.operationId}.json`);
  await writeFile(file, JSON.stringify(pact));
  const findings = await compareWithSpec([file], mockDefinition(provider).specPath);
  return findings
    .filter((finding) => finding.type === 'error' && finding.code.startsWith('request.body'))
    .map((finding) => finding.message);
}

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'closed-bodies-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe.each(['osigu', 'oneassure', 'helloclaims'] as const)('request bodies of specs/%s', (provider) => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock(provider, { port: 0 });
  });
  afterAll(async () => {
    await mock.stop();
  });

  const send = (bodyCase: BodyCase, body: Node) =>
    fetch(new URL(bodyCase.path, mock.url), { method: bodyCase.method, headers: bodyCase.headers, body: encode(body, bodyCase.mediaType) });

  it('accept their documented examples and refuse a misspelled property at every closed object', async () => {
    const cases = await bodyCases(provider);
    expect(cases.length).toBeGreaterThan(0);
    let refused = 0;
    for (const bodyCase of cases) {
      const asDocumented = await send(bodyCase, bodyCase.example);
      expect(asDocumented.status, `${bodyCase.operationId} as documented`).toBeLessThan(300);
      expect(await requestBodyFindings(provider, bodyCase, bodyCase.example, folder), `${bodyCase.operationId} as documented`).toEqual([]);

      for (const path of objectPaths(bodyCase.example)) {
        const where = `${bodyCase.operationId}:${path}`;
        const misspelled = withMisspelling(bodyCase.example, path);
        const answer = await send(bodyCase, misspelled);
        const findings = await requestBodyFindings(provider, bodyCase, misspelled, folder);
        if (openByDesign.has(where)) {
          expect(answer.status, where).toBeLessThan(300);
          expect(findings, where).toEqual([]);
          continue;
        }
        // Prism decodes a form body into the declared fields only, so an undeclared form field never
        // reaches its validator: for the token endpoints' form bodies the comparator is the check.
        if (bodyCase.mediaType !== 'application/x-www-form-urlencoded') {
          expect([400, 422], `${where}: Prism answered ${answer.status}`).toContain(answer.status);
        }
        expect(findings.length, `${where}: the comparator found nothing`).toBeGreaterThan(0);
        refused += 1;
      }
    }
    expect(refused).toBeGreaterThan(0);
  });
});
