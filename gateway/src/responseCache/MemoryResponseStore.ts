import { LRUCache } from 'lru-cache';
import type { Lookup, ResponseStore, StoredResponse } from './ResponseStore';

interface Entry {
  readonly response: StoredResponse;
  readonly tags: readonly string[];
  readonly bytes: number;
}

/**
 * The response store of one gateway process: bounded by the size of the JSON it keeps, least
 * recently used out first, each answer for its own time. What invalidates it reaches this process
 * only; gateways that share answers use Redis.
 */
export class MemoryResponseStore implements ResponseStore {
  private readonly byTag = new Map<string, Set<string>>();
  private invalidations = 0;
  private readonly entries: LRUCache<string, Entry>;

  constructor(maxBytes: number) {
    this.entries = new LRUCache<string, Entry>({
      maxSize: maxBytes,
      sizeCalculation: (entry) => entry.bytes,
      // Expired answers are taken out on time, so their tags do not pile up in the index.
      ttlAutopurge: true,
      dispose: (entry, key) => this.unindex(key, entry.tags),
    });
  }

  async connect(): Promise<void> {
    // Nothing to open: the answers are in this process.
  }

  async lookup(key: string): Promise<Lookup> {
    return { found: this.entries.get(key)?.response, invalidations: this.invalidations };
  }

  async store(key: string, response: StoredResponse, tags: readonly string[], ttlSeconds: number, invalidationsAtLookup: number): Promise<boolean> {
    if (invalidationsAtLookup !== this.invalidations) return false;
    // The JSON's length in UTF-16 units is near enough its size in bytes for a bound.
    const bytes = JSON.stringify(response.data).length + tags.reduce((sum, tag) => sum + tag.length, 0);
    this.entries.set(key, { response, tags, bytes }, { ttl: ttlSeconds * 1000 });
    // An answer larger than the whole cache is not kept (and was never indexed).
    if (!this.entries.has(key)) return false;
    for (const tag of tags) {
      const keys = this.byTag.get(tag) ?? new Set<string>();
      keys.add(key);
      this.byTag.set(tag, keys);
    }
    return true;
  }

  async invalidate(tags: readonly string[]): Promise<number> {
    this.invalidations++;
    const keys = new Set(tags.flatMap((tag) => [...(this.byTag.get(tag) ?? [])]));
    for (const key of keys) this.entries.delete(key);
    return keys.size;
  }

  async clear(): Promise<void> {
    this.invalidations++;
    this.entries.clear();
  }

  async close(): Promise<void> {
    this.entries.clear();
  }

  private unindex(key: string, tags: readonly string[]): void {
    for (const tag of tags) {
      const keys = this.byTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.byTag.delete(tag);
    }
  }
}
