/** An answer as kept: its data (answers with errors are never kept) and when it was kept. */
export interface StoredResponse {
  readonly data: Record<string, unknown>;
  /** Milliseconds since the epoch, for the `Age` header. */
  readonly storedAt: number;
}

/** What a lookup found, and the store's invalidation count at that moment (for `store`). */
export interface Lookup {
  readonly found: StoredResponse | undefined;
  readonly invalidations: number;
}

/**
 * Where the gateway keeps answers, each with tags naming what it holds (`ResponseTags`).
 * `invalidate` forgets every answer holding one of the tags, at once for every gateway sharing the
 * store. `store` keeps an answer only if nothing was invalidated since the lookup that preceded
 * it: an answer read from the subgraphs while a write was committing may be older than the write.
 */
export interface ResponseStore {
  /** Opens what the store needs (a connection); one that fails leaves requests going on without it. */
  connect(): Promise<void>;
  lookup(key: string): Promise<Lookup>;
  /** False when an invalidation came between: nothing was kept. */
  store(key: string, response: StoredResponse, tags: readonly string[], ttlSeconds: number, invalidationsAtLookup: number): Promise<boolean>;
  /** Forgets the answers holding any of `tags`; how many it forgot. */
  invalidate(tags: readonly string[]): Promise<number>;
  /** Forgets every answer (a write whose outcome is unknown). */
  clear(): Promise<void>;
  close(): Promise<void>;
}
