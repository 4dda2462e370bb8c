// When PostgreSQL stops under a running hub, nothing crashes and nothing pretends to be a bug:
// every subgraph stays alive (/healthz 200) but says it is not ready (/readyz 503, "database
// unreachable"); queries get SERVICE_UNAVAILABLE with HTTP 503 from the subgraphs and the gateway,
// not INTERNAL_SERVER_ERROR; each subgraph logs the outage once, not once per request; a mutation
// sent meanwhile writes nothing. When PostgreSQL is back on the same port and data, reads and
// writes work again without restarting any service, /readyz is 200 and each subgraph logs one
// recovery line with the number of failed requests. (This file runs a PostgreSQL of its own, so
// stopping it touches no other test file: startEmbeddedPostgres in a process of its own.)
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EventEmitter } from 'node:events';
import type { RunningPostgres } from '@nsc-hub/shared';
import { captureLog, errorCodes, freePort, graphqlRequest, startPostgresProcess, tokenFor, type CapturedLog, type LogLine } from '@nsc-hub/shared/src/testing';
import { parse, type FieldNode, type OperationDefinitionNode } from 'graphql';
import { SUBGRAPHS } from '../../scripts/subgraphs';
import { hubSamplesOf } from '../helpers/hubSamples';
import { startHub, type RunningHub } from '../helpers/startHub';
import { hubState, lastAuditId } from '../helpers/schemaState';

/** Every subgraph's own sample query in one request, so each of them reads its database. */
const QUERY = `{ ${SUBGRAPHS.map((s) => hubSamplesOf(s).query.trim().replace(/^\{|\}$/g, '')).join(' ')} }`;
/** The root fields QUERY asks for: each of them null during the outage. */
const ROOT_FIELDS = (parse(QUERY).definitions[0] as OperationDefinitionNode).selectionSet.selections.map((s) => (s as FieldNode).name.value);
const QUERIES_DURING_OUTAGE = 50;
const CITY = 'dk-aarhus';
const SUBGRAPH_NAMES = SUBGRAPHS.map((s) => s.name);

let parent: string;
let dataDir: string;
let port: number;
let postgres: Pick<RunningPostgres, 'url' | 'stop'> | undefined;
let hub: RunningHub;
const logs: Record<string, CapturedLog> = {};
/** 'error' events each subgraph's connection pool emitted (idle connections the server closed). */
const poolErrors: Record<string, number> = {};
let editor: string;

const linesWith = (service: string, msg: string): LogLine[] => logs[service].lines.filter((l) => l.msg === msg);
const baseOf = (service: string) => hub.subgraphs[service].url.replace(/\/graphql$/, '');
async function probe(service: string, route: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${baseOf(service)}${route}`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
const cityVersion = async (): Promise<number> => {
  const res = await hub.query<{ city: { version: number } }>(`{ city(id: "${CITY}") { version } }`);
  expect(res.errors).toBeUndefined();
  return res.data!.city.version;
};
/** The same request both times, under one Idempotency-Key: the retry a client makes after SERVICE_UNAVAILABLE. */
const IDEMPOTENCY_KEY = 'outage-retry-3f1c2a9e';
const updateCity = (expectedVersion: number) =>
  graphqlRequest(hub.url, `mutation { updateCity(id: "${CITY}", input: { population: 285000 }, expectedVersion: ${expectedVersion}) { version } }`, {
    token: editor,
    headers: { 'idempotency-key': IDEMPOTENCY_KEY },
  });

beforeAll(async () => {
  parent = mkdtempSync(path.join(os.tmpdir(), 'nsc-hub-outage-'));
  // As root, PostgreSQL runs as the `postgres` user, which must be able to enter the directory.
  chmodSync(parent, 0o755);
  dataDir = path.join(parent, 'postgres');
  port = await freePort();
  postgres = await startPostgresProcess({ dataDir, port });
  hub = await startHub({
    database: { url: postgres.url, drop: async () => undefined },
    log: (service) => (logs[service] = captureLog()).log,
    // What the subgraphs answer during the outage, not what the gateway kept from before it.
    gateway: { responseCache: { store: 'off' } },
  });
  for (const name of SUBGRAPH_NAMES) {
    poolErrors[name] = 0;
    // Counts without listening: a listener added here would hide a pool left without one.
    const pool = (hub.subgraphs[name].dataSource.driver as unknown as { master: EventEmitter }).master;
    const emit = pool.emit.bind(pool);
    pool.emit = (event: string | symbol, ...args: unknown[]) => {
      if (event === 'error') poolErrors[name] += 1;
      return emit(event, ...args);
    };
  }
  editor = await tokenFor('editor', 'DK');
}, 180_000);

afterAll(async () => {
  await hub?.stop();
  await postgres?.stop();
  if (parent) rmSync(parent, { recursive: true, force: true });
}, 60_000);

let versionBefore: number;
let auditBefore: number;
let stateBefore: Record<string, Record<string, string>>;

test('with PostgreSQL stopped, every subgraph is alive but not ready', async () => {
  // Every pool holds idle connections when the server goes away.
  const warm = await hub.query(QUERY);
  expect(warm.errors).toBeUndefined();
  versionBefore = await cityVersion();
  auditBefore = await lastAuditId(hub.subgraphs.membership.dataSource);
  stateBefore = await hubState(hub);

  await postgres!.stop();
  postgres = undefined;

  for (const name of SUBGRAPH_NAMES) {
    expect(await probe(name, '/healthz')).toEqual({ status: 200, body: { status: 'ok', subgraph: name } });
    expect(await probe(name, '/readyz')).toEqual({ status: 503, body: { status: 'not ready', subgraph: name, reasons: ['database unreachable'] } });
    expect((await probe(name, '/health')).status).toBe(503);
    // The idle connections died without taking the process down.
    expect(poolErrors[name]).toBeGreaterThan(0);
  }
});

test('queries get SERVICE_UNAVAILABLE with HTTP 503, and each subgraph logs the outage once', async () => {
  const before = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, logs[name].lines.length]));
  for (let sent = 0; sent < QUERIES_DURING_OUTAGE; sent += 10) {
    const answers = await Promise.all(Array.from({ length: 10 }, () => hub.query(QUERY)));
    for (const answer of answers) {
      expect(answer.status).toBe(503);
      // Every field asked for is null (the root fields may be: one subgraph's outage never nulls `data` itself).
      expect(answer.data).toEqual(Object.fromEntries(ROOT_FIELDS.map((field) => [field, null])));
      expect(new Set(errorCodes(answer))).toEqual(new Set(['SERVICE_UNAVAILABLE']));
      expect(answer.errors?.every((e) => typeof e.extensions?.requestId === 'string')).toBe(true);
    }
  }
  // A subgraph asked directly answers 503 as well.
  const direct = await fetch(hub.subgraphs.membership.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-nsc-subgraph-secret': 'nsc-hub-development-subgraph-secret' },
    body: JSON.stringify({ query: '{ cities(first: 1) { totalCount } }' }),
  });
  expect(direct.status).toBe(503);
  expect(((await direct.json()) as { errors: { extensions: { code: string } }[] }).errors.map((e) => e.extensions.code)).toEqual(['SERVICE_UNAVAILABLE']);

  for (const name of SUBGRAPH_NAMES) {
    const outage = linesWith(name, 'database unreachable');
    expect(outage).toHaveLength(1);
    // Why, in one line: no stack trace.
    expect(outage[0]).toMatchObject({ level: 50, reason: expect.any(String) });
    expect(JSON.stringify(outage[0])).not.toMatch(/stack|\n\s+at /);
    expect(linesWith(name, 'request failed')).toHaveLength(0);
    const during = logs[name].lines.slice(before[name]);
    // Nothing else at warn or worse: the outage line came earlier (from the readiness probe or
    // the idle connections), and the requests only counted.
    expect(during.filter((l) => l.level >= 40)).toEqual([]);
    const failed = during.filter((l) => l.msg === 'request done' && l.status === 503);
    expect(failed.length).toBeGreaterThanOrEqual(QUERIES_DURING_OUTAGE);
    for (const line of failed) expect(line).toMatchObject({ errorCodes: ['SERVICE_UNAVAILABLE'], outcome: 'failed', requestId: expect.any(String) });
  }
});

test('a mutation sent while the database is down is SERVICE_UNAVAILABLE', async () => {
  const res = await updateCity(versionBefore);
  expect(res.status).toBe(503);
  expect(errorCodes(res)).toEqual(['SERVICE_UNAVAILABLE']);
});

test('with PostgreSQL back on the same port and data, reads and writes work again without restarting anything', async () => {
  postgres = await startPostgresProcess({ dataDir, port });

  for (const name of SUBGRAPH_NAMES) {
    expect(await probe(name, '/readyz')).toEqual({ status: 200, body: { status: 'ready', subgraph: name } });
    const recovered = linesWith(name, 'database reachable again');
    expect(recovered).toHaveLength(1);
    expect(recovered[0].failedRequests).toBeGreaterThanOrEqual(QUERIES_DURING_OUTAGE);
    expect(recovered[0].durationMs).toBeGreaterThan(0);
  }

  // The mutation sent during the outage wrote nothing: no row, no version, no audit entry, and it
  // left its Idempotency-Key free for the retry.
  expect(await hubState(hub)).toEqual(stateBefore);
  expect(await cityVersion()).toBe(versionBefore);
  expect(await lastAuditId(hub.subgraphs.membership.dataSource)).toBe(auditBefore);

  const read = await hub.query(QUERY);
  expect(read.status).toBe(200);
  expect(read.errors).toBeUndefined();
  // The client's retry: the same request under the same key runs now.
  const written = await updateCity(versionBefore);
  expect(written.errors).toBeUndefined();
  expect(written.data?.updateCity).toEqual({ version: versionBefore + 1 });
  expect(await lastAuditId(hub.subgraphs.membership.dataSource)).toBe(auditBefore + 1);
});
