import type { DocumentNode, OperationDefinitionNode } from 'graphql';
import { stringify } from 'safe-stable-stringify';
import { orderLocaleFromHeader, type Caller, type Logger } from '@nsc-hub/shared';
import type { ResponseCacheConfig } from '../config';
import type { SubgraphChanges } from '../SubgraphChanges';
import { MemoryResponseStore } from './MemoryResponseStore';
import { RedisResponseStore } from './RedisResponseStore';
import type { Lookup, ResponseStore } from './ResponseStore';
import { sha256 } from '../watchFileContent';
import { ResponseTags } from './ResponseTags';

/**
 * Whose view of the graph an answer is: callers in one class see the same answers (what a
 * resolver checks is the role, and for editors their country), callers in different ones may not.
 */
export function visibilityClassOf(caller: Caller): string {
  if (caller.kind === 'anonymous') return 'anonymous';
  return caller.role === 'editor' ? `editor:${caller.country ?? ''}` : caller.role;
}

/** What an answer to a query depends on besides the data. */
export interface AnswerKeyParts {
  readonly queryHash: string;
  readonly operationName: string | null | undefined;
  readonly variables: Record<string, unknown> | undefined;
  readonly caller: Caller;
  /** Lists by name follow it when the query names no order. */
  readonly acceptLanguage: string | undefined;
}

/** How often the cache answered, and what it kept and forgot, since the gateway started. */
export interface ResponseCacheCounts {
  hits: number;
  misses: number;
  stored: number;
  evicted: number;
  /** Cache operations that failed (Redis unreachable): the request went on without the cache. */
  failures: number;
}

/**
 * The gateway's response cache: answers to queries, keyed by supergraph, document, operation,
 * variables, the caller's visibility class and reading order, kept for their cache policy's maxAge,
 * and forgotten when a subgraph reports a change to anything they hold. A store that fails (Redis
 * down) never fails a request: it is answered without the cache, and the outage is logged once.
 */
export class ResponseCache {
  readonly counts: ResponseCacheCounts = { hits: 0, misses: 0, stored: 0, evicted: 0, failures: 0 };
  private tags: ResponseTags;
  private supergraphHash: string;
  private failing = false;

  constructor(
    private readonly store: ResponseStore,
    supergraphSdl: string,
    private readonly log: Logger,
  ) {
    this.tags = ResponseTags.fromSupergraph(supergraphSdl);
    this.supergraphHash = sha256(supergraphSdl);
  }

  static create(config: Exclude<ResponseCacheConfig, { store: 'off' }>, supergraphSdl: string, log: Logger): ResponseCache {
    const store = config.store === 'redis' ? new RedisResponseStore(config.url, config.keyPrefix) : new MemoryResponseStore(config.maxBytes);
    return new ResponseCache(store, supergraphSdl, log);
  }

  /** Answers of an earlier supergraph are not found under this one (their keys hold its hash). */
  supergraphLoaded(sdl: string): void {
    this.tags = ResponseTags.fromSupergraph(sdl);
    this.supergraphHash = sha256(sdl);
  }

  keyOf(parts: AnswerKeyParts): string {
    return sha256(
      stringify([
        this.supergraphHash,
        parts.queryHash,
        parts.operationName ?? null,
        parts.variables ?? {},
        visibilityClassOf(parts.caller),
        orderLocaleFromHeader(parts.acceptLanguage),
      ]),
    );
  }

  /** Undefined when the store failed. */
  async lookup(key: string): Promise<Lookup | undefined> {
    const lookup = await this.attempt(() => this.store.lookup(key));
    if (lookup) {
      if (lookup.found) this.counts.hits++;
      else this.counts.misses++;
    }
    return lookup;
  }

  async keep(key: string, document: DocumentNode, operation: OperationDefinitionNode, data: Record<string, unknown>, ttlSeconds: number, invalidationsAtLookup: number): Promise<void> {
    const tags = this.tags.of(document, operation, data);
    const kept = await this.attempt(() => this.store.store(key, { data, storedAt: Date.now() }, tags, ttlSeconds, invalidationsAtLookup));
    if (kept) this.counts.stored++;
  }

  /** Forgets what the reported changes make stale; everything when a subgraph may have written without saying what. */
  async forget(changes: SubgraphChanges): Promise<void> {
    if (changes.unanswered.size > 0) {
      await this.attempt(() => this.store.clear());
      this.log.info({ subgraphs: [...changes.unanswered] }, 'response cache cleared: a write went unanswered');
      return;
    }
    const tags = [...new Set(changes.reported.flatMap(({ subgraph, change }) => this.tags.forChange(subgraph, change)))];
    const evicted = await this.attempt(() => this.store.invalidate(tags));
    if (evicted !== undefined) this.counts.evicted += evicted;
  }

  async connect(): Promise<void> {
    await this.store.connect().catch((error: unknown) => this.failed(error));
  }

  close(): Promise<void> {
    return this.store.close();
  }

  private async attempt<T>(work: () => Promise<T>): Promise<T | undefined> {
    try {
      const result = await work();
      if (this.failing) {
        this.failing = false;
        this.log.info('response cache reachable again');
      }
      return result;
    } catch (error) {
      this.failed(error);
      return undefined;
    }
  }

  private failed(error: unknown): void {
    this.counts.failures++;
    if (this.failing) return;
    this.failing = true;
    this.log.warn({ err: error }, 'response cache unavailable: answering without it');
  }
}

