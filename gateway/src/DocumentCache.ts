import { parse, type DocumentNode } from 'graphql';
import { LruCache } from './LruCache';

/**
 * Parsed GraphQL documents by their text, the least recently used dropped past `capacity`. The
 * operations the query planner sends a subgraph repeat (one per fetch of each client operation), so
 * a subgraph that is down does not cost a parse per request; the bound keeps a stream of distinct
 * operations from growing it without end.
 */
export class DocumentCache {
  private readonly documents: LruCache<string, DocumentNode>;

  constructor(capacity: number) {
    if (!(capacity >= 1)) throw new Error('A document cache needs a capacity of at least 1');
    this.documents = new LruCache(capacity);
  }

  /** The document of `query`, parsed on first use; throws as `parse` does for text that is not GraphQL. */
  parse(query: string): DocumentNode {
    return this.documents.get(query, () => parse(query));
  }
}
