import { inspect } from 'node:util';
import { CoverlinkError, unwrap } from '@coverlink/core';
import { recordingFetch } from '@coverlink/mocks';
import { recordingLogger, rejectionOf } from '@coverlink/test-kit';
import { expect, inject, it } from 'vitest';
import { createOsiguClient } from './index.js';

const clientSecret = 'osigu-logging-secret-4c1f';
const documentNumber = '987654321';

it('logs one redacted entry per attempt and keeps secrets, tokens and personal data out of logs and errors', async () => {
  const { logger, calls } = recordingLogger();
  const recorder = recordingFetch((path) => (path.endsWith('/search') ? 'code=404' : undefined));
  const osigu = createOsiguClient({ clientId: 'client', clientSecret, baseUrl: inject('osiguMockUrl'), fetch: recorder.fetch, logger });

  const error = await rejectionOf(
    osigu
      .POST('/v1/sponsors/{sponsor_slug}/search', {
        params: { path: { sponsor_slug: 'sponsor-sandbox' } },
        body: { document_type: 'CC', document_number: documentNumber, first_name: 'MARIA', email: 'maria@example.com' },
      })
      .then(unwrap),
  );

  expect(CoverlinkError.isInstance(error)).toBe(true);
  expect(calls).toEqual([
    // The token request goes through the same pipeline, so it is logged the same way, under its path.
    {
      level: 'info',
      args: [
        { provider: 'OSIGU', method: 'POST', path: '/v1/oauth/token', attempt: 1, status: 200, durationMs: expect.any(Number) },
        'OSIGU POST /v1/oauth/token',
      ],
    },
    {
      level: 'info',
      args: [
        {
          provider: 'OSIGU',
          method: 'POST',
          path: '/v1/sponsors/{sponsor_slug}/search',
          attempt: 1,
          status: 404,
          durationMs: expect.any(Number),
        },
        'OSIGU POST /v1/sponsors/{sponsor_slug}/search',
      ],
    },
  ]);
  const token = recorder.wire[1]?.headers.get('authorization')?.replace('Bearer ', '') ?? '';
  expect(token.length).toBeGreaterThan(10);
  const renderings = [
    ...calls.map((call) => inspect(call.args, { depth: 10 })),
    String(error),
    JSON.stringify(error),
    inspect(error, { depth: 10, showHidden: true }),
  ];
  for (const rendering of renderings) {
    for (const secret of [clientSecret, token, documentNumber, 'MARIA', 'maria@example.com']) expect(rendering).not.toContain(secret);
  }
  // The request did carry them: redaction, not omission upstream, is what kept them out.
  expect(new TextDecoder().decode(recorder.wire[1]?.body)).toContain(documentNumber);
});
