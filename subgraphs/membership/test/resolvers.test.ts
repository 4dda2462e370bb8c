// Resolvers are thin: they check what only they can check (who is asking, argument bounds) and
// hand the rest to the request's loaders. Called here directly, with a real database behind them.
import type { GraphQLResolveInfo } from 'graphql';
import pino from 'pino';
import { ANONYMOUS, RequestSelection, type Caller } from '@nsc-hub/shared';
import { startSubgraph, type RunningSubgraph } from '@nsc-hub/shared/src/testing';
import { createLoaders, membershipSubgraph } from '../src';
import type { MembershipContext } from '../src/context';
import { resolvers } from '../src/resolvers';
import { CityEntity } from '../src/entities';

let subgraph: RunningSubgraph;
beforeAll(async () => {
  subgraph = await startSubgraph(membershipSubgraph);
});
afterAll(() => subgraph?.stop());

const info = {} as GraphQLResolveInfo;
const contextFor = (caller: Caller): MembershipContext => ({
  caller,
  requestId: 'test-request',
  log: pino({ level: 'silent' }),
  orderLocale: 'en',
  changes: [],
  selection: new RequestSelection(),
  db: subgraph.dataSource,
  loaders: createLoaders(subgraph.dataSource, 'en'),
});
const member: Caller = { kind: 'user', sub: 'm', role: 'member', country: null };

// The generated resolver types allow object or function resolvers; these are all functions.
type Fn = (parent: unknown, args: unknown, ctx: MembershipContext, info: GraphQLResolveInfo) => unknown;
const call = (fn: unknown, parent: unknown, args: unknown, ctx: MembershipContext) => (fn as Fn)(parent, args, ctx, info);
/** Federation calls __resolveReference(reference, context, info): no arguments. */
type RefFn = (reference: unknown, ctx: MembershipContext, info: GraphQLResolveInfo) => unknown;
const reference = (fn: unknown, ref: unknown, ctx: MembershipContext) => (fn as RefFn)(ref, ctx, info);

test('City.contacts refuses anonymous callers before any SQL is sent', async () => {
  const city = await subgraph.dataSource.getRepository(CityEntity).findOneByOrFail({ id: 'dk-copenhagen' });
  const before = subgraph.queries.statements;
  expect(() => call(resolvers.City?.contacts, city, {}, contextFor(ANONYMOUS))).toThrow(
    expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) }),
  );
  expect(subgraph.queries.statements).toBe(before);
  await expect(call(resolvers.City?.contacts, city, {}, contextFor(member))).resolves.toEqual([]);
});

test('City.__resolveReference and City.country go through the request loaders', async () => {
  const ctx = contextFor(ANONYMOUS);
  const before = subgraph.queries.statements;
  const refs = await Promise.all(['no-oslo', 'se-stockholm'].map((id) => reference(resolvers.City?.__resolveReference, { id }, ctx)));
  const countries = await Promise.all(refs.map((city) => call(resolvers.City?.country, city, {}, ctx)));
  expect((countries as { code: string }[]).map((c) => c.code)).toEqual(['NO', 'SE']);
  expect(subgraph.queries.statements - before).toBe(2);
});

test('Network.members rejects a page size over 100 before loading anything', () => {
  const before = subgraph.queries.statements;
  expect(() => call(resolvers.Network?.members, { id: 'nordic-safe-cities' }, { first: 101 }, contextFor(ANONYMOUS))).toThrow(
    expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
  );
  expect(subgraph.queries.statements).toBe(before);
});

test('Country.nativeName is the name in its first official language', async () => {
  const norway = await reference(resolvers.Country?.__resolveReference, { code: 'NO' }, contextFor(ANONYMOUS));
  expect(call(resolvers.Country?.nativeName, norway, {}, contextFor(ANONYMOUS))).toBe('Norge');
  const aland = await reference(resolvers.Country?.__resolveReference, { code: 'AX' }, contextFor(ANONYMOUS));
  expect(call(resolvers.Country?.nativeName, aland, {}, contextFor(ANONYMOUS))).toBe('Åland');
});
