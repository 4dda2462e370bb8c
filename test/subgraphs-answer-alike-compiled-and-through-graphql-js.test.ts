// Subgraphs execute operations compiled (graphql-jit) by default. Every test in this suite runs
// them with SUBGRAPH_EXECUTOR=compare, in which each query is executed both compiled and by
// graphql-js and refused where the two differ, so the whole suite's subgraph requests are checked.
// This file shows what that rests on: the three executors give a client the same answers (data,
// errors, their order) at the same SQL cost, and compare mode runs a mutation once.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SubgraphExecutor } from '@nsc-hub/shared';
import { tokenFor, type GraphQLResponse } from '@nsc-hub/shared/src/testing';
import { startHub, type RunningHub } from './helpers/startHub';
import { auditSince, lastAuditId } from './helpers/schemaState';

const EXECUTORS: readonly SubgraphExecutor[] = ['graphql-js', 'compiled', 'compare'];
const hubs: Partial<Record<SubgraphExecutor, RunningHub>> = {};

beforeAll(async () => {
  for (const executor of EXECUTORS) hubs[executor] = await startHub({ executor, gateway: { responseCache: { store: 'off' } } });
}, 120_000);
afterAll(() => Promise.all(Object.values(hubs).map((hub) => hub.stop())));

const benchShape = (id: string) => readFileSync(path.join(__dirname, '..', 'operations', 'bench', `${id}.graphql`), 'utf8');

/** What a client is given, without the request id that differs on every request. */
function answerOf(res: GraphQLResponse): unknown {
  return { data: res.data, errors: res.errors?.map(({ extensions, ...error }) => ({ ...error, extensions: { ...extensions, requestId: undefined } })) };
}

/** The answer and the SQL statements each subgraph sent for it. */
async function ask(executor: SubgraphExecutor, query: string, variables?: Record<string, unknown>, token?: string) {
  const hub = hubs[executor]!;
  const before = Object.fromEntries(Object.entries(hub.subgraphs).map(([name, s]) => [name, s.queries.statements]));
  const res = await hub.query(query, variables, token);
  const statements = Object.fromEntries(Object.entries(hub.subgraphs).map(([name, s]) => [name, s.queries.statements - before[name]]));
  return { answer: answerOf(res), statements, res };
}

const CASES: ReadonlyArray<[name: string, query: string, variables: Record<string, unknown>]> = [
  ['a page of cities with memberships, resources and participations (bench Q3)', benchShape('Q3'), {}],
  ['one city across every subgraph (bench Q2)', benchShape('Q2'), { id: 'dk-copenhagen' }],
  ['search in Danish (bench Q4)', benchShape('Q4'), { q: 'forebyggelse', language: 'da' }],
  ['entities by key, an unknown one among them', `{ a: city(id: "dk-aarhus") { name events(first: 2) { totalCount edges { cursor node { title } } } } b: city(id: "no-such-city") { name } }`, {}],
  ['an argument out of range deep in a list (a field error with a path)', `{ cities(first: 2) { edges { node { id resources(first: 1000) { totalCount } } } } }`, {}],
  ['forums with working groups, events and publications', `{ forums { id name workingGroups { name } events(first: 3) { totalCount edges { node { id startsOn } } } publications(first: 5) { totalCount } } }`, {}],
];

test.each(CASES)('%s: the same answer and the same SQL statements from every executor', async (_name, query, variables) => {
  const results = await Promise.all(EXECUTORS.map((executor) => ask(executor, query, variables)));
  const [reference, ...others] = results;
  // Not a vacuous comparison: the reference answers something.
  expect(JSON.stringify(reference.res.data ?? null).length).toBeGreaterThan(40);
  for (const other of others) {
    expect(other.answer).toEqual(reference.answer);
    expect(JSON.stringify(other.answer)).toBe(JSON.stringify(reference.answer));
    expect(other.statements).toEqual(reference.statements);
  }
});

test('a mutation under compare mode runs once: one row, one audit entry, the statements of a single run', async () => {
  const token = await tokenFor('editor', 'DK');
  const mutation = `mutation ($input: CreateEventInput!) { createEvent(input: $input) { id title version } }`;
  const written: Record<string, { statements: number; rows: number; audits: number }> = {};
  for (const executor of ['compiled', 'compare'] as const) {
    const forums = hubs[executor]!.subgraphs.forums;
    const title = `Compare mode event ${executor}`;
    const lastAudit = await lastAuditId(forums.dataSource, 'forums');
    const { res, statements } = await ask(executor, mutation, { input: { title, kind: 'CONFERENCE', startsOn: '2025-05-05', country: 'DK' } }, token);
    expect(res.errors).toBeUndefined();
    expect(res.data?.createEvent).toMatchObject({ title, version: 1 });
    const [{ rows }] = await forums.dataSource.query(`SELECT count(*)::int AS rows FROM forums.events WHERE title = $1`, [title]);
    written[executor] = { statements: statements.forums, rows, audits: (await auditSince(forums.dataSource, lastAudit, 'forums')).length };
  }
  expect(written.compare).toEqual({ statements: written.compiled.statements, rows: 1, audits: 1 });
  expect(written.compiled.statements).toBeGreaterThan(0);
});
