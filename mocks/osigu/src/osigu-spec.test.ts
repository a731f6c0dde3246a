import type { OpenAPIBackend } from 'openapi-backend';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkResponseAgainstSpec, createOsiguSpecBackend, WebhookEventValidators } from './osigu-spec.js';

let api: OpenAPIBackend;

beforeAll(async () => {
  api = await createOsiguSpecBackend();
});

function check(operationId: string, status: number, body: unknown, headers: Record<string, string> = {}): string[] {
  const operation = api.router.getOperation(operationId);
  if (operation === undefined) throw new Error(`no operation ${operationId}`);
  return checkResponseAgainstSpec(api, operation, { status, body, headers });
}

// The check every simulator answer and every test exchange goes through: it must fail on an off-spec answer.
describe('checkResponseAgainstSpec', () => {
  it('accepts the spec example of a completed request', () => {
    const body = {
      authorization_request_id: 'areq_01HX9KP7VQ2D4FZ8N0YPRQAW6X',
      status: 'COMPLETED',
      authorizations: [
        { authorization_code: 'AUTH-2026-001234', product_type: 'MEDICATION', status: 'APPROVED', expires_at: '2026-07-25T00:00:00Z' },
      ],
    };
    expect(check('completeAuthorizationRequest', 200, body)).toEqual([]);
  });

  it('reports a REJECTED authorization without rejection_reason, a wrong enum and a malformed date-time', () => {
    const problems = check('completeAuthorizationRequest', 200, {
      authorization_request_id: 'areq_1',
      status: 'COMPLETED',
      authorizations: [
        { authorization_code: 'A', product_type: 'MEDICATION', status: 'REJECTED' },
        { authorization_code: 'B', product_type: 'DRUG', status: 'APPROVED', expires_at: 'tomorrow' },
      ],
    });
    expect(problems.join('\n')).toMatch(/authorizations\/0 must have required property 'rejection_reason'/);
    expect(problems.join('\n')).toMatch(/authorizations\/1\/product_type must be equal to one of the allowed values/);
    expect(problems.join('\n')).toMatch(/authorizations\/1\/expires_at must match format "date-time"/);
  });

  it('reports an undeclared status, a body on a 204 and a 429 whose Retry-After is not a number', () => {
    expect(check('getAuthorizationRequest', 418, {})).toEqual(['getAuthorizationRequest 418: the spec declares no 418 answer']);
    expect(check('uploadAuthorizationIndication', 204, { ok: true })).toEqual([
      'uploadAuthorizationIndication 204: the spec declares no body, one was sent',
    ]);
    const rateLimited = { error_code: '071-429', message: 'Too many requests', additional_information: { retry_after_seconds: 5 } };
    expect(check('getAccessToken', 429, rateLimited, { 'retry-after': '5' })).toEqual([]);
    expect(check('getAccessToken', 429, rateLimited, { 'retry-after': 'soon' }).join('\n')).toMatch(
      /headers: .*retry-after must be integer/,
    );
  });
});

describe('WebhookEventValidators', () => {
  it('accepts a documented authorization.created and reports one without its authorization code', () => {
    const validators = new WebhookEventValidators(api);
    const event = {
      event_id: 'evt_1',
      event_type: 'authorization.created',
      created_at: '2026-06-25T14:05:42.120Z',
      api_version: '2026-01-01',
      environment: 'sandbox',
      provider: { provider_id: 'prv_1', provider_slug: 'provider-sandbox' },
      data: {
        authorization_id: 'auth_1',
        authorization_code: 'AUTH-2026-001234',
        authorization_request_id: 'areq_1',
        beneficiary_id: 'bnf_1',
        sponsor_slug: 'sponsor-sandbox',
        product_type: 'MEDICATION',
        products: [{ product_code: 'MED-042', quantity: 30 }],
      },
    };
    expect(validators.check(event)).toEqual([]);
    const { authorization_code: _dropped, ...data } = event.data;
    expect(validators.check({ ...event, data }).join('\n')).toMatch(/data must have required property 'authorization_code'/);
    expect(validators.check({ ...event, event_type: 'authorization.exploded' })).toEqual([
      'the spec declares no webhook authorization.exploded',
    ]);
  });
});
