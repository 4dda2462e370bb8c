import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, decodeCursor, decodeDateCursor, encodeCursor, parseFirst, toConnection } from '../src/pagination';
import { graphqlErrorFrom } from './errorAssertions';

describe('parseFirst', () => {
  it('defaults to 20 when "first" is null or undefined', () => {
    expect(DEFAULT_PAGE_SIZE).toBe(20);
    expect(parseFirst(undefined)).toBe(20);
    expect(parseFirst(null)).toBe(20);
  });

  it.each([0, 1, 50, 100])('accepts %d, which is within 0..100', (first) => {
    expect(parseFirst(first)).toBe(first);
  });

  it.each([101, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects %d with BAD_USER_INPUT naming the "first" argument', (first) => {
    const error = graphqlErrorFrom(() => parseFirst(first));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(error.message).toContain(`between 0 and ${MAX_PAGE_SIZE}`);
  });

  it('honours a custom maximum and fallback', () => {
    expect(parseFirst(undefined, 10, 5)).toBe(5);
    expect(parseFirst(10, 10)).toBe(10);
    expect(graphqlErrorFrom(() => parseFirst(11, 10)).extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('decodeDateCursor', () => {
  it('reads back a (date, id) cursor', () => {
    expect(decodeDateCursor(encodeCursor(['2022-10-24', 'nsc-summit-2022-copenhagen']))).toEqual(['2022-10-24', 'nsc-summit-2022-copenhagen']);
    expect(decodeDateCursor(null)).toBeNull();
  });

  it.each([['2021-02-30'], ['2021-13-01'], ['0000-01-01'], ['-001-01-01'], ['2021-1-1'], ['yesterday']])('refuses a cursor whose date is %s: no date PostgreSQL would refuse reaches SQL', (date) => {
    expect(graphqlErrorFrom(() => decodeDateCursor(encodeCursor([date, 'x']))).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

describe('encodeCursor / decodeCursor', () => {
  it('round-trips a mixed string and number key', () => {
    const key = ['Bærum', 42];
    expect(decodeCursor(encodeCursor(key), ['string', 'number'])).toEqual(key);
  });

  it('produces an opaque, URL-safe cursor', () => {
    const cursor = encodeCursor(['a/b+c?', 1]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain('a/b');
  });

  it('returns null when there is no cursor', () => {
    expect(decodeCursor(null, ['string'])).toBeNull();
    expect(decodeCursor(undefined, ['string'])).toBeNull();
  });

  it.each([
    ['garbage that is not base64url JSON', '!!!not a cursor!!!'],
    ['an empty string', ''],
    ['base64url JSON that is an object, not an array', Buffer.from('{"0":"a","1":1}').toString('base64url')],
    ['base64url JSON null', Buffer.from('null').toString('base64url')],
  ])('rejects %s with BAD_USER_INPUT naming the "after" argument', (_label, cursor) => {
    const error = graphqlErrorFrom(() => decodeCursor(cursor, ['string', 'number']));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('rejects a key with the wrong number of parts with BAD_USER_INPUT', () => {
    expect(graphqlErrorFrom(() => decodeCursor(encodeCursor(['a']), ['string', 'number'])).extensions.code).toBe('BAD_USER_INPUT');
    expect(graphqlErrorFrom(() => decodeCursor(encodeCursor(['a', 1, 2]), ['string', 'number'])).extensions.code).toBe('BAD_USER_INPUT');
  });

  it('rejects a key whose parts have the wrong types with BAD_USER_INPUT', () => {
    expect(graphqlErrorFrom(() => decodeCursor(encodeCursor([1, 'a']), ['string', 'number'])).extensions.code).toBe('BAD_USER_INPUT');
    expect(graphqlErrorFrom(() => decodeCursor(encodeCursor(['1']), ['number'])).extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('toConnection', () => {
  interface Row {
    name: string;
    id: number;
  }
  const rows: Row[] = [
    { name: 'Aarhus', id: 1 },
    { name: 'Bergen', id: 2 },
    { name: 'Espoo', id: 3 },
  ];
  const keyOf = (row: Row) => [row.name, row.id];

  it('returns at most "first" edges and reports a next page when an extra row was fetched', () => {
    const connection = toConnection(rows, 2, 10, keyOf);
    expect(connection.edges.map((edge) => edge.node)).toEqual(rows.slice(0, 2));
    expect(connection.pageInfo.hasNextPage).toBe(true);
  });

  it('reports no next page when rows.length equals "first"', () => {
    const connection = toConnection(rows, 3, 3, keyOf);
    expect(connection.edges).toHaveLength(3);
    expect(connection.pageInfo.hasNextPage).toBe(false);
  });

  it('gives each edge the cursor of its own sort key and uses the last one as endCursor', () => {
    const connection = toConnection(rows, 2, 10, keyOf);
    expect(connection.edges.map((edge) => decodeCursor(edge.cursor, ['string', 'number']))).toEqual([
      ['Aarhus', 1],
      ['Bergen', 2],
    ]);
    expect(connection.pageInfo.endCursor).toBe(connection.edges[1].cursor);
  });

  it("encodes an edge's cursor only when it is read: building a page encodes the last one, for endCursor", () => {
    const sortKeyOf = jest.fn(keyOf);
    const connection = toConnection(rows, 3, 3, sortKeyOf);
    expect(sortKeyOf.mock.calls).toEqual([[rows[2]]]);
    expect(decodeCursor(connection.edges[0].cursor, ['string', 'number'])).toEqual(['Aarhus', 1]);
    expect(sortKeyOf.mock.calls).toEqual([[rows[2]], [rows[0]]]);
  });

  it('has a null endCursor and no next page when there are no rows', () => {
    const connection = toConnection<Row>([], 20, 0, keyOf);
    expect(connection.edges).toEqual([]);
    expect(connection.pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });

  it('has no edges but still reports a next page when first is 0 and rows exist', () => {
    const connection = toConnection(rows.slice(0, 1), 0, 3, keyOf);
    expect(connection.edges).toEqual([]);
    expect(connection.pageInfo).toEqual({ hasNextPage: true, endCursor: null });
  });

  it('passes totalCount through unchanged, whether a number or a thunk', () => {
    expect(toConnection(rows, 2, 42, keyOf).totalCount).toBe(42);
    const thunk = jest.fn(async () => 7);
    const connection = toConnection(rows, 2, thunk, keyOf);
    expect(connection.totalCount).toBe(thunk);
    expect(thunk).not.toHaveBeenCalled();
  });
});
