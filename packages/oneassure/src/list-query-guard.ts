import type { Middleware } from 'openapi-fetch';
import { OneAssureError, OneAssureErrorCode } from './oneassure-errors.js';

const listPaths = new Set(['/v1/business/health/quotes', '/v1/business/health/proposals', '/v1/business/health/policies']);
const hint = 'Pass either session_id, or start_date and end_date (YYYY-MM-DD) at most 7 days apart; page with next/prev.';

/** The query of a OneAssure health list call. */
export interface HealthListQuery {
  session_id?: string | undefined;
  start_date?: string | undefined;
  end_date?: string | undefined;
  next?: string | undefined;
  prev?: string | undefined;
}

/**
 * Checks a health list query against OneAssure's documented rules before anything is sent: either a
 * `session_id` or a date range, never both, and a range of at most 7 days with the start not after
 * the end. A cursor (`next`/`prev`) continues an earlier query and needs neither.
 *
 * @throws {OneAssureError} `ONEASSURE_INVALID_LIST_QUERY`, naming what is wrong.
 */
export function checkHealthListQuery(query: HealthListQuery): void {
  const invalid = (why: string) => new OneAssureError(`Invalid OneAssure list query: ${why}.`, OneAssureErrorCode.invalidListQuery, hint);
  const hasRange = query.start_date !== undefined || query.end_date !== undefined;
  if (query.session_id !== undefined && hasRange) throw invalid('session_id and a date range cannot be used together');
  if (query.session_id !== undefined || query.next !== undefined || query.prev !== undefined) return;
  if (!hasRange) throw invalid('pass a session_id or a start_date/end_date range');
  if (query.start_date === undefined || query.end_date === undefined) throw invalid('a date range needs both start_date and end_date');
  const start = parseDay(query.start_date);
  const end = parseDay(query.end_date);
  if (start === undefined || end === undefined) throw invalid('dates must be real calendar days written YYYY-MM-DD');
  const days = (end - start) / 86_400_000;
  if (days < 0) throw invalid('start_date is after end_date');
  if (days > 7) throw invalid(`the range spans ${days} days; OneAssure allows at most 7`);
}

function parseDay(day: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const time = Date.parse(`${day}T00:00:00Z`);
  // Date.parse rolls 2026-02-30 over into March; a real day survives the round trip.
  return Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== day ? undefined : time;
}

/** Whether a call is a health list call, which {@link checkHealthListQuery} applies to. */
export function isHealthListCall(method: string, schemaPath: string): boolean {
  return method.toUpperCase() === 'GET' && listPaths.has(schemaPath);
}

/** Middleware that applies {@link checkHealthListQuery} to every health list call, so nothing invalid leaves the process. */
export const healthListQueryGuard: Middleware = {
  onRequest({ request, schemaPath }) {
    if (!isHealthListCall(request.method, schemaPath)) return undefined;
    const parameters = new URL(request.url).searchParams;
    const value = (name: string) => parameters.get(name) ?? undefined;
    checkHealthListQuery({
      session_id: value('session_id'),
      start_date: value('start_date'),
      end_date: value('end_date'),
      next: value('next'),
      prev: value('prev'),
    });
    return undefined;
  },
};
