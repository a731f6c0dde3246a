/**
 * Keys ordered by due time (a binary min-heap), the in-memory counterpart of a Redis sorted set:
 * what is due is found in O(due × log n), never by looking at every key. Rescheduling a key pushes
 * a new entry and leaves the old one behind; {@link takeDue} skips entries that no longer match the
 * key's current due time, so callers never need to remove from the middle.
 */
export class DueTimeQueue {
  readonly #heap: Array<{ dueAt: number; key: string }> = [];
  readonly #dueAt = new Map<string, number>();

  /** How many keys are scheduled. */
  get size(): number {
    return this.#dueAt.size;
  }

  /** Schedules `key` at `dueAt` (milliseconds since the epoch), replacing its earlier time. */
  schedule(key: string, dueAt: number): void {
    this.#dueAt.set(key, dueAt);
    this.#push({ dueAt, key });
    // Stale entries are dropped as they surface; compact when they outnumber the live ones, so memory follows the keys held.
    if (this.#heap.length > 2 * this.#dueAt.size + 16) this.#compact();
  }

  /** Unschedules `key`. */
  remove(key: string): void {
    this.#dueAt.delete(key);
  }

  /** The due time of `key`, or undefined when it is not scheduled. */
  dueAt(key: string): number | undefined {
    return this.#dueAt.get(key);
  }

  /** Removes and returns up to `limit` keys due at or before `now`, earliest first. */
  takeDue(now: number, limit = Number.POSITIVE_INFINITY): string[] {
    const due: string[] = [];
    while (due.length < limit) {
      const top = this.#heap[0];
      if (top === undefined || top.dueAt > now) break;
      this.#pop();
      if (this.#dueAt.get(top.key) !== top.dueAt) continue;
      this.#dueAt.delete(top.key);
      due.push(top.key);
    }
    return due;
  }

  #compact(): void {
    this.#heap.length = 0;
    for (const [key, dueAt] of this.#dueAt) this.#push({ dueAt, key });
  }

  #push(entry: { dueAt: number; key: string }): void {
    const heap = this.#heap;
    heap.push(entry);
    let index = heap.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if ((heap[parent] as { dueAt: number }).dueAt <= entry.dueAt) break;
      heap[index] = heap[parent] as { dueAt: number; key: string };
      index = parent;
    }
    heap[index] = entry;
  }

  #pop(): void {
    const heap = this.#heap;
    const last = heap.pop();
    if (last === undefined || heap.length === 0) return;
    let index = 0;
    for (;;) {
      const left = 2 * index + 1;
      const right = left + 1;
      let smallest = index;
      let smallestDue = last.dueAt;
      if (left < heap.length && (heap[left] as { dueAt: number }).dueAt < smallestDue) {
        smallest = left;
        smallestDue = (heap[left] as { dueAt: number }).dueAt;
      }
      if (right < heap.length && (heap[right] as { dueAt: number }).dueAt < smallestDue) smallest = right;
      if (smallest === index) break;
      heap[index] = heap[smallest] as { dueAt: number; key: string };
      index = smallest;
    }
    heap[index] = last;
  }
}
