import { unwrap } from '@coverlink/core';
import type { components } from './generated/osigu.js';
import type { OsiguClient } from './osigu-client.js';

type Schemas = components['schemas'];

/** What a sponsor requires of an authorization request for one product type (`getSponsorConfiguration`). */
export type OsiguSponsorConfiguration = Schemas['SponsorConfiguration'];
/** Which indication files a sponsor requires for one product type (`getAuthorizationDocumentPolicy`). */
export type OsiguDocumentPolicy = Schemas['DocumentPolicy'];
/** A product type of the spec (`MEDICATION`, `LAB`, …). */
export type OsiguProductType = Schemas['ProductType'];

/** A sponsor's rules for one product type: its configuration and its document policy. */
export interface OsiguSponsorRule {
  configuration: OsiguSponsorConfiguration;
  documentPolicy: OsiguDocumentPolicy;
}

/** Options of {@link createOsiguSponsorRules}. */
export interface OsiguSponsorRulesOptions {
  /**
   * How long a sponsor's rules are reused before they are read again, in milliseconds. Default
   * 300 000 (5 minutes): sponsors change their rules rarely, and a stale rule costs at most one 422.
   */
  ttlMs?: number | undefined;
  /** The clock, in milliseconds since the epoch. For tests; default `Date.now`. */
  now?: (() => number) | undefined;
}

/** The cached reader of sponsor rules {@link preauthorize} checks a request against before sending it. */
export interface OsiguSponsorRules {
  /**
   * The rules of `sponsorSlug` for `productType`: both operations are called on first use and
   * again once `ttlMs` has passed; concurrent callers share one read, and a failed read is not kept.
   *
   * @throws {OsiguApiError} When OSIGU answers an error (403: not affiliated with the sponsor, …).
   */
  rule(sponsorSlug: string, productType: OsiguProductType): Promise<OsiguSponsorRule>;
  /** Forgets every cached rule, e.g. after OSIGU told you a sponsor changed its rules. */
  clear(): void;
}

/** The default {@link OsiguSponsorRulesOptions.ttlMs}. */
export const defaultSponsorRulesTtlMs = 300_000;

/**
 * Creates a reader of sponsors' configurations and document policies, cached per sponsor and
 * product type for `ttlMs`, so each pre-authorization is checked against them without two extra
 * calls every time.
 *
 * @example
 * ```ts
 * const sponsorRules = createOsiguSponsorRules(osigu, { ttlMs: 60_000 });
 * await preauthorize(osigu, { ...request, sponsorRules });
 * ```
 */
export function createOsiguSponsorRules(client: OsiguClient, options: OsiguSponsorRulesOptions = {}): OsiguSponsorRules {
  const ttlMs = options.ttlMs ?? defaultSponsorRulesTtlMs;
  if (!Number.isFinite(ttlMs) || ttlMs < 0)
    throw new TypeError('createOsiguSponsorRules: ttlMs must be a finite number of milliseconds, 0 or more.');
  const now = options.now ?? Date.now;
  const cache = new Map<string, { expiresAt: number; rule: Promise<OsiguSponsorRule> }>();

  const read = async (sponsorSlug: string, productType: OsiguProductType): Promise<OsiguSponsorRule> => {
    const params = { path: { sponsor_slug: sponsorSlug }, query: { product_type: productType } };
    const [configuration, documentPolicy] = await Promise.all([
      client.GET('/arc/v1/sponsors/{sponsor_slug}/configuration', { params }).then(unwrap),
      client.GET('/arc/v1/sponsors/{sponsor_slug}/document-policy', { params }).then(unwrap),
    ]);
    return { configuration, documentPolicy };
  };

  return {
    rule(sponsorSlug, productType) {
      const key = `${sponsorSlug}\u0000${productType}`;
      const cached = cache.get(key);
      if (cached !== undefined && cached.expiresAt > now()) return cached.rule;
      const rule = read(sponsorSlug, productType);
      const entry = { expiresAt: Number.POSITIVE_INFINITY, rule };
      cache.set(key, entry);
      // The TTL runs from the answer, not the question; a failure is dropped so the next call asks again.
      rule.then(
        () => {
          entry.expiresAt = now() + ttlMs;
        },
        () => {
          if (cache.get(key) === entry) cache.delete(key);
        },
      );
      return rule;
    },
    clear() {
      cache.clear();
    },
  };
}
