import { sleep as wait } from '@coverlink/test-kit';
import { describe, expect, it } from 'vitest';
import { createAttemptSignal } from './attempt-signal.js';

describe('createAttemptSignal', () => {
  it('aborts with a TimeoutError once the timeout passes, and says so', async () => {
    const attempt = createAttemptSignal(20);
    expect(attempt.signal.aborted).toBe(false);

    await wait(60);

    expect(attempt.signal.aborted).toBe(true);
    expect(attempt.timedOut).toBe(true);
    expect(attempt.signal.reason).toBeInstanceOf(DOMException);
    expect((attempt.signal.reason as DOMException).name).toBe('TimeoutError');
  });

  it("aborts with the caller's reason when the caller aborts, before or during the attempt", () => {
    const during = new AbortController();
    const attempt = createAttemptSignal(10_000, during.signal);
    during.abort(new Error('user left'));
    expect(attempt.signal.reason).toEqual(new Error('user left'));
    expect(attempt.timedOut).toBe(false);
    attempt.release();

    const before = AbortSignal.abort(new Error('already gone'));
    expect(createAttemptSignal(10_000, before).signal.reason).toEqual(new Error('already gone'));
  });

  it('stays quiet after release: neither the timer nor the caller aborts it any more', async () => {
    const caller = new AbortController();
    const attempt = createAttemptSignal(20, caller.signal);

    attempt.release();
    caller.abort();
    await wait(60);

    expect(attempt.signal.aborted).toBe(false);
  });

  it('never times out for Infinity', async () => {
    const attempt = createAttemptSignal(Number.POSITIVE_INFINITY);
    await wait(30);
    expect(attempt.signal.aborted).toBe(false);
    attempt.release();
  });

  it("tells its source's listeners once, with the reason the signal gets, and not those removed", () => {
    const caller = new AbortController();
    const attempt = createAttemptSignal(10_000, caller.signal);
    const heard: unknown[] = [];
    const removed = () => heard.push('removed listener');
    attempt.source.addEventListener('abort', () => heard.push(attempt.source.reason), { once: true });
    attempt.source.addEventListener('abort', removed);
    attempt.source.removeEventListener('abort', removed);

    caller.abort(new Error('user left'));
    caller.abort(new Error('again'));

    expect(heard).toEqual([new Error('user left')]);
    expect(attempt.source.aborted).toBe(true);
    // A signal asked for after the abort is born aborted, with the same reason.
    expect(attempt.signal.aborted).toBe(true);
    expect(attempt.signal.reason).toBe(attempt.source.reason);
  });

  it('aborts a signal asked for before the timeout, through the source', async () => {
    const attempt = createAttemptSignal(20);
    const { signal } = attempt;

    await wait(60);

    expect(signal.aborted).toBe(true);
    expect(attempt.source.aborted).toBe(true);
    expect((attempt.source.reason as DOMException).name).toBe('TimeoutError');
  });
});
