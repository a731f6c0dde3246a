import { describe, expect, it } from 'vitest';
import { checkMaxRetries, checkRequestOverrides, checkTimeout } from './client-options.js';

describe('maxRetries and timeout are checked where they enter', () => {
  it.each([0, 1, 5])('accepts maxRetries %i', (value) => {
    expect(checkMaxRetries(value)).toBe(value);
  });

  it.each([0, 1, 60_000, Number.POSITIVE_INFINITY])('accepts timeout %d', (value) => {
    expect(checkTimeout(value)).toBe(value);
  });

  it('refuses NaN (an unset environment variable) with the setting, the value and the likely cause', () => {
    expect(() => checkMaxRetries(Number(process.env.COVERLINK_UNSET_FOR_THIS_TEST))).toThrow(
      new TypeError('The client setting `maxRetries` must be an integer >= 0; got NaN. Is an environment variable it is read from unset?'),
    );
    expect(() => checkTimeout(Number.NaN, 'call')).toThrow(
      /^The per-call option `timeout` must be an integer >= 0 \(milliseconds\) or Infinity; got NaN\./,
    );
  });

  it.each([
    [-1, 'got -1.'],
    [1.5, 'got 1.5.'],
    [Number.POSITIVE_INFINITY, 'got Infinity.'],
    [Number.NEGATIVE_INFINITY, 'got -Infinity.'],
  ])('refuses maxRetries %d', (value, detail) => {
    expect(() => checkMaxRetries(value)).toThrow(TypeError);
    expect(() => checkMaxRetries(value)).toThrow(detail);
  });

  it.each([-1, 0.5, Number.NEGATIVE_INFINITY])('refuses timeout %d', (value) => {
    expect(() => checkTimeout(value)).toThrow(TypeError);
  });

  it.each([
    ['a string', 'abc', 'string'],
    ['a numeric string', '3', 'string'],
    ['null', null, 'null'],
    ['an object', { retries: 3 }, 'object'],
    ['an array', [3], 'array'],
    ['a bigint', 3n, 'bigint'],
  ])('refuses %s by its type, without showing it', (_kind, value, type) => {
    for (const check of [() => checkMaxRetries(value), () => checkTimeout(value)]) {
      expect(check).toThrow(TypeError);
      expect(check).toThrow(`got a value of type ${type}.`);
      try {
        check();
      } catch (error) {
        if (typeof value === 'string') expect((error as Error).message).not.toContain(`${value}.`);
      }
    }
  });

  it('checks the overrides of a call, leaving unset ones unset', () => {
    expect(checkRequestOverrides({})).toEqual({ maxRetries: undefined, timeout: undefined });
    expect(checkRequestOverrides({ maxRetries: 0, timeout: Number.POSITIVE_INFINITY })).toEqual({
      maxRetries: 0,
      timeout: Number.POSITIVE_INFINITY,
    });
    expect(() => checkRequestOverrides({ timeout: 'abc' })).toThrow(/^The per-call option `timeout` .*got a value of type string\.$/);
    expect(() => checkRequestOverrides({ maxRetries: Number.NaN }, 'client')).toThrow(/^The client setting `maxRetries`/);
  });
});
