import type { CodeChallenge } from './pkce.js';
import { verifierMatches } from './pkce.js';
import { randomToken } from './secrets.js';

/** Why the token endpoint answered `invalid_grant`; {@link HelloClaimsStats.invalidGrant} counts each. */
export const invalidGrantReasons = [
  'code_unknown',
  'code_expired',
  'code_reused',
  'code_client_mismatch',
  'redirect_uri_mismatch',
  'pkce_verifier_missing',
  'pkce_verifier_mismatch',
  'pkce_verifier_unexpected',
  'refresh_token_unknown',
  'refresh_token_expired',
  'refresh_token_reused',
  'refresh_token_revoked',
  'refresh_token_client_mismatch',
] as const;

/** One of {@link invalidGrantReasons}. */
export type InvalidGrantReason = (typeof invalidGrantReasons)[number];

/** What the mock has done so far, for tests. A snapshot: later activity does not change it. */
export interface HelloClaimsStats {
  /** Authorization codes handed to a redirect URI. */
  codesIssued: number;
  /** Codes exchanged for tokens (each at most once). */
  codesRedeemed: number;
  accessTokensIssued: number;
  refreshTokensIssued: number;
  /** Successful `refresh_token` grants. */
  refreshesPerformed: number;
  /** Successful `client_credentials` grants. */
  clientCredentialsGrants: number;
  /** Access and refresh tokens revoked because a code was reused (or a refresh token, with `revokeOnRefreshTokenReuse`). */
  tokensRevoked: number;
  /**
   * Token families (the tokens issued from one code, rotations included) that a reuse revoked while some of their tokens
   * were still usable: each is a user the provider disconnected.
   */
  familiesRevoked: number;
  /** Login forms submitted with the right password and "Allow". */
  loginsSucceeded: number;
  /** Login forms submitted with an unknown user or a wrong password. */
  loginsFailed: number;
  /** "Deny" answers (redirected with `error=access_denied`). */
  accessDenied: number;
  /** `invalid_client` answers of the token endpoint. */
  invalidClient: number;
  /** `invalid_grant` answers of the token endpoint, by reason (every reason is present, 0 when it never happened). */
  invalidGrant: Record<InvalidGrantReason, number>;
  /** What is usable right now, by the server's clock. */
  valid: { codes: number; accessTokens: number; refreshTokens: number };
}

/**
 * What the server thinks of a refresh token: `active` (usable now), `rotated` (exchanged already; presenting it again is
 * reuse), `revoked` (its family was revoked), `expired`, or `unknown` (never issued here).
 */
export type RefreshTokenState = 'active' | 'rotated' | 'revoked' | 'expired' | 'unknown';

/** What a resource server needs to know about a valid access token. */
export interface AccessTokenInfo {
  clientId: string;
  /** The user who signed in; `undefined` for a `client_credentials` token, which has no user context. */
  username: string | undefined;
  scopes: readonly string[];
  /** Milliseconds since the epoch, by the server's clock. */
  issuedAt: number;
  expiresAt: number;
}

/** The tokens of a successful grant; the token endpoint turns them into the documented response. */
export interface IssuedTokens {
  accessToken: string;
  /** Absent for `client_credentials`, which Hello Claims documents without a refresh token. */
  refreshToken: string | undefined;
  /** Milliseconds since the epoch, on a whole second (as in the doc's example `.issued`). */
  issuedAt: number;
  /** Seconds the access token lives. */
  expiresIn: number;
}

/** The result of a grant: tokens, or the RFC 6749 §5.2 error to answer. */
export type GrantResult =
  | { ok: true; tokens: IssuedTokens }
  | { ok: false; error: 'invalid_grant'; reason: InvalidGrantReason; description: string }
  | { ok: false; error: 'invalid_scope'; description: string };

/** Lifetimes in seconds, and the clock in milliseconds. */
export interface IssuedGrantsSettings {
  codeSeconds: number;
  accessTokenSeconds: number;
  refreshTokenSeconds: number;
  now: () => number;
  /** Whether presenting a rotated refresh token also revokes the tokens that replaced it. */
  revokeOnRefreshTokenReuse: boolean;
  onLog: (line: string) => void;
}

interface CodeRecord {
  clientId: string;
  username: string;
  redirectUri: string;
  scopes: readonly string[];
  challenge: CodeChallenge | undefined;
  expiresAt: number;
  redeemed: boolean;
  /** Every token issued from this code, including later rotations, shares it; reuse of the code revokes them all. */
  family: string;
}

interface AccessTokenRecord {
  clientId: string;
  username: string | undefined;
  scopes: readonly string[];
  issuedAt: number;
  expiresAt: number;
  revoked: boolean;
  family: string | undefined;
}

interface RefreshTokenRecord {
  clientId: string;
  username: string;
  scopes: readonly string[];
  redirectUri: string;
  expiresAt: number;
  /** `rotated`: exchanged once already, so dead; presenting it again is reuse. */
  status: 'active' | 'rotated' | 'revoked';
  family: string;
}

type GrantFailure = Extract<GrantResult, { ok: false }>;

function failure(reason: InvalidGrantReason, description: string): GrantFailure {
  return { ok: false, error: 'invalid_grant', reason, description };
}

/**
 * The state of the authorization server: codes and tokens, in memory. Tokens are kept by value (a real server would keep
 * hashes); expired records are kept too, so that a late reuse is still recognised as reuse rather than as an unknown token.
 */
export class IssuedGrants {
  readonly #settings: IssuedGrantsSettings;
  readonly #codes = new Map<string, CodeRecord>();
  readonly #accessTokens = new Map<string, AccessTokenRecord>();
  readonly #refreshTokens = new Map<string, RefreshTokenRecord>();
  readonly #counters = {
    codesIssued: 0,
    codesRedeemed: 0,
    accessTokensIssued: 0,
    refreshTokensIssued: 0,
    refreshesPerformed: 0,
    clientCredentialsGrants: 0,
    tokensRevoked: 0,
    familiesRevoked: 0,
    loginsSucceeded: 0,
    loginsFailed: 0,
    accessDenied: 0,
    invalidClient: 0,
  };
  readonly #invalidGrant = Object.fromEntries(invalidGrantReasons.map((reason) => [reason, 0])) as Record<InvalidGrantReason, number>;

  constructor(settings: IssuedGrantsSettings) {
    this.#settings = settings;
  }

  /** Records a login outcome of the login page, for {@link stats}. */
  countLogin(outcome: 'succeeded' | 'failed' | 'denied'): void {
    if (outcome === 'succeeded') this.#counters.loginsSucceeded++;
    else if (outcome === 'failed') this.#counters.loginsFailed++;
    else this.#counters.accessDenied++;
  }

  /** Records an `invalid_client` answer, for {@link stats}. */
  countInvalidClient(): void {
    this.#counters.invalidClient++;
  }

  /** Issues a one-time authorization code for a user who allowed `clientId`. */
  issueCode(grant: {
    clientId: string;
    username: string;
    redirectUri: string;
    scopes: readonly string[];
    challenge: CodeChallenge | undefined;
  }): string {
    const code = randomToken();
    this.#codes.set(code, {
      ...grant,
      expiresAt: this.#settings.now() + this.#settings.codeSeconds * 1000,
      redeemed: false,
      family: randomToken(),
    });
    this.#counters.codesIssued++;
    return code;
  }

  /**
   * The `authorization_code` grant (RFC 6749 §4.1.3). `redirectUri` is the normalised value of the request. A failed
   * attempt does not use the code up (the client may retry with a corrected request): only a successful exchange does.
   */
  exchangeCode(request: { code: string; clientId: string; redirectUri: string; codeVerifier: string | undefined }): GrantResult {
    const record = this.#codes.get(request.code);
    if (record === undefined) return this.#fail(failure('code_unknown', 'The authorization code is unknown.'));
    const problem = this.#checkCode(record, request);
    if (problem !== undefined) return this.#fail(problem);
    record.redeemed = true;
    this.#counters.codesRedeemed++;
    return { ok: true, tokens: this.#issue(record) };
  }

  #checkCode(
    record: CodeRecord,
    request: { clientId: string; redirectUri: string; codeVerifier: string | undefined },
  ): GrantFailure | undefined {
    // Checked before reuse: another client presenting a code must not be able to revoke the rightful client's tokens.
    if (record.clientId !== request.clientId)
      return failure('code_client_mismatch', 'The authorization code was issued to another client.');
    if (record.redeemed) {
      // RFC 6749 §4.1.2: a reused code may have been stolen, so the tokens already issued from it are revoked.
      const revoked = this.#revokeFamily(record.family);
      this.#settings.onLog(`authorization code reused by ${record.clientId}: revoked ${revoked} token(s) issued from it`);
      return failure('code_reused', 'The authorization code has already been used; the tokens issued from it are revoked.');
    }
    if (this.#settings.now() >= record.expiresAt) return failure('code_expired', 'The authorization code has expired.');
    if (request.redirectUri !== record.redirectUri) {
      return failure('redirect_uri_mismatch', 'redirect_uri is not the one the authorization code was issued for.');
    }
    if (record.challenge === undefined) {
      // RFC 9700 §2.1.1: a verifier without a challenge is a PKCE downgrade attempt, so it is refused rather than ignored.
      if (request.codeVerifier !== undefined) {
        return failure('pkce_verifier_unexpected', 'code_verifier was sent, but the authorization request carried no code_challenge.');
      }
    } else {
      if (request.codeVerifier === undefined)
        return failure('pkce_verifier_missing', 'code_verifier is required: the authorization request carried a code_challenge.');
      if (!verifierMatches(request.codeVerifier, record.challenge))
        return failure('pkce_verifier_mismatch', 'code_verifier does not match the code_challenge.');
    }
    return undefined;
  }

  /**
   * The `refresh_token` grant (RFC 6749 §6) with rotation: the presented token dies and a new one, living the full refresh
   * lifetime again, replaces it. `redirectUri` (the doc sends it; normalised) is checked only when present. `scopes` may
   * narrow the new access token's scopes (RFC 6749 §6); the new refresh token keeps the original ones.
   */
  refresh(request: {
    refreshToken: string;
    clientId: string;
    redirectUri: string | undefined;
    scopes: readonly string[] | undefined;
  }): GrantResult {
    const record = this.#refreshTokens.get(request.refreshToken);
    if (record === undefined) return this.#fail(failure('refresh_token_unknown', 'The refresh token is unknown.'));
    const problem = this.#checkRefreshToken(record, request);
    if (problem !== undefined) return this.#fail(problem);
    const scopes = request.scopes ?? record.scopes;
    const missing = scopes.filter((scope) => !record.scopes.includes(scope));
    if (missing.length > 0)
      return { ok: false, error: 'invalid_scope', description: `The refresh token was not granted: ${missing.join(' ')}.` };
    record.status = 'rotated';
    this.#counters.refreshesPerformed++;
    return { ok: true, tokens: this.#issue(record, scopes) };
  }

  #checkRefreshToken(record: RefreshTokenRecord, request: { clientId: string; redirectUri: string | undefined }): GrantFailure | undefined {
    if (record.clientId !== request.clientId)
      return failure('refresh_token_client_mismatch', 'The refresh token was issued to another client.');
    if (record.status === 'rotated') {
      let detail = 'the tokens that replaced it stay valid';
      if (this.#settings.revokeOnRefreshTokenReuse) detail = `revoked ${this.#revokeFamily(record.family)} token(s) of its family`;
      this.#settings.onLog(`refresh token reused by ${record.clientId} after rotation: ${detail}`);
      return failure('refresh_token_reused', 'The refresh token has already been used; use the refresh token returned with it.');
    }
    if (record.status === 'revoked') return failure('refresh_token_revoked', 'The refresh token has been revoked.');
    if (this.#settings.now() >= record.expiresAt) return failure('refresh_token_expired', 'The refresh token has expired.');
    if (request.redirectUri !== undefined && request.redirectUri !== record.redirectUri) {
      return failure('redirect_uri_mismatch', 'redirect_uri is not the one the refresh token was issued for.');
    }
    return undefined;
  }

  /** The `client_credentials` grant: an access token without user context and, as documented, without a refresh token. */
  clientCredentials(clientId: string, scopes: readonly string[]): IssuedTokens {
    this.#counters.clientCredentialsGrants++;
    const { accessToken, issuedAt } = this.#issueAccessToken(clientId, undefined, scopes, undefined);
    return { accessToken, refreshToken: undefined, issuedAt, expiresIn: this.#settings.accessTokenSeconds };
  }

  /** The access token's details if it is valid now (known, not revoked, not expired), else `undefined`. */
  introspectAccessToken(token: string): AccessTokenInfo | undefined {
    const record = this.#accessTokens.get(token);
    if (record === undefined || record.revoked || this.#settings.now() >= record.expiresAt) return undefined;
    return {
      clientId: record.clientId,
      username: record.username,
      scopes: record.scopes,
      issuedAt: record.issuedAt,
      expiresAt: record.expiresAt,
    };
  }

  /** The state of a refresh token by the server's clock; see {@link RefreshTokenState}. */
  refreshTokenState(token: string): RefreshTokenState {
    const record = this.#refreshTokens.get(token);
    if (record === undefined) return 'unknown';
    if (record.status === 'active' && this.#settings.now() >= record.expiresAt) return 'expired';
    return record.status;
  }

  /** A snapshot of the counters and of what is valid now. */
  stats(): HelloClaimsStats {
    const now = this.#settings.now();
    let codes = 0;
    for (const record of this.#codes.values()) if (!record.redeemed && now < record.expiresAt) codes++;
    let accessTokens = 0;
    for (const record of this.#accessTokens.values()) if (!record.revoked && now < record.expiresAt) accessTokens++;
    let refreshTokens = 0;
    for (const record of this.#refreshTokens.values()) if (record.status === 'active' && now < record.expiresAt) refreshTokens++;
    return { ...this.#counters, invalidGrant: { ...this.#invalidGrant }, valid: { codes, accessTokens, refreshTokens } };
  }

  #fail(result: GrantFailure): GrantFailure {
    if (result.error === 'invalid_grant') this.#invalidGrant[result.reason]++;
    return result;
  }

  /** Issues an access token with `accessScopes` and a refresh token carrying the grant's own scopes. */
  #issue(
    grant: Pick<CodeRecord, 'clientId' | 'username' | 'scopes' | 'family' | 'redirectUri'>,
    accessScopes = grant.scopes,
  ): IssuedTokens {
    const { accessToken, issuedAt } = this.#issueAccessToken(grant.clientId, grant.username, accessScopes, grant.family);
    const refreshToken = randomToken();
    this.#refreshTokens.set(refreshToken, {
      clientId: grant.clientId,
      username: grant.username,
      scopes: grant.scopes,
      redirectUri: grant.redirectUri,
      expiresAt: issuedAt + this.#settings.refreshTokenSeconds * 1000,
      status: 'active',
      family: grant.family,
    });
    this.#counters.refreshTokensIssued++;
    return { accessToken, refreshToken, issuedAt, expiresIn: this.#settings.accessTokenSeconds };
  }

  #issueAccessToken(clientId: string, username: string | undefined, scopes: readonly string[], family: string | undefined) {
    // A whole second, like the doc's `.issued` example, so that `.expires` − `.issued` is exactly `expires_in`.
    const issuedAt = Math.floor(this.#settings.now() / 1000) * 1000;
    const accessToken = randomToken();
    const expiresAt = issuedAt + this.#settings.accessTokenSeconds * 1000;
    this.#accessTokens.set(accessToken, { clientId, username, scopes, issuedAt, expiresAt, revoked: false, family });
    this.#counters.accessTokensIssued++;
    return { accessToken, issuedAt };
  }

  /** Revokes every still-usable token of a family; returns how many. */
  #revokeFamily(family: string): number {
    let revoked = 0;
    for (const record of this.#accessTokens.values()) {
      if (record.family === family && !record.revoked) {
        record.revoked = true;
        revoked++;
      }
    }
    for (const record of this.#refreshTokens.values()) {
      if (record.family === family && record.status === 'active') {
        record.status = 'revoked';
        revoked++;
      }
    }
    this.#counters.tokensRevoked += revoked;
    if (revoked > 0) this.#counters.familiesRevoked++;
    return revoked;
  }
}
