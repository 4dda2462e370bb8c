// Two gateway processes in front of the same subgraphs, sharing one Redis (REDIS_URL): an answer
// one of them kept is a hit at the other, a write through one evicts it for both, and every key the
// cache writes expires. A Redis that does not answer leaves the hub answering without the cache.
import pino from 'pino';
import Redis from 'ioredis';
import { createGateway, loadConfig, type Gateway, type ResponseCacheConfig } from '@nsc-hub/gateway';
import { TEST_JWT, TEST_MODE, TEST_REDIS_URL, TEST_SUBGRAPH_SECRET, captureLog, freePort, testRedisPrefix, tokenFor } from '@nsc-hub/shared/src/testing';
import { startGatewayProcess, type GatewayProcess } from './helpers/gatewayProcess';
import { startHub, type RunningHub } from './helpers/startHub';

let hub: RunningHub;
let second: GatewayProcess;
let prefix: string;
let redis: Redis;

/** Another gateway in this process over the hub's subgraphs. */
async function startGateway(responseCache: ResponseCacheConfig, log = pino({ level: 'silent' })): Promise<{ gateway: Gateway; url: string }> {
  const gateway = createGateway(
    {
      ...loadConfig({}),
      host: '127.0.0.1',
      port: 0,
      subgraphUrls: Object.fromEntries(Object.values(hub.subgraphs).map((s) => [s.name, s.url])),
      subgraphSecret: TEST_SUBGRAPH_SECRET,
      jwt: TEST_JWT,
      mode: TEST_MODE,
      responseCache,
    },
    log,
  );
  const { port } = await gateway.start();
  return { gateway, url: `http://127.0.0.1:${port}/graphql` };
}

beforeAll(async () => {
  prefix = await testRedisPrefix('gateways');
  const shared: ResponseCacheConfig = { store: 'redis', url: TEST_REDIS_URL, keyPrefix: prefix };
  hub = await startHub({ gateway: { responseCache: shared } });
  second = await startGatewayProcess(Object.fromEntries(Object.values(hub.subgraphs).map((s) => [s.name, s.url])), {
    REDIS_URL: TEST_REDIS_URL,
    REDIS_KEY_PREFIX: prefix,
  });
  redis = new Redis(TEST_REDIS_URL);
}, 60_000);
afterAll(async () => {
  await second?.stop();
  await hub?.stop();
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

async function ask(url: string, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { cache: res.headers.get('x-cache'), body: (await res.json()) as { data?: Record<string, any>; errors?: unknown[] } };
}

const CITY = 'query ($id: ID!) { city(id: $id) { id name population } }';

test('an answer kept by one gateway is a hit at the other', async () => {
  const first = await ask(hub.url, CITY, { id: 'no-oslo' });
  expect(first.body.errors).toBeUndefined();
  expect(first.cache).toBe('MISS');
  const other = await ask(second.url, CITY, { id: 'no-oslo' });
  expect(other.cache).toBe('HIT');
  expect(other.body).toEqual(first.body);
});

test('a write through one gateway evicts the answer at both, and the other reads the new value', async () => {
  await ask(hub.url, CITY, { id: 'dk-aarhus' });
  expect((await ask(second.url, CITY, { id: 'dk-aarhus' })).cache).toBe('HIT');
  const editor = await tokenFor('editor', 'DK');
  const { version, population } = (await ask(hub.url, 'query ($id: ID!) { city(id: $id) { version population } }', { id: 'dk-aarhus' }, editor)).body.data?.city;
  const updated = await ask(
    hub.url,
    'mutation ($population: Int!, $version: Int!) { updateCity(id: "dk-aarhus", input: { population: $population }, expectedVersion: $version) { id } }',
    { population: (population ?? 0) + 7, version },
    editor,
  );
  expect(updated.body.errors).toBeUndefined();
  const after = await ask(second.url, CITY, { id: 'dk-aarhus' });
  expect(after.cache).toBe('MISS');
  expect(after.body.data?.city.population).toBe((population ?? 0) + 7);
  expect((await ask(hub.url, CITY, { id: 'dk-aarhus' })).cache).toBe('HIT');
});

test('every key the cache writes in Redis expires', async () => {
  await ask(hub.url, '{ resources(first: 2) { edges { node { id } } } }');
  const keys = await redis.keys(`${prefix}*`);
  const answers = keys.filter((k) => k.startsWith(`${prefix}r:`));
  const tagSets = keys.filter((k) => k.startsWith(`${prefix}t:`));
  expect(answers.length).toBeGreaterThan(0);
  expect(tagSets.length).toBeGreaterThan(0);
  for (const key of [...answers, ...tagSets]) {
    const ttl = await redis.ttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60);
  }
});

test('with Redis not answering, queries are answered without the cache and the outage is logged once', async () => {
  const port = await freePort();
  const captured = captureLog();
  const down = await startGateway({ store: 'redis', url: `redis://127.0.0.1:${port}`, keyPrefix: prefix }, captured.log);
  try {
    for (let i = 0; i < 3; i++) {
      const answer = await ask(down.url, CITY, { id: 'se-malmo' });
      expect(answer.body.errors).toBeUndefined();
      expect(answer.body.data?.city.id).toBe('se-malmo');
      expect(answer.cache).toBeNull();
    }
    expect(captured.lines.filter((l) => l.msg === 'response cache unavailable: answering without it')).toHaveLength(1);
  } finally {
    await down.gateway.stop();
  }
});
