import { parseSecureUrl } from '@coverlink/auth';
import { OneAssureError, OneAssureErrorCode } from './oneassure-errors.js';
import { createOneAssureSessionToken } from './oneassure-tokens.js';

/** OneAssure's documented hosted health journey. */
export const oneAssureJourneyUrl = 'https://orca.oneassure.in/health';

/** Options of {@link createRedirectUrl}. */
export interface RedirectUrlOptions {
  /** The client id OneAssure issued. */
  clientId: string;
  /** The client secret; this is why the function only runs on a server. */
  clientSecret: string;
  /** OneAssure's token endpoint (`<api host>/v1/auth/token`). */
  tokenUrl: string;
  /** Your platform's id of the user being sent to the journey. */
  userId: string;
  /**
   * The journey to send the user to. Default {@link oneAssureJourneyUrl}. Configuration, never user
   * input: the session token goes wherever this points.
   */
  journeyUrl?: string | undefined;
  /** The fetch used for the token request. */
  fetch?: typeof fetch | undefined;
  /** Cancels the token request. */
  signal?: AbortSignal | undefined;
}

/**
 * Mints a fresh per-user session token on the server and returns the URL that hands the user to
 * OneAssure's hosted health journey: `https://orca.oneassure.in/health?session-token=<token>`.
 * A new token every time, never cached, so the user gets the full hour; the token is URL-encoded;
 * the journey host comes from your configuration only and must be https (or loopback for a mock).
 * Send the user there with a full-page redirect, a new tab, an iframe or a webview.
 *
 * @example
 * ```ts
 * app.get('/continue-to-oneassure', async (request, reply) => {
 *   reply.redirect(303, await createRedirectUrl({ clientId, clientSecret, tokenUrl, userId: request.user.id }));
 * });
 * ```
 * @throws {OneAssureError} `ONEASSURE_INVALID_REDIRECT` for a journey URL that is not https; no token is minted.
 * @throws {AuthError} When the token request fails (A4001, A4290, …).
 */
export async function createRedirectUrl(options: RedirectUrlOptions): Promise<string> {
  let journey: URL;
  try {
    journey = parseSecureUrl(options.journeyUrl ?? oneAssureJourneyUrl, 'journeyUrl').url;
  } catch {
    throw new OneAssureError(
      'journeyUrl must be an absolute https:// URL (http:// only on loopback, for a local mock).',
      OneAssureErrorCode.invalidRedirect,
      `Leave journeyUrl out to use ${oneAssureJourneyUrl}, or set it from configuration, never from request input.`,
    );
  }
  const { accessToken } = await createOneAssureSessionToken(
    { tokenUrl: options.tokenUrl, clientId: options.clientId, clientSecret: options.clientSecret, fetch: options.fetch },
    { userId: options.userId, signal: options.signal },
  );
  journey.searchParams.set('session-token', accessToken);
  return journey.href;
}
