/**
 * Per-entity locks inside one process. FerretDB 1.24 turns every update into
 * read–modify–write, so two merges into one document can both "succeed" and
 * one is lost; serialising merges per `_id` here is what keeps them. FerretDB
 * serves one API process; on MongoDB, where several processes write, the
 * version-checked writes in upsert.ts hold across processes as well.
 */
import { ConflictError } from '../errors';

/** How long a write waits for another write to the same entity before answering CONFLICT (retryable). */
export const lockTimeoutMs = 10_000;

type Release = () => void;

/**
 * FIFO mutexes keyed by string. Waiting for a key that stays held past the
 * timeout gives up with a retryable CONFLICT: two ingestions that lock
 * overlapping sets in different orders cannot wait for each other for ever.
 */
export class KeyedLocks {
  private readonly tails = new Map<string, Promise<void>>();

  async acquire(key: string, timeoutMs = lockTimeoutMs): Promise<Release> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: Release;
    const mine = new Promise<void>((resolve) => (release = resolve));
    // Successors wait for the previous holder and for us, even if we give up waiting.
    const tail = previous.then(() => mine);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    let timer: NodeJS.Timeout | undefined;
    const acquired = await Promise.race([
      previous.then(() => true),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))),
    ]);
    clearTimeout(timer);
    if (!acquired) {
      release();
      throw new ConflictError(`Another write to the same entity (${key}) did not finish within ${timeoutMs} ms.`);
    }
    return release;
  }

  /** Keys currently held or awaited; for tests. */
  get size(): number {
    return this.tails.size;
  }
}

/** The process's locks: every write path shares them. */
export const entityLocks = new KeyedLocks();

/**
 * The locks one write holds until it commits or is undone. Keys known up front
 * are taken together in sorted order (no deadlock between writes that know
 * theirs); keys found while writing are taken one by one, bounded by the timeout.
 */
export class LockSet {
  private readonly held = new Map<string, Release>();

  constructor(private readonly locks: KeyedLocks = entityLocks) {}

  async lockAll(keys: Iterable<string>): Promise<void> {
    for (const key of [...new Set(keys)].sort()) await this.lock(key);
  }

  async lock(key: string): Promise<void> {
    if (this.held.has(key)) return;
    this.held.set(key, await this.locks.acquire(key));
  }

  releaseAll(): void {
    for (const release of this.held.values()) release();
    this.held.clear();
  }
}

/** Runs `action` holding the locks of `keys`, then releases them whatever happens. */
export async function withLocks<T>(keys: Iterable<string>, action: (locks: LockSet) => Promise<T>): Promise<T> {
  const locks = new LockSet();
  try {
    await locks.lockAll(keys);
    return await action(locks);
  } finally {
    locks.releaseAll();
  }
}
