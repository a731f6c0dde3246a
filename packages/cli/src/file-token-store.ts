import { createHash, randomUUID } from 'node:crypto';
import { chmod, mkdir, open, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GrantKey, LockOptions, StoredGrant, TokenStore, TokenStoreLock, VersionedGrant } from '@coverlink/auth';
import { AuthError, AuthErrorCode, grantKeyString } from '@coverlink/auth';

/** Options of {@link FileTokenStore}. */
export interface FileTokenStoreOptions {
  /** The folder holding `grants.json` and its lock files; created with mode 0700 when missing. */
  directory: string;
  /** How long the short lock around each write may be held before it counts as abandoned. Default 10 s. */
  writeLockTtlMs?: number | undefined;
}

interface GrantFile {
  format: 1;
  grants: Record<string, VersionedGrant>;
}

interface LockFileContent {
  owner: string;
  pid: number;
  expiresAt: number;
}

const pollMs = 25;

/**
 * A {@link TokenStore} in one JSON file (`<directory>/grants.json`, mode 0600, in a 0700 folder), for
 * a command-line tool whose invocations must share grants: one writes it on `connect`, the next
 * reads and refreshes it.
 *
 * Every write is a read-modify-write under a lock file created with `O_EXCL`, and lands through a
 * temporary file renamed over the old one, so a reader sees the old file or the new one, never half
 * of one. `lock()` takes a per-grant lock file the same way; an abandoned one is taken over once its
 * `ttlMs` has passed, and `extend()` renews the lease by renaming a rewritten lock file over it.
 *
 * Scope: one machine, on a local file system. `O_EXCL` and `rename` are atomic there; on a network
 * file system they may not be, and processes on different machines cannot share this store. For a
 * fleet, use `RedisTokenStore`. Refresh tokens are stored as given (pass a `cipher` to the client to
 * encrypt them at rest); the store never prints or logs them.
 *
 * It keeps no refresh-expiry index (`grantsExpiringBefore`), so `refreshExpiringGrants` refuses it:
 * a command-line tool refreshes a grant when it is used, and has no scheduler to run the job.
 */
export class FileTokenStore implements TokenStore {
  /** The grants file. */
  readonly file: string;
  readonly #directory: string;
  readonly #writeLockTtlMs: number;
  /** Serialises this process's writes, so they queue here instead of polling the lock file. */
  #writes: Promise<unknown> = Promise.resolve();

  constructor(options: FileTokenStoreOptions) {
    this.#directory = options.directory;
    this.file = join(options.directory, 'grants.json');
    this.#writeLockTtlMs = options.writeLockTtlMs ?? 10_000;
  }

  async get(key: GrantKey): Promise<VersionedGrant | undefined> {
    const stored = (await this.#read()).grants[grantKeyString(key)];
    return stored === undefined ? undefined : { grant: { ...stored.grant }, version: stored.version };
  }

  set(key: GrantKey, grant: StoredGrant): Promise<number> {
    return this.#update((grants) => {
      const version = (grants[grantKeyString(key)]?.version ?? 0) + 1;
      grants[grantKeyString(key)] = { grant: { ...grant }, version };
      return { result: version, changed: true };
    });
  }

  compareAndSet(key: GrantKey, expectedVersion: number | undefined, grant: StoredGrant): Promise<boolean> {
    return this.#update((grants) => {
      const current = grants[grantKeyString(key)];
      if (current?.version !== expectedVersion) return { result: false, changed: false };
      grants[grantKeyString(key)] = { grant: { ...grant }, version: (current?.version ?? 0) + 1 };
      return { result: true, changed: true };
    });
  }

  delete(key: GrantKey): Promise<void> {
    return this.#update((grants) => {
      const changed = Object.hasOwn(grants, grantKeyString(key));
      delete grants[grantKeyString(key)];
      return { result: undefined, changed };
    });
  }

  async lock(key: GrantKey, options: LockOptions): Promise<TokenStoreLock> {
    await this.#ensureDirectory();
    const name = createHash('sha256').update(grantKeyString(key)).digest('hex').slice(0, 32);
    const path = join(this.#directory, `refresh-${name}.lock`);
    const owner = await acquireLockFile(path, options.ttlMs, options.waitMs, options.signal);
    if (owner === undefined) {
      throw new AuthError(`Another holder kept the token refresh lock for more than ${options.waitMs} ms.`, {
        code: AuthErrorCode.lockTimeout,
        hint: 'A refresh is slow or a process died holding the lock; the lock expires by itself. Retry, or raise the lock wait.',
      });
    }
    return { release: () => releaseLockFile(path, owner), extend: (ttlMs) => extendLockFile(path, owner, ttlMs) };
  }

  async #update<T>(change: (grants: Record<string, VersionedGrant>) => { result: T; changed: boolean }): Promise<T> {
    const run = async (): Promise<T> => {
      await this.#ensureDirectory();
      const lockPath = `${this.file}.lock`;
      const owner = await acquireLockFile(lockPath, this.#writeLockTtlMs, this.#writeLockTtlMs, undefined);
      if (owner === undefined) {
        throw new AuthError(`The token store ${this.file} stayed locked by another process.`, {
          code: AuthErrorCode.storeUnavailable,
          hint: `If no other coverlink process runs, delete ${lockPath}.`,
        });
      }
      try {
        const data = await this.#read();
        const { result, changed } = change(data.grants);
        if (changed) await this.#write(data);
        return result;
      } finally {
        await releaseLockFile(lockPath, owner);
      }
    };
    const next = this.#writes.then(run, run);
    this.#writes = next.catch(() => undefined);
    return next;
  }

  async #read(): Promise<GrantFile> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { format: 1, grants: {} };
      throw unavailable(`The token store ${this.file} cannot be read.`, error);
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw unavailable(`The token store ${this.file} is not valid JSON.`, error);
    }
    const grants = (data as { grants?: unknown } | null)?.grants;
    if ((data as { format?: unknown } | null)?.format !== 1 || typeof grants !== 'object' || grants === null) {
      throw unavailable(`The token store ${this.file} is not a Coverlink grants file.`, undefined);
    }
    return { format: 1, grants: grants as Record<string, VersionedGrant> };
  }

  /** Writes the whole file to a temporary sibling (0600, flushed), then renames it over the old one. */
  async #write(data: GrantFile): Promise<void> {
    const temporary = `${this.file}.${process.pid}.${randomUUID()}.tmp`;
    const handle = await open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(`${JSON.stringify(data, null, 2)}\n`, 'utf8');
      await handle.sync();
    } catch (error) {
      await handle.close();
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
    await handle.close();
    try {
      await rename(temporary, this.file);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
  }

  async #ensureDirectory(): Promise<void> {
    const created = await mkdir(this.#directory, { recursive: true, mode: 0o700 });
    if (created !== undefined) await chmod(this.#directory, 0o700);
  }
}

function unavailable(message: string, cause: unknown): AuthError {
  return new AuthError(message, {
    code: AuthErrorCode.storeUnavailable,
    hint: 'Check the file and its permissions; deleting it forgets every stored connection (connect again).',
    cause,
  });
}

/** Creates `path` exclusively; returns the owner token, or undefined when the wait ran out. */
async function acquireLockFile(path: string, ttlMs: number, waitMs: number, signal: AbortSignal | undefined): Promise<string | undefined> {
  const owner = randomUUID();
  const deadline = Date.now() + waitMs;
  for (;;) {
    signal?.throwIfAborted();
    try {
      const handle = await open(path, 'wx', 0o600);
      try {
        const content: LockFileContent = { owner, pid: process.pid, expiresAt: Date.now() + ttlMs };
        await handle.writeFile(JSON.stringify(content), 'utf8');
      } finally {
        await handle.close();
      }
      return owner;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const held = await readLockFile(path);
    // Expired, or unreadable for longer than a writer needs to fill it in: abandoned.
    if (held === undefined || held.expiresAt <= Date.now()) {
      if (held !== undefined || (await isOlderThan(path, 1_000))) {
        await removeIfUnchanged(path, held);
        continue;
      }
    }
    const remaining = deadline - Date.now();
    if (remaining <= 0) return undefined;
    await new Promise((resolve) => setTimeout(resolve, Math.min(pollMs, remaining)));
  }
}

async function releaseLockFile(path: string, owner: string): Promise<void> {
  const held = await readLockFile(path);
  if (held?.owner === owner) await unlink(path).catch(() => undefined);
}

/**
 * Renews a lock file this owner still holds and whose lease has not run out, by renaming a rewritten
 * copy over it (a reader sees the old content or the new, never half). Returns whether this owner
 * holds the renewed lock. The same narrow window as in {@link removeIfUnchanged} exists between the
 * check and the rename; it needs the lease to run out during it, which the holder's renewals at a
 * fraction of the TTL prevent.
 */
async function extendLockFile(path: string, owner: string, ttlMs: number): Promise<boolean> {
  const held = await readLockFile(path);
  if (held?.owner !== owner || held.expiresAt <= Date.now()) return false;
  const temporary = `${path}.${process.pid}.${randomUUID()}.tmp`;
  try {
    const content: LockFileContent = { owner, pid: process.pid, expiresAt: Date.now() + ttlMs };
    await writeFile(temporary, JSON.stringify(content), { encoding: 'utf8', mode: 0o600, flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw unavailable(`The refresh lock ${path} cannot be renewed.`, error);
  }
  return (await readLockFile(path))?.owner === owner;
}

async function readLockFile(path: string): Promise<LockFileContent | undefined> {
  try {
    const content = JSON.parse(await readFile(path, 'utf8')) as Partial<LockFileContent>;
    if (typeof content.owner === 'string' && typeof content.expiresAt === 'number') return content as LockFileContent;
  } catch {
    // Missing (released meanwhile), or being written: the caller decides.
  }
  return undefined;
}

async function isOlderThan(path: string, milliseconds: number): Promise<boolean> {
  try {
    return Date.now() - (await stat(path)).mtimeMs > milliseconds;
  } catch {
    // Gone (released meanwhile) is not abandoned: the next attempt creates it, and removing what
    // stands there by then would remove another writer's fresh lock.
    return false;
  }
}

/**
 * Removes an abandoned lock file, unless another process replaced it since we read it. A narrow
 * window remains between the check and the unlink (two processes taking over the same abandoned
 * lock at once); it only matters after a holder died, and the next refresh's compare-and-set still
 * keeps the stored grant consistent.
 */
async function removeIfUnchanged(path: string, seen: LockFileContent | undefined): Promise<void> {
  const now = await readLockFile(path);
  if (now?.owner !== seen?.owner) return;
  // An unreadable lock file may be one another writer has just created and not filled in yet: only an old one is abandoned.
  if (seen === undefined && !(await isOlderThan(path, 1_000))) return;
  await unlink(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
}
