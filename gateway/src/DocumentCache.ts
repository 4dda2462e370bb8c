import { parse, type DocumentNode } from 'graphql';

/**
 * Parsed GraphQL documents by their text, the least recently used dropped past `capacity`. The
 * operations the query planner sends a subgraph repeat (one per fetch of each client operation), so
 * a subgraph that is down does not cost a parse per request; the bound keeps a stream of distinct
 * operations from growing it without end.
 */
export class DocumentCache {
  private readonly documents = new Map<string, DocumentNode>();

  constructor(private readonly capacity: number) {
    if (!(capacity >= 1)) throw new Error('A document cache needs a capacity of at least 1');
  }

  /** The document of `query`, parsed on first use; throws as `parse` does for text that is not GraphQL. */
  parse(query: string): DocumentNode {
    const cached = this.documents.get(query);
    if (cached) {
      // Map keeps insertion order: taking it out and back in makes it the most recently used.
      this.documents.delete(query);
      this.documents.set(query, cached);
      return cached;
    }
    const document = parse(query);
    this.documents.set(query, document);
    if (this.documents.size > this.capacity) this.documents.delete(this.documents.keys().next().value!);
    return document;
  }
}
