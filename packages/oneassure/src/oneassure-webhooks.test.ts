import { inspect } from 'node:util';
import { rejectionOf } from '@coverlink/test-kit';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  isKnownOneAssureWebhookEvent,
  OneAssureError,
  OneAssureErrorCode,
  type OneAssureWebhookEvent,
  type ParseOneAssureWebhookOptions,
  parseOneAssureWebhook,
  secretsMatch,
  type UnknownOneAssureWebhookEvent,
} from './index.js';

// The webhook examples of specs/oneassure/openapi.yaml, one per documented event.
const proposalInitiated = {
  event: 'health.proposal.initiated',
  created_at: '2026-06-04T09:12:40Z',
  data: {
    session_id: 'cfBAepfJBd0Kh8oO',
    proposal_id: 'rEqmSM9wCZ7Uw9xf',
    name: 'Ananya Iyer',
    phone: '9820012345',
    email: 'ananya.iyer@example.com',
    insurer_name: 'HDFC ERGO',
    insurer_id: '9ojfljoQoaF1Llqs',
    product_name: 'Optima Secure',
    product_id: '9wMxEhh2FDEEtfjg',
    variant_name: 'Optima Secure',
    variant_id: 'kwXoIIXGvOoNZYW2',
    tenure: 2,
    net_premium: '18177.97',
    gross_premium: '21450.00',
    status: 'INITIATED',
    form_responses: {},
    quote_id: 'TeKdNnFRIBXuDL7D',
  },
};
const proposalPending = {
  event: 'health.proposal.pending',
  created_at: '2026-06-04T09:20:02Z',
  data: { proposal_id: 'rEqmSM9wCZ7Uw9xf', status: 'PENDING' },
};
const proposalSubmitted = {
  event: 'health.proposal.submitted',
  created_at: '2026-06-04T11:02:17Z',
  data: { proposal_id: 'rEqmSM9wCZ7Uw9xf', status: 'SUBMITTED' },
};
const proposalUnderwriting = {
  event: 'health.proposal.underwriting',
  created_at: '2026-06-05T06:45:00Z',
  data: { proposal_id: 'rEqmSM9wCZ7Uw9xf', status: 'UNDERWRITING' },
};
const proposalCancelled = {
  event: 'health.proposal.cancelled',
  created_at: '2026-06-04T10:05:51Z',
  data: { proposal_id: 'Rann76dEyTzAeKOm', status: 'CANCELLED', cancelled_reason: 'Customer BMI is above the pre-underwriting limit' },
};
const proposalAccepted = {
  event: 'health.proposal.accepted',
  created_at: '2026-06-05T08:30:12Z',
  data: { proposal_id: 'mZp0zVZomHFwUbbY', status: 'ACCEPTED' },
};
const proposalRejected = {
  event: 'health.proposal.rejected',
  created_at: '2026-06-06T13:14:09Z',
  data: {
    proposal_id: 'ogoEmvnEN5N1aE6P',
    status: 'REJECTED',
    rejection_reason: "Declared diabetes is above the insurer's acceptance limit",
  },
};
const proposalOffline = {
  event: 'health.proposal.offline',
  created_at: '2026-06-05T07:00:00Z',
  data: { proposal_id: 'rEqmSM9wCZ7Uw9xf', status: 'OFFLINE' },
};
const policyIssued = {
  event: 'health.policy.issued',
  created_at: '2026-06-05T10:41:27Z',
  data: {
    session_id: 'u8jzPde0IgxLd6Gn',
    policy_id: 'wZPf1Qh6yYTWmE4l',
    quote_id: 'IhKtJ0RlgLKOmxgJ',
    proposal_id: 'mZp0zVZomHFwUbbY',
    insurer_policy_number: '31-26-0172954-00',
    status: 'ISSUED',
    issuance_date: '2026-06-05',
    expiry_date: '2027-06-04',
    sum_insured: '500000.00',
    policy_type: 'FRESH',
    tenure: 1,
    gross_premium: '14872.00',
    insurer_id: 'FdnXsiVpzz63FfkC',
    insurer_name: 'ICICI Lombard',
    insurer_logo: 'https://example.com/logos/icici-lombard.png',
    product_id: 'gEOzdmenCkhvMdga',
    product_name: 'Elevate',
    variant_id: 'VvVqE1SkHbn88Hxj',
    variant_name: 'Elevate',
    proposer_details: {
      address: {
        address_line_1: '221, Brigade Road',
        address_line_2: 'Ashok Nagar',
        city: 'Bengaluru',
        state: 'Karnataka',
        country: 'India',
        pincode: '560001',
      },
      dob: '1992-03-14',
      email: 'rahul.sharma@example.com',
      name: 'Rahul Sharma',
      phone: '9876543210',
      bank_details: {
        bank_id: 'm1CiAhzCueQpBenQ',
        bank_account_number: '50100234567891',
        bank_name: 'HDFC Bank',
        branch_id: 'tYh5Xj8TPQxjq4i9',
        branch_name: 'Brigade Road, Bengaluru',
        ifsc_code: 'HDFC0000053',
      },
    },
    insured_members: [
      {
        member_id: 'wjJJibaZUPgHV7iB',
        dob: '1992-03-14',
        gender: 'Male',
        name: 'Rahul Sharma',
        pre_existing_diseases: [],
        relationship: 'SELF',
      },
      {
        member_id: 'A1id6Vw5DQL05HA0',
        dob: '1995-01-22',
        gender: 'Female',
        name: 'Priya Sharma',
        pre_existing_diseases: ['Hypothyroidism'],
        relationship: 'SPOUSE',
      },
    ],
    nominees: [{ nominee_id: 'ZjljENUhJduRHHJE', nominee_name: 'Priya Sharma', nominee_phone: '9876501234', relationship: 'Spouse' }],
    riders: [{ id: 'W56eCuNGMGmSrCGI', name: 'Claim Protector' }],
  },
};
const policyUploaded = {
  event: 'health.policy.uploaded',
  created_at: '2026-06-02T15:20:00Z',
  data: {
    session_id: '3m03nbqnsGpWLuqI',
    policy_id: 'BYOvfZ8UzDzV8fUk',
    quote_id: null,
    proposal_id: null,
    insurer_policy_number: '30045812202600',
    status: 'UPLOADED',
    issuance_date: '2026-06-03',
    expiry_date: '2027-06-02',
    sum_insured: '1000000.00',
    policy_type: 'FRESH',
    tenure: 1,
    gross_premium: '18290.00',
    insurer_id: 'zJr4i0B3JrTAwR4y',
    insurer_name: 'Niva Bupa',
    insurer_logo: 'https://example.com/logos/niva-bupa.png',
    product_id: 'KjIg8xNbe3nNyjOq',
    product_name: 'ReAssure 2.0',
    variant_id: 'SI6bWHtP3fS2qHx6',
    variant_name: 'Platinum+',
    proposer_details: {
      address: {
        address_line_1: 'Flat 7, Shanti Apartments',
        address_line_2: 'FC Road, Shivajinagar',
        city: 'Pune',
        state: 'Maharashtra',
        country: 'India',
        pincode: '411005',
      },
      dob: '1988-11-02',
      email: 'sneha.kulkarni@example.com',
      name: 'Sneha Kulkarni',
      phone: '9822098220',
    },
    insured_members: [
      {
        member_id: 'XRrvftva9AW7hipT',
        dob: '1988-11-02',
        gender: 'Female',
        name: 'Sneha Kulkarni',
        pre_existing_diseases: [],
        relationship: 'SELF',
      },
    ],
    nominees: [{ nominee_id: 'gadDZFlRJmCGmUXi', nominee_name: 'Aditya Kulkarni', nominee_phone: '9822011122', relationship: 'Spouse' }],
    riders: [],
  },
};

const everyEvent = [
  proposalInitiated,
  proposalPending,
  proposalSubmitted,
  proposalUnderwriting,
  proposalCancelled,
  proposalAccepted,
  proposalRejected,
  proposalOffline,
  policyIssued,
  policyUploaded,
];

async function rejection(promise: Promise<unknown>): Promise<OneAssureError> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(OneAssureError);
  expect(OneAssureError.isInstance(error)).toBe(true);
  return error as OneAssureError;
}

// The parsing tests are about the body: their hook accepts everything, as a passing URL check would.
const accepted = { verify: () => true };

describe('parseOneAssureWebhook', () => {
  it('covers each of the ten documented event names', () => {
    expect(new Set(everyEvent.map((body) => body.event)).size).toBe(10);
  });

  it.each(everyEvent.map((body) => [body.event, body] as const))('parses %s into the typed event', async (_name, body) => {
    const raw = JSON.stringify(body);
    expect(await parseOneAssureWebhook(raw, accepted)).toEqual(body);
    expect(await parseOneAssureWebhook(new TextEncoder().encode(raw), accepted)).toEqual(body);
  });

  it('narrows on `event` to each payload', async () => {
    const event = await parseOneAssureWebhook(JSON.stringify(proposalRejected), accepted);
    expectTypeOf(event).toEqualTypeOf<OneAssureWebhookEvent>();
    if (!isKnownOneAssureWebhookEvent(event) || event.event !== 'health.proposal.rejected') throw new Error(`unexpected ${event.event}`);
    expectTypeOf(event.data.rejection_reason).toEqualTypeOf<string>();
    expect(event.data.rejection_reason).toBe("Declared diabetes is above the insurer's acceptance limit");

    const issued = await parseOneAssureWebhook(JSON.stringify(policyIssued), accepted);
    if (!isKnownOneAssureWebhookEvent(issued) || issued.event !== 'health.policy.issued') throw new Error(`unexpected ${issued.event}`);
    expect(issued.data.policy_id).toBe('wZPf1Qh6yYTWmE4l');
    expect(issued.data.proposer_details?.address?.city).toBe('Bengaluru');
  });

  it.each([
    ['an event name it does not know', { ...proposalAccepted, event: 'health.proposal.approved' }],
    [
      'an event of another product, with a payload of its own',
      { event: 'motor.policy.issued', created_at: '2026-06-05T08:30:12Z', data: { motor_policy_id: 'm_1' } },
    ],
  ])('accepts %s as a generic event, envelope and data intact', async (_case, body) => {
    const event = await parseOneAssureWebhook(JSON.stringify(body), accepted);
    expect(event).toEqual(body);
    expect(isKnownOneAssureWebhookEvent(event)).toBe(false);
    if (isKnownOneAssureWebhookEvent(event)) return;
    expectTypeOf(event).toEqualTypeOf<UnknownOneAssureWebhookEvent>();
    expectTypeOf(event.data).toEqualTypeOf<Record<string, unknown>>();
  });

  it('knows every documented event, and no inherited property name', async () => {
    for (const body of everyEvent)
      expect(isKnownOneAssureWebhookEvent(await parseOneAssureWebhook(JSON.stringify(body), accepted)), body.event).toBe(true);
    for (const name of ['toString', '__proto__', 'constructor']) {
      expect(isKnownOneAssureWebhookEvent({ ...proposalAccepted, event: name } as OneAssureWebhookEvent), name).toBe(false);
    }
  });

  const invalidBodies: Array<[string, string]> = [
    ['an empty event name', JSON.stringify({ ...proposalAccepted, event: '' })],
    ['no event', JSON.stringify({ created_at: proposalAccepted.created_at, data: proposalAccepted.data })],
    ['a non-string event', JSON.stringify({ ...proposalAccepted, event: 7 })],
    ['a body that is not JSON', 'event=health.proposal.accepted&proposal_id=mZp0zVZomHFwUbbY'],
    ['truncated JSON', JSON.stringify(proposalAccepted).slice(0, 40)],
    ['an empty body', ''],
    ['a JSON array', JSON.stringify([proposalAccepted])],
    ['JSON null', 'null'],
    ['a JSON string', JSON.stringify('health.proposal.accepted')],
    ['missing data', JSON.stringify({ event: 'health.proposal.accepted', created_at: '2026-06-05T08:30:12Z' })],
    ['null data', JSON.stringify({ ...proposalAccepted, data: null })],
    ['array data', JSON.stringify({ ...proposalAccepted, data: [proposalAccepted.data] })],
    ['a proposal event without data.proposal_id', JSON.stringify({ ...proposalAccepted, data: { status: 'ACCEPTED' } })],
    ['a proposal event with a numeric proposal_id', JSON.stringify({ ...proposalAccepted, data: { proposal_id: 42, status: 'ACCEPTED' } })],
    [
      'a proposal event carrying only a policy_id',
      JSON.stringify({ ...proposalRejected, data: { policy_id: 'wZPf1Qh6yYTWmE4l', status: 'REJECTED' } }),
    ],
    ['a policy event without data.policy_id', JSON.stringify({ ...policyIssued, data: { ...policyIssued.data, policy_id: undefined } })],
    [
      'a policy event carrying only a proposal_id',
      JSON.stringify({ event: 'health.policy.uploaded', created_at: '2026-06-02T15:20:00Z', data: { proposal_id: 'x' } }),
    ],
  ];

  it.each(invalidBodies)('refuses %s as ONEASSURE_WEBHOOK_PAYLOAD_INVALID', async (_case, raw) => {
    const error = await rejection(parseOneAssureWebhook(raw, accepted));
    expect(error.code).toBe(OneAssureErrorCode.webhookPayloadInvalid);
    expect(error.message).toMatch(/^Not a OneAssure webhook event: /);
    expect(error.hint).toMatch(/Answer 400/);
  });

  it('says which field is missing', async () => {
    const proposal = await rejection(parseOneAssureWebhook(JSON.stringify({ ...proposalAccepted, data: {} }), accepted));
    expect(proposal.message).toContain('"data.proposal_id" is missing');
    const policy = await rejection(parseOneAssureWebhook(JSON.stringify({ ...policyUploaded, data: { status: 'UPLOADED' } }), accepted));
    expect(policy.message).toContain('"data.policy_id" is missing');
  });

  it('keeps the payload, and its personal data, out of the error', async () => {
    const body = JSON.stringify({ ...policyIssued, data: { ...policyIssued.data, policy_id: 7 } });
    const error = await rejection(parseOneAssureWebhook(body, accepted));
    for (const rendering of [String(error), JSON.stringify(error), inspect(error, { depth: 10, showHidden: true })]) {
      for (const value of ['Rahul Sharma', '9876543210', 'rahul.sharma@example.com', '50100234567891']) {
        expect(rendering).not.toContain(value);
      }
    }
  });
});

describe('verification is required', () => {
  // A forged delivery: anyone who finds the route can post this.
  const forged = JSON.stringify(policyIssued);

  it.each([
    ['no options at all', undefined],
    ['empty options', {}],
    ['verify: undefined', { verify: undefined }],
    ['a verify that is not a function', { verify: true }],
    ['dangerouslySkipVerification: false', { dangerouslySkipVerification: false }],
    ['a truthy non-true opt-out', { dangerouslySkipVerification: 'yes' }],
  ])('refuses to parse with %s, as ONEASSURE_WEBHOOK_VERIFICATION_MISSING', async (_case, options) => {
    // The casts stand for JavaScript callers: TypeScript already refuses these calls (see below).
    const error = await rejection(parseOneAssureWebhook(forged, options as unknown as ParseOneAssureWebhookOptions));
    expect(error.code).toBe(OneAssureErrorCode.webhookVerificationMissing);
    expect(error.message).toMatch(/needs a verify hook/);
    expect(error.hint).toContain('verify');
    expect(error.hint).toContain('dangerouslySkipVerification: true');
    for (const rendering of [String(error), JSON.stringify(error), inspect(error, { depth: 10, showHidden: true })]) {
      expect(rendering).not.toContain('Rahul Sharma');
    }
  });

  it('is a compile-time error to leave the options or the hook out', () => {
    const compileOnly = () => {
      // @ts-expect-error the options are required
      void parseOneAssureWebhook(forged);
      // @ts-expect-error one of verify or dangerouslySkipVerification is required
      void parseOneAssureWebhook(forged, {});
      // @ts-expect-error the opt-out must be the literal true
      void parseOneAssureWebhook(forged, { dangerouslySkipVerification: false });
      // @ts-expect-error a hook and the opt-out contradict each other
      void parseOneAssureWebhook(forged, { verify: () => true, dangerouslySkipVerification: true });
    };
    expectTypeOf(compileOnly).toBeFunction();
  });

  it('parses without a check only when told so by name', async () => {
    expect(await parseOneAssureWebhook(forged, { dangerouslySkipVerification: true })).toEqual(policyIssued);
  });

  it('still runs a hook passed along with the opt-out', async () => {
    const both = { verify: () => false, dangerouslySkipVerification: true } as unknown as ParseOneAssureWebhookOptions;
    expect((await rejection(parseOneAssureWebhook(forged, both))).code).toBe(OneAssureErrorCode.webhookRejected);
  });
});

describe('the verify hook', () => {
  it('rejects when it returns false, without parsing the body', async () => {
    const seen: string[] = [];
    const error = await rejection(
      parseOneAssureWebhook('this is not JSON', {
        verify: (rawBody) => {
          seen.push(rawBody);
          return false;
        },
      }),
    );
    expect(error.code).toBe(OneAssureErrorCode.webhookRejected);
    expect(error.hint).toMatch(/Answer 401/);
    expect(seen).toEqual(['this is not JSON']);
  });

  it('receives the raw body as text, also when given bytes', async () => {
    const raw = JSON.stringify(proposalCancelled);
    const seen: string[] = [];
    const event = await parseOneAssureWebhook(new TextEncoder().encode(raw), {
      verify: (rawBody) => {
        seen.push(rawBody);
        return true;
      },
    });
    expect(event).toEqual(proposalCancelled);
    expect(seen).toEqual([raw]);
  });

  describe('with a secret token in the registered webhook URL, compared by secretsMatch', () => {
    const registered = 'whk_4f9a1c7e2b8d6053';
    const raw = JSON.stringify(proposalAccepted);
    // What a receiving route does: read the token from the URL OneAssure called, then parse.
    const receive = (callbackUrl: string) =>
      parseOneAssureWebhook(raw, {
        verify: async () => {
          await new Promise((resolve) => setTimeout(resolve, 1));
          return secretsMatch(new URL(callbackUrl).searchParams.get('token'), registered);
        },
      });

    it('accepts the right secret', async () => {
      expect(await receive(`https://hooks.partner.example/oneassure?token=${registered}`)).toEqual(proposalAccepted);
    });

    it.each([
      ['a wrong secret', 'https://hooks.partner.example/oneassure?token=whk_0000000000000000'],
      ['a prefix of the secret', `https://hooks.partner.example/oneassure?token=${registered.slice(0, 8)}`],
      ['the secret with a suffix', `https://hooks.partner.example/oneassure?token=${registered}0`],
      ['the secret in another case', `https://hooks.partner.example/oneassure?token=${registered.toUpperCase()}`],
      ['an empty secret', 'https://hooks.partner.example/oneassure?token='],
      ['no secret at all (null)', 'https://hooks.partner.example/oneassure'],
    ])('refuses %s', async (_case, callbackUrl) => {
      expect((await rejection(receive(callbackUrl))).code).toBe(OneAssureErrorCode.webhookRejected);
    });
  });
});

describe('secretsMatch', () => {
  it('is true only for the identical secret', () => {
    expect(secretsMatch('s3cr3t-ü', 's3cr3t-ü')).toBe(true);
    expect(secretsMatch('s3cr3t-u', 's3cr3t-ü')).toBe(false);
    expect(secretsMatch('s3cr3t', 's3cr3t-ü')).toBe(false);
    expect(secretsMatch('s3cr3t-ü-and-more', 's3cr3t-ü')).toBe(false);
    expect(secretsMatch('', 's3cr3t')).toBe(false);
    expect(secretsMatch(null, 's3cr3t')).toBe(false);
    expect(secretsMatch(undefined, 's3cr3t')).toBe(false);
  });

  it('never matches an empty expected secret, not even an empty received one', () => {
    expect(secretsMatch('', '')).toBe(false);
    expect(secretsMatch('anything', '')).toBe(false);
  });
});
