// refreshExpiringGrants() at scale: 100,000 grants in a real Redis, 1 %, 10 % and 100 % of them due,
// against a fake token endpoint (any refresh answered at once with new tokens) so that 100 % due is
// feasible. Prints the time and the Redis commands (INFO commandstats, scripts' inner calls
// included) per run. `--only=jobs` runs just this step.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAuthorizationCodeClient, type GrantKey, MemoryRateLimiter, refreshExpiringGrants, type StoredGrant } from '@coverlink/auth';
import { RedisTokenStore } from '@coverlink/auth/redis';
import { startRedisServer } from '@coverlink/mocks';
import { createClient } from '@redis/client';

/** One run of the job over the grants held. */
export interface GrantRefreshJobRun {
  grantsHeld: number;
  duePercent: number;
  due: number;
  refreshed: number;
  seconds: number;
  redisCommands: number;
  redisCommandsPerDueGrant: number;
}

/** What the step measured. */
export interface GrantRefreshJobResult {
  runs: GrantRefreshJobRun[];
}

const grantsHeld = Number(process.env.BENCH_JOB_GRANTS ?? 100_000);
const client = { provider: 'bench', clientId: 'bench-client' };
const lifetimeSeconds = 86_400;

export async function measureGrantRefreshJob(): Promise<GrantRefreshJobResult> {
  console.log(`  refreshExpiringGrants over ${grantsHeld} grants in Redis (fake token endpoint)`);
  const redis = await startRedisServer();
  const tokenEndpoint = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      response.end(JSON.stringify({ access_token: randomUUID(), token_type: 'bearer', expires_in: 1_800, refresh_token: randomUUID() }));
    });
  });
  await new Promise<void>((resolve) => tokenEndpoint.listen(0, '127.0.0.1', resolve));
  const tokenUrl = `http://127.0.0.1:${(tokenEndpoint.address() as AddressInfo).port}/token`;
  const redisClient = await createClient({ url: redis.url, disableOfflineQueue: true }).connect();
  const runs: GrantRefreshJobRun[] = [];
  try {
    const oauthClient = createAuthorizationCodeClient({
      authorizationUrl: tokenUrl.replace('/token', '/authorize'),
      tokenUrl,
      clientId: client.clientId,
      clientSecret: 'bench-secret',
      maxRetries: 0,
    });
    for (const duePercent of [1, 10, 100]) {
      await redisClient.flushAll();
      const store = new RedisTokenStore(redisClient);
      const now = Date.now();
      const dueCount = Math.round((grantsHeld * duePercent) / 100);
      await writeGrants(store, dueCount, now);
      await redisClient.configResetStat();
      const started = performance.now();
      const result = await refreshExpiringGrants({
        oauthClient,
        store,
        client,
        refreshTokenLifetimeSeconds: lifetimeSeconds,
        refreshWithinSeconds: 3_600,
        rateLimiter: new MemoryRateLimiter({ requests: 1_000_000_000, intervalMs: 1_000 }),
      });
      const seconds = (performance.now() - started) / 1000;
      const redisCommands = await commandsRun(redisClient);
      const run: GrantRefreshJobRun = {
        grantsHeld,
        duePercent,
        due: result.due,
        refreshed: result.refreshed,
        seconds: Number(seconds.toFixed(2)),
        redisCommands,
        redisCommandsPerDueGrant: Number((redisCommands / Math.max(1, result.due)).toFixed(2)),
      };
      runs.push(run);
      console.log(
        `  ✓ ${duePercent}% due: ${run.due} due, ${run.refreshed} refreshed in ${run.seconds} s, ${run.redisCommands} Redis commands (${run.redisCommandsPerDueGrant} per due grant)`,
      );
    }
  } finally {
    redisClient.destroy();
    tokenEndpoint.close();
    await redis.stop();
  }
  return { runs };
}

/** Writes the grants held, the first `dueCount` of them expiring within the job's window. */
async function writeGrants(store: RedisTokenStore, dueCount: number, now: number): Promise<void> {
  const batch = 1_000;
  for (let start = 0; start < grantsHeld; start += batch) {
    await Promise.all(
      Array.from({ length: Math.min(batch, grantsHeld - start) }, (_, offset) => {
        const index = start + offset;
        const key: GrantKey = { ...client, subject: `user-${index}` };
        const grant: StoredGrant = {
          accessToken: `access-${index}`,
          accessTokenExpiresAt: now + 1_800_000,
          refreshToken: `refresh-${index}`,
          // Spread over the window (or over the day after it), so scores are not all one value.
          refreshTokenExpiresAt: index < dueCount ? now + 60_000 + (index % 3_000_000) : now + 7_200_000 + index,
          scope: undefined,
          status: 'active',
        };
        return store.set(key, grant);
      }),
    );
  }
}

async function commandsRun(redisClient: { info(section: string): Promise<string> }): Promise<number> {
  const info = await redisClient.info('commandstats');
  let total = 0;
  for (const [, command, calls] of info.matchAll(/^cmdstat_([a-z|]+):calls=(\d+)/gm)) {
    if (command !== 'info') total += Number(calls);
  }
  return total;
}
