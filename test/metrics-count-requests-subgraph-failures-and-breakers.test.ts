// Every service counts for Prometheus on a port of its own (loopback by default, never the port
// clients use): requests by operation and outcome with their latency, and at the gateway each
// subgraph's calls, failures and circuit breaker, and the response cache; in a subgraph its
// connection pool and SQL statements. The text follows the exposition format.
import { request } from 'undici';
import parsePrometheusTextFormat, { type MetricFamily as Family } from 'parse-prometheus-text-format';
import pino from 'pino';
import { serveMetrics, type MetricsEndpoint } from '@nsc-hub/shared';
import { freePort } from '@nsc-hub/shared/src/testing';
import { SUBGRAPHS } from '../scripts/subgraphs';
import { startHub, type RunningHub } from './helpers/startHub';

let hub: RunningHub;
let gatewayMetrics: MetricsEndpoint;
let membershipMetrics: MetricsEndpoint;

beforeAll(async () => {
  // Knowledge is named in the supergraph but nothing listens where the gateway looks for it.
  const knowledge = `http://127.0.0.1:${await freePort()}/graphql`;
  hub = await startHub({
    subgraphs: SUBGRAPHS.filter((s) => s.name !== 'knowledge'),
    externalSubgraphs: { knowledge },
    gateway: { breaker: { failures: 2, cooldownMs: 60_000 } },
  });
  const log = pino({ level: 'silent' });
  gatewayMetrics = (await serveMetrics(hub.gateway.metrics, { host: '127.0.0.1', port: 0 }, log))!;
  membershipMetrics = (await serveMetrics(hub.subgraphs.membership.metrics, { host: '127.0.0.1', port: 0 }, log))!;
});
afterAll(async () => {
  await gatewayMetrics?.close();
  await membershipMetrics?.close();
  await hub?.stop();
});

async function scrape(endpoint: MetricsEndpoint): Promise<{ text: string; families: Map<string, Family> }> {
  const res = await request(`http://127.0.0.1:${endpoint.listening.port}/metrics`);
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  const text = await res.body.text();
  const families = new Map(parsePrometheusTextFormat(text).map((family) => [family.name, family]));
  return { text, families };
}

const value = (family: Family | undefined, labels: Record<string, string>): number =>
  Number(family?.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v))?.value ?? NaN);

test('the gateway counts requests, subgraph failures by reason and the breaker that opened', async () => {
  const query = 'query CitiesAndResources { cities(first: 1) { edges { node { id } } } resources(first: 1) { totalCount } }';
  for (let i = 0; i < 3; i++) {
    const answer = await hub.query(query);
    expect(answer.data?.cities.edges).toHaveLength(1);
    expect(answer.errors?.[0]?.extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
  }
  const { text, families } = await scrape(gatewayMetrics);
  expect(value(families.get('nsc_requests_total'), { service: 'gateway', operation: 'CitiesAndResources', outcome: 'partial', status: '200' })).toBe(3);
  expect(value(families.get('nsc_subgraph_fetch_failures_total'), { subgraph: 'knowledge', reason: 'unreachable' })).toBe(2);
  expect(value(families.get('nsc_subgraph_fetch_failures_total'), { subgraph: 'knowledge', reason: 'breaker_open' })).toBe(1);
  expect(value(families.get('nsc_subgraph_circuit_state'), { subgraph: 'knowledge' })).toBe(2);
  expect(value(families.get('nsc_subgraph_circuit_state'), { subgraph: 'membership' })).toBe(0);
  expect(families.get('nsc_subgraph_fetch_duration_seconds')?.type).toBe('HISTOGRAM');
  expect(families.get('nsc_request_duration_seconds')?.type).toBe('HISTOGRAM');
  expect(families.get('process_cpu_seconds_total')?.type).toBe('COUNTER');
  // Each sample line is `name{labels} value`, each family has its HELP and TYPE.
  for (const line of text.split('\n').filter((l) => l && !l.startsWith('#'))) expect(line).toMatch(/^[a-zA-Z_:][a-zA-Z0-9_:]*(\{.*\})? (-?[0-9.e+-]+|NaN|[+-]Inf)$/);
  for (const name of families.keys()) expect(text).toContain(`# TYPE ${name} `);
});

test('the response cache counts its hits and misses', async () => {
  const before = await scrape(gatewayMetrics);
  const hits = value(before.families.get('nsc_response_cache_events_total'), { event: 'hit' });
  await hub.query('{ networks { id } }');
  await hub.query('{ networks { id } }');
  const after = await scrape(gatewayMetrics);
  expect(value(after.families.get('nsc_response_cache_events_total'), { event: 'hit' })).toBe(hits + 1);
  expect(value(after.families.get('nsc_response_cache_events_total'), { event: 'stored' })).toBeGreaterThanOrEqual(1);
});

test('a subgraph counts its requests, its SQL statements and its connection pool', async () => {
  const { families } = await scrape(membershipMetrics);
  expect(value(families.get('nsc_requests_total'), { service: 'membership', outcome: 'ok', status: '200' })).toBeGreaterThan(0);
  expect(value(families.get('nsc_sql_statements_total'), { service: 'membership' })).toBe(hub.subgraphs.membership.queries.statements);
  expect(value(families.get('nsc_db_pool_connections'), { state: 'open' })).toBeGreaterThan(0);
  expect(value(families.get('nsc_db_pool_connections'), { state: 'waiting' })).toBe(0);
});

test('metrics are not on the port clients use', async () => {
  const res = await request(`${hub.origin}/metrics`);
  expect(res.statusCode).toBe(404);
  expect(await res.body.text()).not.toContain('nsc_requests_total');
});
