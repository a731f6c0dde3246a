import { describe, expect, it } from 'vitest';
import {
  defaultRetryPolicy,
  isRetryableStatus,
  isSafeToRepeat,
  parseRetryAfterMs,
  type RetryPolicy,
  retryDelayMs,
} from './retry-policy.js';

const policy: RetryPolicy = { maxRetries: 5, initialDelayMs: 500, maxDelayMs: 8_000, maxRetryAfterMs: 60_000 };

describe('isRetryableStatus: timeouts, rate limits and server failures are worth another attempt', () => {
  it.each([408, 429, 500, 502, 503, 504, 599])('retries %i', (status) => expect(isRetryableStatus(status)).toBe(true));
  it.each([200, 204, 301, 400, 401, 403, 404, 409, 422, 499])('does not retry %i', (status) =>
    expect(isRetryableStatus(status)).toBe(false),
  );
});

describe('isSafeToRepeat: idempotent methods, or any request carrying an Idempotency-Key', () => {
  it.each(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'])('repeats a %s', (method) =>
    expect(isSafeToRepeat(new Request('http://127.0.0.1/x', { method }))).toBe(true),
  );

  it.each(['POST', 'PATCH'])('does not repeat a %s without Idempotency-Key', (method) =>
    expect(isSafeToRepeat(new Request('http://127.0.0.1/x', { method }))).toBe(false),
  );

  it.each(['Idempotency-Key', 'idempotency-key', 'IDEMPOTENCY-KEY'])('repeats a POST carrying %s', (header) =>
    expect(isSafeToRepeat(new Request('http://127.0.0.1/x', { method: 'POST', headers: { [header]: 'k-1' } }))).toBe(true),
  );
});

describe('retryDelayMs: exponential backoff with up to 25 % jitter below it, or Retry-After', () => {
  it('doubles from initialDelayMs for each retry when the jitter draws 0', () =>
    expect([1, 2, 3, 4, 5].map((retry) => retryDelayMs(retry, undefined, policy, () => 0))).toEqual([500, 1000, 2000, 4000, 8000]));

  it('never waits longer than maxDelayMs', () => {
    const capped = { ...policy, maxDelayMs: 1_500 };
    expect([1, 2, 3, 10, 60].map((retry) => retryDelayMs(retry, undefined, capped, () => 0))).toEqual([500, 1000, 1500, 1500, 1500]);
  });

  it('takes up to a quarter off the backoff, in proportion to the random draw', () => {
    expect(retryDelayMs(1, undefined, policy, () => 0.5)).toBe(438);
    expect(retryDelayMs(2, undefined, policy, () => 0.5)).toBe(875);
    expect(retryDelayMs(2, undefined, policy, () => 0.999_999)).toBe(750);
  });

  it('stays within 75–100 % of the backoff whatever Math.random draws', () => {
    for (let sample = 0; sample < 200; sample++) {
      const delay = retryDelayMs(3, undefined, policy) as number;
      expect(delay).toBeGreaterThanOrEqual(1500);
      expect(delay).toBeLessThanOrEqual(2000);
    }
  });

  it('uses the Retry-After delay as is, even beyond maxDelayMs, up to maxRetryAfterMs', () => {
    expect(retryDelayMs(1, 3_000, policy, () => 0.5)).toBe(3_000);
    expect(retryDelayMs(1, 20_000, policy, () => 0)).toBe(20_000);
    expect(retryDelayMs(1, 60_000, policy, () => 0)).toBe(60_000);
    expect(retryDelayMs(1, 0, policy, () => 0)).toBe(0);
  });

  it('gives up (undefined) when Retry-After asks for longer than maxRetryAfterMs', () => {
    expect(retryDelayMs(1, 60_001, policy, () => 0)).toBeUndefined();
    expect(retryDelayMs(1, 5_000, { ...policy, maxRetryAfterMs: 4_999 }, () => 0)).toBeUndefined();
  });

  it('has documented defaults: 2 retries, 500 ms, 8 s cap, 60 s Retry-After cap', () =>
    expect(defaultRetryPolicy).toEqual({ maxRetries: 2, initialDelayMs: 500, maxDelayMs: 8_000, maxRetryAfterMs: 60_000 }));
});

describe('parseRetryAfterMs: seconds or an HTTP date, undefined when absent or unreadable', () => {
  const now = Date.parse('Sun, 06 Nov 1994 08:49:37 GMT');

  it.each([
    ['0', 0],
    ['3', 3_000],
    [' 7 ', 7_000],
    ['1.5', 1_500],
    ['120', 120_000],
  ])('reads %j seconds as %i ms', (header, expected) => expect(parseRetryAfterMs(header, now)).toBe(expected));

  it.each([
    ['IMF-fixdate', 'Sun, 06 Nov 1994 08:50:07 GMT'],
    ['RFC 850 date', 'Sunday, 06-Nov-94 08:50:07 GMT'],
  ])('reads an %s as the time until it', (_format, header) => expect(parseRetryAfterMs(header, now)).toBe(30_000));

  it('reads a date in the past as 0 (retry now)', () => expect(parseRetryAfterMs('Sun, 06 Nov 1994 08:00:00 GMT', now)).toBe(0));

  it('measures from the current time by default', () => {
    const inTenSeconds = new Date(Date.now() + 10_000).toUTCString();
    const delay = parseRetryAfterMs(inTenSeconds) as number;
    // The header has one-second resolution.
    expect(delay).toBeGreaterThan(8_500);
    expect(delay).toBeLessThanOrEqual(10_000);
  });

  it.each([null, '', '   '])('is undefined for an absent or blank header (%j)', (header) =>
    expect(parseRetryAfterMs(header, now)).toBeUndefined(),
  );

  it.each(['soon', '5s', '1e3', '-1', '-30', '1,5', 'tomorrow 10', 'in 5 minutes'])(
    'is undefined for the unreadable value %j, rather than a guess',
    (header) => expect(parseRetryAfterMs(header, now)).toBeUndefined(),
  );
});
