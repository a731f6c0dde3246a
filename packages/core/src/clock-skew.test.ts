import { type Step, useFaultServer } from '@coverlink/test-kit';
import { describe, expect, it } from 'vitest';
import { serverClockOffsetMs } from './clock-skew.js';

const server = useFaultServer();

/** A real response from the local server, answering with `step`. */
async function responseWith(step: Step): Promise<Response> {
  server.script(step);
  const response = await fetch(`${server.url}/clock`);
  await response.arrayBuffer();
  return response;
}

// A Date header has whole seconds, so the local time the tests measure against is a whole second too.
const now = Math.floor(Date.now() / 1_000) * 1_000;
const dateIn = (offsetMs: number) => new Date(now + offsetMs).toUTCString();

describe("serverClockOffsetMs: the server's clock minus ours, from the Date header", () => {
  it('is about +600 000 ms for a server 10 minutes ahead', async () => {
    const response = await responseWith({ status: 200, headers: { date: dateIn(600_000) } });

    expect(response.headers.get('date')).toMatch(/GMT$/);
    expect(serverClockOffsetMs(response, now)).toBe(600_000);
  });

  it('is about −600 000 ms for a server 10 minutes behind', async () => {
    const response = await responseWith({ status: 200, headers: { date: dateIn(-600_000) } });

    expect(serverClockOffsetMs(response, now)).toBe(-600_000);
  });

  it("measures against this machine's clock by default", async () => {
    const response = await responseWith({ status: 200, headers: { date: new Date(Date.now() + 600_000).toUTCString() } });

    // The header drops the milliseconds and the call takes a moment, so the offset is within a few seconds of 10 minutes.
    expect(Math.abs(serverClockOffsetMs(response) - 600_000)).toBeLessThanOrEqual(3_000);
  });

  it('measures against the given local time', async () => {
    const response = await responseWith({ status: 200, headers: { date: 'Sun, 06 Nov 1994 08:49:37 GMT' } });

    expect(serverClockOffsetMs(response, Date.parse('Sun, 06 Nov 1994 08:59:37 GMT'))).toBe(-600_000);
    expect(serverClockOffsetMs(response, Date.parse('Sun, 06 Nov 1994 08:49:34 GMT'))).toBe(3_000);
  });

  it('is 0 for an in-sync server (node:http sends the current date)', async () => {
    const response = await responseWith({ status: 200 });

    expect(response.headers.get('date')).not.toBeNull();
    expect(serverClockOffsetMs(response)).toBe(0);
  });

  it('is 0 without a Date header', async () => {
    const response = await responseWith({ status: 200, sendDate: false });

    expect(response.headers.get('date')).toBeNull();
    expect(serverClockOffsetMs(response)).toBe(0);
  });

  it('is 0 for an unreadable Date header', async () => {
    expect(serverClockOffsetMs(await responseWith({ status: 200, headers: { date: 'garbage' } }))).toBe(0);
  });

  it('treats differences under two seconds as rounding, not skew', async () => {
    const response = await responseWith({ status: 200, headers: { date: 'Sun, 06 Nov 1994 08:49:37 GMT' } });
    const serverTime = Date.parse('Sun, 06 Nov 1994 08:49:37 GMT');

    expect(serverClockOffsetMs(response, serverTime - 1_999)).toBe(0);
    expect(serverClockOffsetMs(response, serverTime + 1_999)).toBe(0);
    expect(serverClockOffsetMs(response, serverTime + 2_000)).toBe(-2_000);
  });
});
