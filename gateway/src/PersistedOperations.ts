import { readFileSync } from 'node:fs';
import { printExecutableGraphQLDocument } from '@graphql-tools/documents';
import { parse, type DocumentNode } from 'graphql';
import { LruCache } from './LruCache';
import { sha256 } from './watchFileContent';

/** One operation of Apollo's persisted query list: its id is the SHA-256 of its body. */
export interface PersistedOperation {
  readonly id: string;
  readonly name: string;
  readonly type: 'query' | 'mutation' | 'subscription';
  readonly body: string;
}

/** Apollo's persisted query manifest (`@apollo/generate-persisted-query-manifest`'s format). */
export interface PersistedQueryManifest {
  readonly format: 'apollo-persisted-query-manifest';
  readonly version: 1;
  readonly operations: readonly PersistedOperation[];
}

const VERDICTS_KEPT = 1000;

/**
 * A document as the list holds it: printed as GraphQL Code Generator prints persisted documents
 * (fields, fragments and variables in a fixed order, no comments, one line), so the ids it puts
 * in a client's documents are the ids listed here; spacing, comments and order do not count.
 */
export const printCanonical = (document: DocumentNode): string => printExecutableGraphQLDocument(document);

export const canonicalDocument = (query: string): string => printCanonical(parse(query));

/** The id of a listed document: the hex SHA-256 of its body, as APQ hashes a query. */
export const operationId = (body: string): string => sha256(body);

/**
 * The trusted documents the frontends send (`npm run operations:manifest` writes them from
 * `operations/`): found by id, or recognised by their text whatever its spacing.
 */
export class PersistedOperations {
  private readonly byId: ReadonlyMap<string, PersistedOperation>;
  /** Verdicts on documents sent as text. */
  private readonly verdicts = new LruCache<string, boolean>(VERDICTS_KEPT);

  constructor(readonly manifest: PersistedQueryManifest) {
    this.byId = new Map(manifest.operations.map((operation) => [operation.id, operation]));
  }

  static parse(text: string): PersistedOperations {
    const manifest = JSON.parse(text) as Partial<PersistedQueryManifest>;
    if (manifest.format !== 'apollo-persisted-query-manifest' || manifest.version !== 1 || !Array.isArray(manifest.operations)) {
      throw new Error('not an Apollo persisted query manifest (format "apollo-persisted-query-manifest", version 1)');
    }
    for (const operation of manifest.operations) {
      if (typeof operation?.body !== 'string' || operation.id !== operationId(operation.body)) {
        throw new Error(`operation ${JSON.stringify(operation?.name)}: its id is not the SHA-256 of its body`);
      }
    }
    return new PersistedOperations(manifest as PersistedQueryManifest);
  }

  static load(path: string): PersistedOperations {
    return PersistedOperations.parse(readFileSync(path, 'utf8'));
  }

  get size(): number {
    return this.byId.size;
  }

  /** The document listed under `id`. */
  body(id: string): string | undefined {
    return this.byId.get(id)?.body;
  }

  /**
   * Whether a document sent as text is one of the list (a document that does not parse is not).
   * The answer is kept by text, so a frontend sending the same document again costs a lookup,
   * not a parse and print.
   */
  lists(query: string): boolean {
    return this.verdicts.get(query, () => {
      try {
        return this.byId.has(operationId(canonicalDocument(query)));
      } catch {
        return false;
      }
    });
  }
}
