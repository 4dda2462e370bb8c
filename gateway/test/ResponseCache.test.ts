// The response cache's own rules: answers are keyed apart by whose view they are; a write whose
// outcome is unknown forgets every answer; the counts say what happened.
import { readFileSync } from 'node:fs';
import { parse, type OperationDefinitionNode } from 'graphql';
import pino from 'pino';
import { DEFAULT_SUPERGRAPH_PATH } from '../src/config';
import { MemoryResponseStore } from '../src/responseCache/MemoryResponseStore';
import { ResponseCache, visibilityClassOf } from '../src/responseCache/ResponseCache';
import { SubgraphChanges } from '../src/SubgraphChanges';

const supergraph = readFileSync(DEFAULT_SUPERGRAPH_PATH, 'utf8');
const cache = () => new ResponseCache(new MemoryResponseStore(1024 * 1024), supergraph, pino({ level: 'silent' }));
const QUERY = parse('{ city(id: "dk-aarhus") { id name } }');
const OPERATION = QUERY.definitions[0] as OperationDefinitionNode;
const parts = { queryHash: 'h', operationName: null, variables: { a: 1, b: 2 }, caller: { kind: 'anonymous' } as const, acceptLanguage: undefined };

test('visibility classes: anonymous, member (whatever the country), editor by country, admin', () => {
  expect(visibilityClassOf({ kind: 'anonymous' })).toBe('anonymous');
  expect(visibilityClassOf({ kind: 'user', sub: 'a', role: 'member', country: 'DK' })).toBe('member');
  expect(visibilityClassOf({ kind: 'user', sub: 'b', role: 'member', country: null })).toBe('member');
  expect(visibilityClassOf({ kind: 'user', sub: 'c', role: 'editor', country: 'DK' })).toBe('editor:DK');
  expect(visibilityClassOf({ kind: 'user', sub: 'd', role: 'admin', country: null })).toBe('admin');
});

test('keys differ by class, variables, reading order and supergraph, and not by the order of variables', () => {
  const c = cache();
  const key = c.keyOf(parts);
  expect(c.keyOf({ ...parts, variables: { b: 2, a: 1 } })).toBe(key);
  expect(c.keyOf({ ...parts, variables: { a: 1, b: 3 } })).not.toBe(key);
  expect(c.keyOf({ ...parts, acceptLanguage: 'da' })).not.toBe(key);
  expect(c.keyOf({ ...parts, acceptLanguage: 'en-GB' })).toBe(key);
  expect(c.keyOf({ ...parts, caller: { kind: 'user', sub: 's', role: 'member', country: null } })).not.toBe(key);
  expect(c.keyOf({ ...parts, operationName: 'Other' })).not.toBe(key);
  c.supergraphLoaded(`${supergraph}\n# another version\n`);
  expect(c.keyOf(parts)).not.toBe(key);
});

test('a write that went unanswered forgets every answer; a reported one only what it changed', async () => {
  const c = cache();
  const keep = async (id: string) => {
    const key = c.keyOf({ ...parts, variables: { id } });
    const lookup = await c.lookup(key);
    await c.keep(key, QUERY, OPERATION, { city: { id, name: id } }, 60, lookup!.invalidations);
    return key;
  };
  const aarhus = await keep('dk-aarhus');
  const malmo = await keep('se-malmo');
  const reported = new SubgraphChanges();
  reported.record('membership', { changedEntities: [{ typename: 'City', id: 'dk-aarhus', operation: 'UPDATE' }] });
  await c.forget(reported);
  expect((await c.lookup(aarhus))?.found).toBeUndefined();
  expect((await c.lookup(malmo))?.found).toBeDefined();

  const unknown = new SubgraphChanges();
  unknown.lost('forums');
  await c.forget(unknown);
  expect((await c.lookup(malmo))?.found).toBeUndefined();
  expect(c.counts).toMatchObject({ stored: 2, evicted: 1, hits: 1, misses: 4, failures: 0 });
});
