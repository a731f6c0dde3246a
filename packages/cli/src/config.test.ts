import { describe, expect, it } from 'vitest';
import { UsageError } from './cli-errors.js';
import { ConfigSource, resolveHelloClaimsConfig, resolveOneAssureConfig, resolveOsiguConfig } from './config.js';

describe('ConfigSource', () => {
  it('takes a flag over the environment over .env, and treats empty values as unset', () => {
    const source = new ConfigSource({ A: 'env', B: 'env', C: '' }, { A: 'dotenv', B: 'dotenv', C: 'dotenv', D: 'dotenv' });
    expect(source.value('flag', 'A')).toBe('flag');
    expect(source.value(undefined, 'B')).toBe('env');
    expect(source.value(undefined, 'C')).toBe('dotenv');
    expect(source.value(undefined, 'D')).toBe('dotenv');
    expect(source.value(undefined, 'E')).toBeUndefined();
  });

  it('defaults to the local mocks and their credentials', () => {
    const source = new ConfigSource({});
    expect(source.environment(undefined)).toBe('local');
    expect(resolveOsiguConfig(source, 'local', {})).toEqual({
      baseUrl: 'http://127.0.0.1:4010',
      clientId: 'demo-client',
      clientSecret: 'demo-secret',
    });
    expect(resolveOneAssureConfig(source, 'local', {}).baseUrl).toBe('http://127.0.0.1:4011');
    expect(resolveHelloClaimsConfig(source, 'local', {})).toMatchObject({
      authorizationUrl: 'http://127.0.0.1:4012/login/broker',
      baseUrl: 'http://127.0.0.1:4013',
      redirectUri: 'http://127.0.0.1:9999/callback',
      clientId: 'coverlink-demo',
    });
  });

  it('points --env sandbox at the documented hosts and requires credentials', () => {
    const source = new ConfigSource({ COVERLINK_OSIGU_CLIENT_ID: 'id', COVERLINK_OSIGU_CLIENT_SECRET: 'secret' });
    expect(resolveOsiguConfig(source, 'sandbox', {}).baseUrl).toBe('https://sandbox.osigu.com');
    expect(() => resolveHelloClaimsConfig(source, 'sandbox', {})).toThrow(UsageError);
    const helloClaims = resolveHelloClaimsConfig(source, 'sandbox', { clientId: 'id', clientSecret: 'secret' });
    expect(helloClaims.authorizationUrl).toBe('https://uat-login.helloclaims.com.au/login/broker');
    expect(() => resolveOneAssureConfig(source, 'sandbox', { clientId: 'id', clientSecret: 'secret' })).toThrow(/no public API host/);
  });

  it('rejects an unknown COVERLINK_ENV', () => {
    expect(() => new ConfigSource({ COVERLINK_ENV: 'prod' }).environment(undefined)).toThrow(UsageError);
  });
});
