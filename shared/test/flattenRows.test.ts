// Result rows become table rows: nested objects as dotted columns, lists in one cell joined by
// "; " or exploded into one row per item, nulls as empty cells, columns in order of first appearance.
import { flattenRows, rowsOf } from '../src/export';

const edges = [
  {
    node: {
      name: 'Aarhus',
      nativeName: 'Aarhus',
      country: { code: 'DK' },
      population: 285000,
      memberships: [{ network: { name: 'Strong Cities Network' }, status: 'ACTIVE' }],
    },
  },
  {
    node: {
      name: 'Copenhagen',
      nativeName: 'København',
      country: { code: 'DK' },
      population: null,
      memberships: [
        { network: { name: 'Nordic Safe Cities' }, status: 'ACTIVE' },
        { network: { name: 'Strong Cities Network' }, status: 'FORMER' },
      ],
    },
  },
];

test('nested objects become dotted columns; lists share one cell; nulls stay null', () => {
  expect(flattenRows(edges)).toEqual({
    columns: ['node.name', 'node.nativeName', 'node.country.code', 'node.population', 'node.memberships.network.name', 'node.memberships.status'],
    records: [
      { 'node.name': 'Aarhus', 'node.nativeName': 'Aarhus', 'node.country.code': 'DK', 'node.population': 285000, 'node.memberships.network.name': 'Strong Cities Network', 'node.memberships.status': 'ACTIVE' },
      {
        'node.name': 'Copenhagen',
        'node.nativeName': 'København',
        'node.country.code': 'DK',
        'node.population': null,
        'node.memberships.network.name': 'Nordic Safe Cities; Strong Cities Network',
        'node.memberships.status': 'ACTIVE; FORMER',
      },
    ],
  });
});

test('an exploded list gives one row per item, the other columns repeated; an empty one keeps the row', () => {
  const rows = [...edges, { node: { name: 'Vantaa', nativeName: 'Vanda', country: { code: 'FI' }, population: 1, memberships: [] } }];
  const table = flattenRows(rows, { explode: ['node.memberships'] });
  expect(table.records.map((r) => [r['node.name'], r['node.memberships.network.name'], r['node.memberships.status']])).toEqual([
    ['Aarhus', 'Strong Cities Network', 'ACTIVE'],
    ['Copenhagen', 'Nordic Safe Cities', 'ACTIVE'],
    ['Copenhagen', 'Strong Cities Network', 'FORMER'],
    ['Vantaa', undefined, undefined],
  ]);
  // No placeholder column for Vantaa's empty list: the items' columns stand for it.
  expect(table.columns).not.toContain('node.memberships');
});

test("a null inside a list keeps its place, so a list's columns line up", () => {
  const row = { memberships: [{ network: 'A', joinedYear: null }, { network: 'B', joinedYear: 2020 }], also: [{ note: null }] };
  expect(flattenRows([row]).records).toEqual([{ 'memberships.network': 'A; B', 'memberships.joinedYear': '; 2020', 'also.note': null }]);
});

test('lists of scalars join into one cell', () => {
  expect(flattenRows([{ languages: ['da', 'en'], topics: [] }]).records).toEqual([{ languages: 'da; en', topics: null }]);
});

test('rowsOf: a connection gives its edges, an aggregate its rows, a list its items, an object one row; a path picks the list', () => {
  expect(rowsOf({ cities: { totalCount: 2, edges } })).toBe(edges);
  const rows = [{ key: { status: 'ACTIVE' }, count: 37 }, { key: { status: null }, count: 1 }];
  expect(rowsOf({ membershipStats: { total: 38, rows } })).toBe(rows);
  expect(rowsOf({ forums: [{ id: 'ran' }, { id: 'gctf' }] })).toEqual([{ id: 'ran' }, { id: 'gctf' }]);
  expect(rowsOf({ city: { name: 'Aarhus' } })).toEqual([{ name: 'Aarhus' }]);
  expect(rowsOf({ city: null })).toEqual([]);
  expect(rowsOf({ network: { members: { edges: [{ node: 1 }] } } }, 'network.members')).toEqual([{ node: 1 }]);
  expect(() => rowsOf({ network: {} }, 'network.nothing')).toThrow('the answer has nothing at "network.nothing"');
});
