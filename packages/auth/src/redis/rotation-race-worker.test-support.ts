// One process of the rotation race (rotation-race.test.ts): CALLERS concurrent callers asking one
// shared grant for tokens until DEADLINE, through a RedisTokenStore shared with the other processes.
// Prints one JSON line with what it saw. MODE=hold-lock instead takes the refresh lock and waits to
// be killed, as a process that dies mid-refresh would. Optional: LOCK_TTL_MS (the provider's lock
// lease), CIPHER_KEY (base64 of a 32-byte key, id k1: refresh tokens encrypted at rest), and
// START=on-go (print "ready", then start the callers when a line "go" arrives on stdin), RUN_MS (run
// until that long after the start instead of until DEADLINE).
import { createInterface } from 'node:readline';
import { demoClientSettingsFromEnvironment, demoGrantKey, sleep } from '@coverlink/test-kit/standalone';
import { createClient } from '@redis/client';
import { createAuthorizationCodeClient } from '../authorization-code.js';
import { createRefreshTokenCipher } from '../refresh-token-cipher.js';
import { createUserTokenProvider } from '../user-token-provider.js';
import { RedisTokenStore } from './redis-token-store.js';

const environment = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};

const redis = await createClient({ url: environment('REDIS_URL'), disableOfflineQueue: true }).connect();
const store = new RedisTokenStore(redis);
const { redirectUri, ...demoClient } = demoClientSettingsFromEnvironment();
const key = demoGrantKey(environment('SUBJECT'));

if (process.env.MODE === 'hold-lock') {
  await store.lock(key, { ttlMs: Number(environment('LOCK_TTL_MS')), waitMs: 5_000 });
  process.stdout.write('locked\n');
  await new Promise(() => {});
}

const tokens = createUserTokenProvider({
  oauthClient: createAuthorizationCodeClient(demoClient),
  store,
  key,
  redirectUri,
  expirySkewSeconds: Number(environment('SKEW_SECONDS')),
  lock: { ttlMs: process.env.LOCK_TTL_MS === undefined ? undefined : Number(process.env.LOCK_TTL_MS) },
  cipher:
    process.env.CIPHER_KEY === undefined
      ? undefined
      : await createRefreshTokenCipher([{ id: 'k1', key: new Uint8Array(Buffer.from(process.env.CIPHER_KEY, 'base64')) }]),
});

if (process.env.START === 'on-go') {
  process.stdout.write('ready\n');
  const lines = createInterface({ input: process.stdin });
  await new Promise<void>((resolve) => lines.on('line', (line) => line === 'go' && resolve()));
  lines.close();
  process.stdin.destroy();
}

const deadline = process.env.RUN_MS === undefined ? Number(environment('DEADLINE')) : Date.now() + Number(process.env.RUN_MS);
const seen = new Set<string>();
const errors: Array<{ code: unknown; message: string }> = [];
let calls = 0;

async function caller(): Promise<void> {
  while (Date.now() < deadline) {
    try {
      seen.add(await tokens.getToken());
      calls += 1;
    } catch (error) {
      errors.push({ code: (error as { code?: unknown }).code, message: error instanceof Error ? error.message : String(error) });
    }
    await sleep(5 + Math.random() * 10);
  }
}

await Promise.all(Array.from({ length: Number(environment('CALLERS')) }, caller));
process.stdout.write(`${JSON.stringify({ calls, tokens: [...seen], errors })}\n`);
redis.destroy();
