// The gateway's /readyz is 200 only while its supergraph is loaded and every subgraph's own /readyz
// answers 200; it is 503 naming the subgraph that is not (and its breaker) otherwise, and again 200
// once that subgraph is back. /healthz (live) stays 200 throughout. The subgraphs here are stand-ins
// that answer /readyz only: the gateway asks them nothing else.
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { request } from 'undici';
import { TEST_JWT, TEST_MODE, TEST_SUBGRAPH_SECRET } from '@nsc-hub/shared/src/testing';
import { createGateway, loadConfig, subgraphNamesIn, type Gateway } from '../src';
import { Readiness } from '../src/Readiness';

type Behaviour = 'ready' | 'unavailable' | 'frozen';

/** A stand-in subgraph's /readyz, answering as told and counting the probes. */
class StandIn {
  behaviour: Behaviour = 'ready';
  probes = 0;
  private server: http.Server | undefined;
  port = 0;

  async start(port = 0): Promise<this> {
    this.server = http.createServer((req, res) => {
      if (req.url !== '/readyz') {
        res.writeHead(404).end();
        return;
      }
      this.probes += 1;
      if (this.behaviour !== 'frozen') res.writeHead(this.behaviour === 'ready' ? 200 : 503, { 'content-type': 'application/json' }).end('{}');
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  get url() {
    return `http://127.0.0.1:${this.port}/graphql`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

const config = loadConfig({});
const names = subgraphNamesIn(config.supergraphSdl);
const standIns: Record<string, StandIn> = {};
let gateway: Gateway;
let origin: string;

beforeAll(async () => {
  for (const name of names) standIns[name] = await new StandIn().start();
  gateway = createGateway(
    {
      ...config,
      host: '127.0.0.1',
      port: 0,
      subgraphUrls: Object.fromEntries(names.map((name) => [name, standIns[name].url])),
      subgraphSecret: TEST_SUBGRAPH_SECRET,
      jwt: TEST_JWT,
      mode: TEST_MODE,
      readinessTimeoutMs: 300,
    },
    pino({ level: 'silent' }),
  );
  origin = `http://127.0.0.1:${(await gateway.start()).port}`;
});
afterAll(async () => {
  await gateway?.stop();
  await Promise.all(Object.values(standIns).map((s) => s.stop()));
});

async function get(path: string) {
  const res = await request(`${origin}${path}`);
  return { status: res.statusCode, body: (await res.body.json()) as Record<string, any> };
}

/** Asks /readyz until it answers `status` (its answers are kept for a second), at most 5 s. */
async function readyzUntil(status: number) {
  const deadline = Date.now() + 5000;
  for (;;) {
    const res = await get('/readyz');
    if (res.status === status || Date.now() > deadline) return res;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const everyName = (value: unknown) => Object.fromEntries(names.map((name) => [name, value]));

test('ready: 200 with the loaded supergraph\'s hash and every subgraph ready; /health says the same', async () => {
  const res = await readyzUntil(200);
  expect(res).toEqual({
    status: 200,
    body: { status: 'ready', supergraph: { hash: createHash('sha256').update(config.supergraphSdl).digest('hex') }, subgraphs: everyName('ready') },
  });
  expect(await get('/health')).toEqual(res);
  expect(await get('/healthz')).toEqual({ status: 200, body: { status: 'live' } });
});

test('a stopped subgraph makes it 503 naming that subgraph and its breaker; back, it is 200 again; /healthz stays 200', async () => {
  const knowledge = standIns.knowledge;
  const port = knowledge.port;
  await knowledge.stop();
  const down = await readyzUntil(503);
  expect(down.status).toBe(503);
  expect(down.body).toMatchObject({
    status: 'not ready',
    subgraphs: { ...everyName('ready'), knowledge: { status: 'not ready', reason: 'it cannot be reached', breaker: 'closed' } },
  });
  expect(JSON.stringify(down.body)).not.toMatch(/127\.0\.0\.1|:\d{4,5}\b/);
  expect(await get('/healthz')).toEqual({ status: 200, body: { status: 'live' } });

  await knowledge.start(port);
  expect((await readyzUntil(200)).status).toBe(200);
});

test('a subgraph whose /readyz answers 503, or nothing within the probe timeout, is not ready', async () => {
  standIns.forums.behaviour = 'unavailable';
  try {
    const res = await readyzUntil(503);
    expect(res.body.subgraphs.forums).toEqual({ status: 'not ready', reason: 'its /readyz answered HTTP 503', breaker: 'closed' });
  } finally {
    standIns.forums.behaviour = 'ready';
  }
  await readyzUntil(200);
  standIns.membership.behaviour = 'frozen';
  try {
    const started = Date.now();
    const res = await readyzUntil(503);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(res.body.subgraphs.membership).toEqual({ status: 'not ready', reason: 'its /readyz did not answer within 300 ms', breaker: 'closed' });
  } finally {
    standIns.membership.behaviour = 'ready';
  }
  expect((await readyzUntil(200)).status).toBe(200);
});

test('a burst of /readyz asks each subgraph once per second at most', async () => {
  await readyzUntil(200);
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const before = Object.fromEntries(names.map((name) => [name, standIns[name].probes]));
  const answers = await Promise.all(Array.from({ length: 20 }, () => get('/readyz')));
  expect(answers.every((a) => a.status === 200)).toBe(true);
  for (const name of names) expect(standIns[name].probes - before[name]).toBe(1);
});

test('stopping makes readiness false at once, without asking any subgraph', async () => {
  const standIn = await new StandIn().start();
  const readiness = new Readiness({ subgraphUrls: { knowledge: standIn.url }, breakerState: () => 'closed', probeTimeoutMs: 300 });
  try {
    readiness.supergraphLoaded('type Query { a: Int }');
    expect((await readiness.check()).ready).toBe(true);
    const stopping = readiness.stop();
    expect(await readiness.check()).toEqual({ ready: false, body: { status: 'stopping' } });
    await stopping;
    expect(standIn.probes).toBe(1);
  } finally {
    await standIn.stop();
  }
});
