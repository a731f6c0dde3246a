import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { isLoopbackHost } from '@coverlink/auth';
import { helloClaimsEnvironments } from '@coverlink/helloclaims';
import helloClaimsManifest from '@coverlink/helloclaims/coverlink.provider.json' with { type: 'json' };
import oneAssureManifest from '@coverlink/oneassure/coverlink.provider.json' with { type: 'json' };
import { osiguEnvironments } from '@coverlink/osigu';
import osiguManifest from '@coverlink/osigu/coverlink.provider.json' with { type: 'json' };
import dotenv from 'dotenv';
import { registerSecret, UsageError } from './cli-errors.js';

/** Where the commands point: the local mocks (default) or the providers' documented sandbox hosts. */
export type Environment = 'local' | 'sandbox';

export const environments: readonly Environment[] = ['local', 'sandbox'];

/**
 * Settings in precedence order: a flag, then the process environment, then `.env` in the working
 * directory, then the default. Empty values count as unset.
 */
export class ConfigSource {
  readonly #environment: Readonly<Record<string, string | undefined>>;
  readonly #dotenv: Readonly<Record<string, string>>;

  constructor(environment: Readonly<Record<string, string | undefined>>, dotenv: Readonly<Record<string, string>> = {}) {
    this.#environment = environment;
    this.#dotenv = dotenv;
  }

  /** Reads `<cwd>/.env` if there is one; the process environment is not modified. */
  static load(cwd: string, environment: Readonly<Record<string, string | undefined>>): ConfigSource {
    let text: string | undefined;
    try {
      text = readFileSync(join(cwd, '.env'), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    return new ConfigSource(environment, text === undefined ? {} : dotenv.parse(text));
  }

  /** The flag's value, else the variable from the environment, else from `.env`. */
  value(flag: string | undefined, variable: string): string | undefined {
    return nonEmpty(flag) ?? nonEmpty(this.#environment[variable]) ?? nonEmpty(this.#dotenv[variable]);
  }

  /** `--env`, `COVERLINK_ENV` or `local`. */
  environment(flag: string | undefined): Environment {
    const value = this.value(flag, 'COVERLINK_ENV') ?? 'local';
    const found = environments.find((name) => name === value);
    if (found === undefined) throw new UsageError(`Unknown environment "${value}".`, `Use --env ${environments.join(' or --env ')}.`);
    return found;
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

const local = (port: number) => `http://127.0.0.1:${port}`;

/** The local mocks' documented addresses (the ports of each provider's coverlink.provider.json) and credentials. */
export const localDefaults = {
  osigu: { baseUrl: local(osiguManifest.mock.port), clientId: 'demo-client', clientSecret: 'demo-secret' },
  oneassure: { baseUrl: local(oneAssureManifest.mock.port), clientId: 'demo-client', clientSecret: 'demo-secret' },
  helloclaims: {
    authorizationUrl: `${local(helloClaimsManifest.mock.authorizationServer.port)}/login/broker`,
    tokenUrl: `${local(helloClaimsManifest.mock.authorizationServer.port)}/login/token`,
    baseUrl: local(helloClaimsManifest.mock.port),
    clientId: 'coverlink-demo',
    clientSecret: 'coverlink-demo-secret',
  },
  redirectUri: 'http://127.0.0.1:9999/callback',
} as const;

/** Credential flags every provider command takes. */
export interface CredentialFlags {
  clientId?: string | undefined;
  clientSecret?: string | undefined;
}

function credentials(
  source: ConfigSource,
  flags: CredentialFlags,
  environment: Environment,
  provider: { label: string; prefix: string; clientId: string; clientSecret: string },
): { clientId: string; clientSecret: string } {
  const clientId = source.value(flags.clientId, `${provider.prefix}_CLIENT_ID`);
  const clientSecret = source.value(flags.clientSecret, `${provider.prefix}_CLIENT_SECRET`);
  registerSecret(clientSecret);
  if (environment === 'local') return { clientId: clientId ?? provider.clientId, clientSecret: clientSecret ?? provider.clientSecret };
  if (clientId === undefined || clientSecret === undefined) {
    const missing = clientId === undefined ? 'client id' : 'client secret';
    const flag = clientId === undefined ? '--client-id' : '--client-secret';
    const variable = `${provider.prefix}_CLIENT_${clientId === undefined ? 'ID' : 'SECRET'}`;
    throw new UsageError(
      `The ${provider.label} ${missing} is missing for --env sandbox.`,
      `Set ${variable} in the environment or in .env (or pass ${flag}); the mock credentials only work against the local mocks.`,
    );
  }
  return { clientId, clientSecret };
}

/** Resolved OSIGU settings. */
export interface OsiguConfig {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
}

export function resolveOsiguConfig(
  source: ConfigSource,
  environment: Environment,
  flags: CredentialFlags & { baseUrl?: string | undefined },
): OsiguConfig {
  const prefix = 'COVERLINK_OSIGU';
  const fallback = environment === 'local' ? localDefaults.osigu.baseUrl : osiguEnvironments.sandbox;
  return {
    baseUrl: source.value(flags.baseUrl, `${prefix}_BASE_URL`) ?? fallback,
    ...credentials(source, flags, environment, { label: 'OSIGU', prefix, ...localDefaults.osigu }),
  };
}

/** Resolved OneAssure settings. */
export interface OneAssureConfig {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
}

export function resolveOneAssureConfig(
  source: ConfigSource,
  environment: Environment,
  flags: CredentialFlags & { baseUrl?: string | undefined },
): OneAssureConfig {
  const prefix = 'COVERLINK_ONEASSURE';
  let baseUrl = source.value(flags.baseUrl, `${prefix}_BASE_URL`);
  if (baseUrl === undefined) {
    if (environment === 'sandbox') {
      throw new UsageError(
        'OneAssure has no public API host: --env sandbox needs the one OneAssure gave you.',
        'Pass --base-url https://… or set COVERLINK_ONEASSURE_BASE_URL (environment or .env).',
      );
    }
    baseUrl = localDefaults.oneassure.baseUrl;
  }
  return {
    baseUrl: baseUrl.replace(/\/$/, ''),
    ...credentials(source, flags, environment, { label: 'OneAssure', prefix, ...localDefaults.oneassure }),
  };
}

/** Resolved Hello Claims settings. */
export interface HelloClaimsConfig {
  authorizationUrl: string;
  tokenUrl: string;
  baseUrl: string;
  redirectUri: string;
  /** Scopes asked for on connect; empty when none is configured (the client then refuses to start). */
  scopes: readonly string[];
  clientId: string;
  clientSecret: string;
  storeDirectory: string;
  userId: string;
}

/** Flags of the `helloclaims` commands. */
export interface HelloClaimsFlags extends CredentialFlags {
  authorizationUrl?: string | undefined;
  tokenUrl?: string | undefined;
  baseUrl?: string | undefined;
  redirectUri?: string | undefined;
  scopes?: string | undefined;
  storeDir?: string | undefined;
  userId?: string | undefined;
}

export function resolveHelloClaimsConfig(source: ConfigSource, environment: Environment, flags: HelloClaimsFlags): HelloClaimsConfig {
  const prefix = 'COVERLINK_HELLOCLAIMS';
  const hosts =
    environment === 'local'
      ? localDefaults.helloclaims
      : {
          authorizationUrl: helloClaimsEnvironments.staging.authorizationUrl,
          tokenUrl: helloClaimsEnvironments.staging.tokenUrl,
          baseUrl: helloClaimsEnvironments.staging.baseUrl,
        };
  return {
    authorizationUrl: source.value(flags.authorizationUrl, `${prefix}_AUTHORIZATION_URL`) ?? hosts.authorizationUrl,
    tokenUrl: source.value(flags.tokenUrl, `${prefix}_TOKEN_URL`) ?? hosts.tokenUrl,
    baseUrl: source.value(flags.baseUrl, `${prefix}_BASE_URL`) ?? hosts.baseUrl,
    redirectUri: source.value(flags.redirectUri, `${prefix}_REDIRECT_URI`) ?? localDefaults.redirectUri,
    // The local mock's placeholder scopes; Hello Claims' own list is not public, so staging has no default.
    scopes: (source.value(flags.scopes, `${prefix}_SCOPES`) ?? (environment === 'local' ? 'requests quotes' : ''))
      .split(' ')
      .filter((scope) => scope !== ''),
    storeDirectory: source.value(flags.storeDir, 'COVERLINK_STORE_DIR') ?? defaultStoreDirectory(),
    userId: source.value(flags.userId, `${prefix}_USER_ID`) ?? 'default',
    ...credentials(source, flags, environment, { label: 'Hello Claims', prefix, ...localDefaults.helloclaims }),
  };
}

/** `~/.config/coverlink`. */
export function defaultStoreDirectory(): string {
  return join(homedir(), '.config', 'coverlink');
}

/** Throws a usage error unless `url` is an absolute http(s) URL; `http://` only on loopback. */
export function checkUrl(url: string, option: string): URL {
  if (!URL.canParse(url)) throw new UsageError(`${option} must be an absolute URL, got "${url}".`);
  const parsed = new URL(url);
  if (parsed.protocol === 'https:' || (parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname))) return parsed;
  throw new UsageError(`${option} must be https:// (http:// only for 127.0.0.1 or localhost), got "${url}".`);
}
