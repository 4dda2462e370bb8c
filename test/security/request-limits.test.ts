// A request over one of the gateway's limits (body size, tokens, depth, aliases, directives,
// estimated cost) is answered HTTP 400 with QUERY_TOO_COMPLEX naming the limit and its maximum,
// before any subgraph is asked; every query the README shows runs under the default limits.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_LIMITS } from '@nsc-hub/gateway';
import { PRODUCTION_MODE, errorCodes } from '@nsc-hub/shared/src/testing';
import { startHub, type RunningHub } from '../helpers/startHub';

const LIMITS = { bodyBytes: 4096, tokens: 300, depth: 6, aliases: 5, directives: 4, cost: 2000 };

let hub: RunningHub;
let defaults: RunningHub;
beforeAll(async () => {
  hub = await startHub({ mode: PRODUCTION_MODE, gateway: { limits: LIMITS } });
  defaults = await startHub({ mode: PRODUCTION_MODE });
});
afterAll(async () => {
  await hub?.stop();
  await defaults?.stop();
});

const statementsSoFar = () => Object.values(hub.subgraphs).reduce((sum, s) => sum + s.queries.statements, 0);

async function expectLimit(query: string, limit: string, maximum: number, variables?: Record<string, unknown>) {
  const before = statementsSoFar();
  const res = await hub.query(query, variables);
  expect(res.status).toBe(400);
  expect(errorCodes(res)).toContain('QUERY_TOO_COMPLEX');
  const error = res.errors?.find((e) => e.extensions?.code === 'QUERY_TOO_COMPLEX');
  expect(error?.extensions).toMatchObject({ limit, maximum, requestId: expect.any(String) });
  expect(res.data ?? null).toBeNull();
  // Refused at the gateway: no subgraph ran a statement for it.
  expect(statementsSoFar()).toBe(before);
  return error!;
}

const nest = (levels: number) => `{ cities(first: 1) { edges { node { ${'memberships { city { '.repeat(levels)}id${' } }'.repeat(levels)} } } } }`;

test('a body over MAX_BODY_BYTES: 400 QUERY_TOO_COMPLEX (BODY_SIZE)', async () => {
  const body = JSON.stringify({ query: `{ countries { code } } # ${'x'.repeat(LIMITS.bodyBytes)}` });
  const res = await fetch(hub.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  expect(res.status).toBe(400);
  const json = (await res.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
  expect(json.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'BODY_SIZE', maximum: LIMITS.bodyBytes });
  expect(json.errors[0].message).toMatch(/larger than 4096 bytes/);
});

test('a body just under MAX_BODY_BYTES is served', async () => {
  const query = '{ countries { code } }';
  const padding = LIMITS.bodyBytes - JSON.stringify({ query: `${query} # ` }).length - 10;
  const res = await hub.query(`${query} # ${'x'.repeat(padding)}`);
  expect(res.errors).toBeUndefined();
});

test('more tokens than MAX_TOKENS: 400 QUERY_TOO_COMPLEX (TOKENS), the parser stops there', async () => {
  const error = await expectLimit(`{ ${'__typename '.repeat(LIMITS.tokens)} }`, 'TOKENS', LIMITS.tokens);
  expect(error.message).toMatch(/more than 300 tokens/);
});

test('deeper than MAX_DEPTH: 400 QUERY_TOO_COMPLEX (DEPTH)', async () => {
  const error = await expectLimit(nest(2), 'DEPTH', LIMITS.depth);
  expect(error.message).toMatch(/depth limit of 6 exceeded, found 8/);
  // Fragments do not add a level of their own.
  const res = await hub.query('{ cities(first: 1) { edges { node { ...C } } } } fragment C on City { memberships { city { id } } }');
  expect(res.errors).toBeUndefined();
});

test('a fragment cannot hide depth', async () => {
  await expectLimit('{ cities(first: 1) { edges { node { ...A } } } } fragment A on City { memberships { city { memberships { city { id } } } } }', 'DEPTH', LIMITS.depth);
});

test('more aliases than MAX_ALIASES: 400 QUERY_TOO_COMPLEX (ALIASES)', async () => {
  const aliases = Array.from({ length: LIMITS.aliases + 1 }, (_, i) => `a${i}: countries { code }`).join(' ');
  const error = await expectLimit(`{ ${aliases} }`, 'ALIASES', LIMITS.aliases);
  expect(error.message).toMatch(/Aliases limit of 5 exceeded, found 6/);
});

test('aliases spread through a fragment count too', async () => {
  const aliases = Array.from({ length: LIMITS.aliases + 1 }, (_, i) => `a${i}: code`).join(' ');
  await expectLimit(`{ countries { ...F } } fragment F on Country { ${aliases} }`, 'ALIASES', LIMITS.aliases);
});

test('more directives than MAX_DIRECTIVES: 400 QUERY_TOO_COMPLEX (DIRECTIVES)', async () => {
  await expectLimit(`{ countries { code ${'@include(if: true) '.repeat(LIMITS.directives + 1)} } }`, 'DIRECTIVES', LIMITS.directives);
  await expectLimit(`{ ${'__typename @skip(if: false) '.repeat(LIMITS.directives + 1)} }`, 'DIRECTIVES', LIMITS.directives);
});

test('`__typename` aliases count like any other: 101 of them are refused (ALIASES)', async () => {
  const res = await defaults.query(`{ ${Array.from({ length: 101 }, (_, i) => `t${i}: __typename`).join(' ')} }`);
  expect(res.status).toBe(400);
  const error = res.errors?.find((e) => e.extensions?.code === 'QUERY_TOO_COMPLEX');
  expect(error?.extensions).toMatchObject({ limit: 'ALIASES', maximum: DEFAULT_LIMITS.aliases });
  expect(error?.message).toMatch(new RegExp(`Aliases limit of ${DEFAULT_LIMITS.aliases} exceeded, found 101`));
  expect(res.data ?? null).toBeNull();
  // At the limit they are still served.
  const atLimit = await defaults.query(`{ ${Array.from({ length: DEFAULT_LIMITS.aliases }, (_, i) => `t${i}: __typename`).join(' ')} }`);
  expect(atLimit.errors).toBeUndefined();
});

test('an estimated cost over MAX_COST: 400 QUERY_TOO_COMPLEX (COST), counting `first` from the variables', async () => {
  const query = 'query ($n: Int) { cities(first: $n) { edges { node { id name memberships { status network { name } } } } } }';
  // 1 + n × (edges 1 + node 1 + id 1 + name 1 + memberships (1 + 10 × (status 1 + network 2)))
  const error = await expectLimit(query, 'COST', LIMITS.cost, { n: 100 });
  expect(error.extensions).toMatchObject({ cost: 1 + 100 * 35 });
  const cheap = await hub.query(query, { n: 10 });
  expect(cheap.errors).toBeUndefined();
});

test('an estimate is remembered per document and numeric variables, never across them', async () => {
  const query = 'query ($n: Int, $country: ID, $withNetworks: Boolean!) { cities(first: $n, filter: { country: $country }) { edges { node { id memberships @include(if: $withNetworks) { network { name } } } } } }';
  // Cheap first, then the same document with other ids, a larger page, a list switched on.
  for (const country of ['DK', 'NO', 'SE']) expect((await hub.query(query, { n: 10, country, withNetworks: true })).errors).toBeUndefined();
  await expectLimit(query, 'COST', LIMITS.cost, { n: 100, country: 'DK', withNetworks: true });
  expect((await hub.query(query, { n: 100, country: 'DK', withNetworks: false })).errors).toBeUndefined();
  await expectLimit(query, 'COST', LIMITS.cost, { n: 100, country: 'FI', withNetworks: true });
});

test('a `first` above the page-size cap is BAD_USER_INPUT from the subgraph, not a cost error', async () => {
  const res = await hub.query('{ cities(first: 100000) { totalCount } }');
  expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
  expect(res.errors?.[0].message).toMatch(/"first" must be between 0 and 100/);
});

test('the default limits are those the README documents', () => {
  expect(DEFAULT_LIMITS).toEqual({ bodyBytes: 102400, tokens: 2000, depth: 12, aliases: 30, directives: 30, cost: 25000 });
});

const readmeQueries = [...readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g)]
  .map((m) => m[1].trim())
  .filter((q) => q.startsWith('{'));

test('the README has query examples to check', () => {
  expect(readmeQueries.length).toBeGreaterThanOrEqual(6);
});

test.each(readmeQueries.map((q, i) => [i + 1, q]))('README query %i runs under the default limits', async (_i, query) => {
  const res = await defaults.query(query as string);
  expect(res.errors ?? []).toEqual([]);
});
