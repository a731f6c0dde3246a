/**
 * The server's clock minus ours, in milliseconds, read from a response's `Date` header; 0 when the
 * header is missing or unreadable. Expiry times a server states as absolute instants (a JWT `exp`,
 * Hello Claims' `.expires`) are on its clock: add this offset to "now" before comparing with them.
 */
export function serverClockOffsetMs(response: Response, localNow: number = Date.now()): number {
  const header = response.headers.get('date');
  if (header === null) return 0;
  const serverNow = Date.parse(header);
  // The header has one-second resolution: differences below two seconds are rounding, not skew.
  return Number.isNaN(serverNow) || Math.abs(serverNow - localNow) < 2_000 ? 0 : serverNow - localNow;
}
