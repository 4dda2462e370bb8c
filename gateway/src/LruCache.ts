/**
 * Values by key, computed on first use; past `capacity` the least recently used is dropped, so a
 * stream of distinct keys (documents, variables) cannot grow it without end.
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly capacity: number) {
    if (!(capacity >= 1)) throw new Error('A cache needs a capacity of at least 1');
  }

  /** The value kept for `key`, else `compute()`'s, kept; nothing is kept when `compute` throws. */
  get(key: K, compute: () => V): V {
    if (this.entries.has(key)) {
      const kept = this.entries.get(key) as V;
      // Map keeps insertion order: taking it out and back in makes it the most recently used.
      this.entries.delete(key);
      this.entries.set(key, kept);
      return kept;
    }
    const value = compute();
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
