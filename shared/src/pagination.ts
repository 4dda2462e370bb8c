import { isObjectType, type GraphQLSchema } from 'graphql';
import { ERRORS } from './errors';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** `first` defaults to 20; 0..100 is allowed; anything else is the caller's mistake, said plainly. */
export function parseFirst(first: number | null | undefined, max = MAX_PAGE_SIZE, fallback = DEFAULT_PAGE_SIZE): number {
  if (first === null || first === undefined) return fallback;
  if (!Number.isInteger(first) || first < 0 || first > max) {
    throw ERRORS.BAD_USER_INPUT.err(`"first" must be between 0 and ${max}, got ${first}`, { field: 'first' });
  }
  return first;
}

/**
 * Cursors are opaque to clients: base64url of the sort key of the last row seen, so pages stay
 * stable (no duplicates, no gaps) while rows are added or removed elsewhere in the list.
 */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined, shape: readonly ('string' | 'number')[]): (string | number)[] | null {
  if (cursor === null || cursor === undefined) return null;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  if (!Array.isArray(key) || key.length !== shape.length || key.some((v, i) => typeof v !== shape[i])) {
    throw ERRORS.BAD_USER_INPUT.err('"after" is not a cursor this list handed out', { field: 'after' });
  }
  return key as (string | number)[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A cursor of a list sorted by (date, id): the date must be a real calendar day, so a forged
 * cursor is the client's error, never a failed SQL cast.
 */
export function decodeDateCursor(cursor: string | null | undefined): readonly [string, string] | null {
  const key = decodeCursor(cursor, ['string', 'string']) as [string, string] | null;
  if (key && !isCursorDate(key[0])) throw ERRORS.BAD_USER_INPUT.err('"after" is not a cursor this list handed out', { field: 'after' });
  return key;
}

/** A date a cursor may hold: a real calendar day from 0001-01-01 on (PostgreSQL has no year 0). */
export function isCursorDate(value: string): boolean {
  return ISO_DATE.test(value) && value >= '0001-01-01' && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString().slice(0, 10) === value;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  /** A number, or a thunk the default resolver calls only when a client selects totalCount. */
  totalCount: number | (() => Promise<number>);
}

/**
 * An edge whose cursor is encoded only when read: a client paging through a list asks for the last
 * cursor (`pageInfo.endCursor`), rarely for every edge's, and a page of a hundred cities' lists is
 * a thousand edges. A getter, so graphql-js's default resolver and compiled execution alike read it.
 */
class PageEdge<T> implements Edge<T> {
  constructor(
    readonly node: T,
    private readonly keyOf: (row: T) => (string | number)[],
  ) {}

  get cursor(): string {
    return encodeCursor(this.keyOf(this.node));
  }
}

/** Builds a connection from up to first + 1 rows (the extra row only says whether there is a next page). */
export function toConnection<T>(rows: readonly T[], first: number, totalCount: Connection<T>['totalCount'], keyOf: (row: T) => (string | number)[]): Connection<T> {
  const page = rows.slice(0, first);
  const edges = page.map((node) => new PageEdge(node, keyOf));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
    totalCount,
  };
}

const totalCountOf = (connection: Pick<Connection<unknown>, 'totalCount'>) =>
  typeof connection.totalCount === 'function' ? connection.totalCount() : connection.totalCount;

/**
 * Gives every `totalCount` field without a resolver one that calls the thunk a connection may hold
 * there. graphql-js's default resolver calls a function it finds in a field's property; compiled
 * execution (graphql-jit) reads the property as it is, so without this a lazy count would answer
 * a function where an Int belongs.
 */
export function resolveTotalCounts(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const field = type.getFields().totalCount;
    if (field && !field.resolve) field.resolve = totalCountOf;
  }
  return schema;
}
