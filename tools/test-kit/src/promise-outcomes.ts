// How a promise under test settled, and every way its error turns into text.

import { fail } from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { inspect } from 'node:util';

/** Waits `milliseconds` on the real clock (node:timers/promises), for tests that need time to pass. */
export { sleep };

/** An error class's cross-copy check, as `CoverlinkError.isInstance` and `AuthError.isInstance` are. */
export interface ErrorKind<ErrorType> {
  readonly name: string;
  isInstance(value: unknown): value is ErrorType;
}

/** The rejection of `promise`; fails the test when it resolves instead. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown>;
/** The rejection of `promise`, which must be an instance of `kind`; fails the test when it resolves or rejects with something else. */
export async function rejectionOf<ErrorType>(promise: Promise<unknown>, kind: ErrorKind<ErrorType>): Promise<ErrorType>;
export async function rejectionOf(promise: Promise<unknown>, kind?: ErrorKind<unknown>): Promise<unknown> {
  const error = await promise.then(
    (value) => fail(`expected a rejection, got ${inspect(value)}`),
    (caught: unknown) => caught,
  );
  if (kind !== undefined && !kind.isInstance(error)) fail(`expected a ${kind.name}, got ${inspect(error)}`);
  return error;
}

/** Every way an error is commonly turned into text: its message, String(), JSON and a deep inspect. */
export function renderingsOf(error: unknown): Record<string, string> {
  return {
    message: error instanceof Error ? error.message : '',
    string: String(error),
    json: JSON.stringify(error) ?? '',
    inspect: inspect(error, { depth: 10, showHidden: true }),
  };
}

/** How a promise settled, for asserting errors and successes alike. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** The outcome of `promise`, never a rejection. */
export function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error }),
  );
}

/** Whether `promise` is still pending after `milliseconds`. */
export async function stillPendingAfter(promise: Promise<unknown>, milliseconds: number): Promise<boolean> {
  const pending = Symbol('pending');
  const timeout = new AbortController();
  const result = await Promise.race([
    promise.then(
      () => 'settled',
      () => 'settled',
    ),
    sleep(milliseconds, pending, { signal: timeout.signal }).catch(() => 'settled'),
  ]);
  timeout.abort();
  return result === pending;
}

/** An unsigned JWT (`alg: none`) whose payload holds `exp`, in unix seconds, for clients that only read `exp`. */
export function jwtExpiringAt(expSeconds: number, subject = 'test-kit'): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ sub: subject, exp: expSeconds })}.signature`;
}
