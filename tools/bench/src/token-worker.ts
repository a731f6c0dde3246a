// One process of the token-economy benchmark: CALLS token requests (getToken) spread evenly from
// START over DURATION_MS, through a RedisTokenStore shared with the other processes (STORE=redis)
// or through its own MemoryTokenStore holding its own grant (STORE=memory). Prints one JSON line.
import { createAuthorizationCodeClient, createUserTokenProvider, MemoryTokenStore, storeGrant, type TokenStore } from '@coverlink/auth';
import { RedisTokenStore } from '@coverlink/auth/redis';
import { demoClientSettingsFromEnvironment, demoGrantKey, logInDemoUser } from '@coverlink/test-kit/standalone';
import { createClient } from '@redis/client';

const environment = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};

const { redirectUri, ...demoClient } = demoClientSettingsFromEnvironment();
const oauthClient = createAuthorizationCodeClient(demoClient);
const key = demoGrantKey(environment('SUBJECT'));

let store: TokenStore;
let redis: { destroy(): void } | undefined;
if (environment('STORE') === 'redis') {
  const client = await createClient({ url: environment('REDIS_URL'), disableOfflineQueue: true }).connect();
  redis = client;
  store = new RedisTokenStore(client);
} else {
  // Without a shared store each process needs its own grant: a rotated refresh token cannot be shared.
  store = new MemoryTokenStore();
  await storeGrant({ store, key, tokens: await logInDemoUser(oauthClient, { redirectUri }) });
}

const tokens = createUserTokenProvider({
  oauthClient,
  store,
  key,
  redirectUri,
  expirySkewSeconds: Number(environment('SKEW_SECONDS')),
});

const start = Number(environment('START'));
const duration = Number(environment('DURATION_MS'));
const calls = Number(environment('CALLS'));
const seen = new Set<string>();
const errors: string[] = [];
let completed = 0;

await new Promise((resolve) => setTimeout(resolve, Math.max(0, start - Date.now())));
const pending: Promise<void>[] = [];
for (let index = 0; index < calls; index++) {
  const due = start + (index * duration) / calls;
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now())));
  pending.push(
    tokens.getToken().then(
      (token) => {
        seen.add(token);
        completed++;
      },
      (error: unknown) => {
        errors.push(error instanceof Error ? `${(error as { code?: string }).code ?? ''} ${error.message}` : String(error));
      },
    ),
  );
}
await Promise.all(pending);
process.stdout.write(`${JSON.stringify({ calls: completed, tokens: seen.size, errors })}\n`);
redis?.destroy();
