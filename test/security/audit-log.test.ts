// Every successful mutation leaves one audit row per changed record, in the same transaction:
// who, what, when, before and after. Admins read it through the graph, one part per subgraph in
// one request; nobody else can, and nothing — neither the graph nor SQL as the subgraph connects —
// can change or remove a row.
import { readFileSync } from 'node:fs';
import { buildASTSchema, parse } from 'graphql';
import { DEFAULT_SUPERGRAPH_PATH } from '@nsc-hub/gateway';
import { auditLogFieldName } from '@nsc-hub/shared';
import { PRODUCTION_MODE, errorCodes, tokenFor, type GraphQLResponse } from '@nsc-hub/shared/src/testing';
import { SUBGRAPHS } from '../../scripts/subgraphs';
import { startHub, type RunningHub } from '../helpers/startHub';

let hub: RunningHub;
let admin: string;
let editorDk: string;
beforeAll(async () => {
  hub = await startHub({ mode: PRODUCTION_MODE });
  admin = await tokenFor('admin');
  editorDk = await tokenFor('editor', 'DK');
});
afterAll(() => hub?.stop());

const ENTRY = 'id at actor { sub role country } entityType entityId operation before after requestId';
const PART = (name: string) => `${name}(filter: $filter, first: $first, after: $after) { totalCount edges { cursor node { ${ENTRY} } } pageInfo { hasNextPage endCursor } }`;
const LOG = `query ($filter: AuditLogFilter, $first: Int, $after: String) { auditLog { ${PART('membership')} ${PART('knowledge')} ${PART('forums')} } }`;
/** Every subgraph's part: its field on AuditLog. */
const PARTS = SUBGRAPHS.map((s) => auditLogFieldName(s.name));
const EVERY_PART = `{ auditLog { ${PARTS.map((p) => `${p} { totalCount edges { node { entityType operation } } }`).join(' ')} } }`;
const MEMBERSHIP_LOG = `query ($filter: AuditLogFilter, $first: Int, $after: String) { auditLog { ${PART('membership')} } }`;

interface Entry {
  id: string;
  at: string;
  actor: { sub: string | null; role: string; country: string | null };
  entityType: string;
  entityId: string;
  operation: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
}
const nodes = (part: { edges: { node: Entry }[] }) => part.edges.map((e) => e.node);

describe('writes in all three subgraphs, read back in one request', () => {
  let started: string;
  beforeAll(async () => {
    started = new Date(Date.now() - 1000).toISOString();
    const writes = await hub.query(
      `mutation {
        city: createCity(input: { name: "Auditby", country: "DK", population: 1000 }) { id version }
        resource: createResource(input: { title: "Audit trail guide", kind: GUIDELINE, languages: ["da"], country: "DK" }) { id }
        event: createEvent(input: { title: "Audit study visit", kind: STUDY_VISIT, startsOn: "2026-03-10", city: "dk-aarhus" }) { id }
      }`,
      {},
      editorDk,
    );
    expect(writes.errors).toBeUndefined();
    const update = await hub.query('mutation { updateCity(id: "dk-auditby", input: { population: 2000 }, expectedVersion: 1) { version } }', {}, editorDk);
    expect(update.errors).toBeUndefined();
  });

  test('each subgraph shows what was written in it, newest first, with actor, before and after', async () => {
    const res = await hub.query(LOG, { filter: { from: started } }, admin);
    expect(res.errors).toBeUndefined();
    const { membership, knowledge, forums } = res.data?.auditLog;
    const cities = nodes(membership).filter((e) => e.entityId === 'dk-auditby');
    expect(cities.map((e) => e.operation)).toEqual(['UPDATE', 'CREATE']);
    const [updated, created] = cities;
    expect(updated).toMatchObject({ entityType: 'City', actor: { sub: 'test-editor-DK', role: 'editor', country: 'DK' }, requestId: expect.any(String) });
    expect(updated.before).toMatchObject({ id: 'dk-auditby', population: 1000, version: 1 });
    expect(updated.after).toMatchObject({ id: 'dk-auditby', population: 2000, version: 2 });
    expect(created.before).toBeNull();
    expect(Date.parse(updated.at)).toBeGreaterThanOrEqual(Date.parse(created.at));
    expect(Number(updated.id)).toBeGreaterThan(Number(created.id));
    expect(nodes(knowledge)).toEqual([expect.objectContaining({ entityType: 'Resource', operation: 'CREATE', after: expect.objectContaining({ resource: expect.objectContaining({ title: 'Audit trail guide' }) }) })]);
    expect(nodes(forums)).toEqual([expect.objectContaining({ entityType: 'Event', operation: 'CREATE', after: expect.objectContaining({ title: 'Audit study visit' }) })]);
  });

  test.each([
    ['entityType', { entityType: 'City', entityId: 'dk-auditby' }, ['UPDATE', 'CREATE']],
    ['operation', { entityId: 'dk-auditby', operation: 'UPDATE' }, ['UPDATE']],
    ['actor', { entityId: 'dk-auditby', actor: 'test-editor-DK' }, ['UPDATE', 'CREATE']],
    ['an actor who wrote nothing', { actor: 'someone-else' }, []],
    ['country', { entityId: 'dk-auditby', country: 'dk' }, ['UPDATE', 'CREATE']],
    ['another country', { entityId: 'dk-auditby', country: 'NO' }, []],
    ['a time range in the future', { from: '2100-01-01T00:00:00Z' }, []],
    ['a time range before the writes', { to: '2000-01-01T00:00:00Z' }, []],
  ])('filters by %s', async (_label, filter, operations) => {
    const res = await hub.query(MEMBERSHIP_LOG, { filter }, admin);
    expect(res.errors).toBeUndefined();
    expect(nodes(res.data?.auditLog.membership).map((e) => e.operation)).toEqual(operations);
    expect(res.data?.auditLog.membership.totalCount).toBe(operations.length);
  });

  test('pages are stable: walking one entry at a time gives the whole log once, in order', async () => {
    const all = await hub.query(MEMBERSHIP_LOG, { first: 100 }, admin);
    const expected = nodes(all.data?.auditLog.membership).map((e) => e.id);
    expect(expected.length).toBeGreaterThanOrEqual(2);
    const walked: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: GraphQLResponse = await hub.query(MEMBERSHIP_LOG, { first: 1, after }, admin);
      const part = page.data?.auditLog.membership;
      walked.push(...nodes(part).map((e) => e.id));
      if (!part.pageInfo.hasNextPage) break;
      after = part.pageInfo.endCursor;
    }
    expect(walked).toEqual(expected);
  });
});

test.each([
  ['a forged cursor', { after: Buffer.from('["1; DROP TABLE x"]').toString('base64url') }, /"after" is not a cursor/],
  ['a cursor of another list', { after: Buffer.from('["Aarhus","dk-aarhus"]').toString('base64url') }, /"after" is not a cursor/],
  ['first above 100', { first: 101 }, /"first" must be between 0 and 100/],
  ['a bad country', { filter: { country: 'Denmark' } }, /filter.country/],
])('%s is BAD_USER_INPUT', async (_label, variables, message) => {
  const res = await hub.query(MEMBERSHIP_LOG, variables, admin);
  expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
  expect(res.errors?.[0].message).toMatch(message);
});

test('SQL in a text filter is only text: no match, and the log is intact', async () => {
  const before = await hub.query(MEMBERSHIP_LOG, { first: 100 }, admin);
  for (const evil of ["x' OR '1'='1", "'; DELETE FROM membership.audit_log; --", 'City" OR 1=1 --']) {
    const res = await hub.query(MEMBERSHIP_LOG, { filter: { entityType: evil, entityId: evil, actor: evil } }, admin);
    expect(res.errors).toBeUndefined();
    expect(res.data?.auditLog.membership.totalCount).toBe(0);
  }
  const after = await hub.query(MEMBERSHIP_LOG, { first: 100 }, admin);
  expect(after.data).toEqual(before.data);
});

describe('only admins read it', () => {
  test.each([
    ['anonymous', undefined, 'UNAUTHENTICATED'],
    ['a member', 'member', 'FORBIDDEN'],
    ['an editor', 'editor', 'FORBIDDEN'],
  ] as const)('%s is refused by every part and sees no entry', async (_label, role, code) => {
    const token = role ? await tokenFor(role, role === 'editor' ? 'DK' : undefined) : undefined;
    const res = await hub.query(EVERY_PART, {}, token);
    expect(errorCodes(res)).toEqual(PARTS.map(() => code));
    // Each part is refused on its own path; the log object itself holds nothing.
    expect(res.errors?.map((e) => e.path?.join('.')).sort()).toEqual(PARTS.map((p) => `auditLog.${p}`).sort());
    expect(res.data).toEqual({ auditLog: Object.fromEntries(PARTS.map((p) => [p, null])) });
    expect(JSON.stringify(res)).not.toMatch(/entityType|CREATE|UPDATE/);
  });
});

describe('nobody changes it', () => {
  test('no mutation in the graph touches the audit log', () => {
    const schema = buildASTSchema(parse(readFileSync(DEFAULT_SUPERGRAPH_PATH, 'utf8')), { assumeValidSDL: true });
    const mutations = Object.values(schema.getMutationType()?.getFields() ?? {});
    expect(mutations.length).toBeGreaterThan(5);
    for (const field of mutations) {
      expect(field.name).not.toMatch(/audit/i);
      expect(String(field.type)).not.toMatch(/Audit/);
      expect(field.args.map((a) => String(a.type)).join()).not.toMatch(/Audit/);
    }
  });

  test.each(SUBGRAPHS.map((s) => [s.name, s.dbSchema]))('in the %s database, UPDATE, DELETE and TRUNCATE of audit rows fail', async (subgraph, name) => {
    const db = hub.subgraphs[subgraph].dataSource;
    await db.query(`INSERT INTO ${name}.audit_log (actor_role, entity_type, entity_id, operation) VALUES ('admin', 'Test', 'x', 'CREATE')`);
    const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM ${name}.audit_log`);
    await expect(db.query(`UPDATE ${name}.audit_log SET actor_role = 'nobody'`)).rejects.toThrow(/append-only: UPDATE/);
    await expect(db.query(`DELETE FROM ${name}.audit_log`)).rejects.toThrow(/append-only: DELETE/);
    await expect(db.query(`TRUNCATE ${name}.audit_log`)).rejects.toThrow(/append-only: TRUNCATE/);
    const [{ count: after }] = await db.query(`SELECT count(*)::int AS count FROM ${name}.audit_log WHERE actor_role <> 'nobody'`);
    expect(after).toBe(count);
  });
});
