import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createGateway, loadConfig } from '@nsc-hub/gateway';
import type { RecordedStatement } from '@nsc-hub/shared';
import { PRODUCTION_MODE, TEST_JWT, TEST_SUBGRAPH_SECRET, startSubgraph, type RunningSubgraph } from '@nsc-hub/shared/src/testing';
import { SUBGRAPHS } from '../../scripts/subgraphs';
import { SUBGRAPH_EXECUTOR } from './processes';
import { SHAPES, seededRandom, type BenchPools, type Shape } from './shapes';

/** One request a gateway sent a subgraph while answering a client request. */
export interface SubgraphFetch {
  readonly subgraph: string;
  readonly body: string;
  readonly started: number;
  readonly ended: number;
  /** The SQL the subgraph ran for it, with parameters, in order. */
  readonly statements: RecordedStatement[];
}

/** What answering one client request took: the subgraph requests, in stages that ran at once. */
export interface Captured {
  readonly variables: Record<string, unknown>;
  readonly stages: SubgraphFetch[][];
}

export interface CaptureReport {
  /** SQL statements per request for each shape at `first: 10` and `first: 100`. */
  readonly statements: Record<string, { first10: number; first100: number }>;
  /** Sample requests of each shape as the hub's gateway runs them. */
  readonly samples: Record<string, Captured[]>;
}

/**
 * The subgraphs and the hub's gateway in this process, on the benchmark data, with a recording
 * proxy in front of each subgraph: per request of each shape, which subgraph requests the gateway
 * sends (and in which stages), and which SQL each runs. Requests go one at a time, so everything
 * seen between a request's start and its end belongs to it.
 */
export async function captureShapes(url: string, pools: BenchPools, samplesPerShape: number, seed: number, shapes: readonly Shape[] = SHAPES): Promise<CaptureReport> {
  // The benchmark's database is already migrated and filled: no test database, no seed, no drop.
  const database = { url, drop: async () => {} };
  const running: { subgraph: RunningSubgraph; proxy: { url: string; stop(): Promise<void> } }[] = [];
  let fetches: SubgraphFetch[] = [];
  const recordings = new Map<string, ReturnType<RunningSubgraph['queries']['record']>>();
  const statementsSoFar = () => running.reduce((sum, r) => sum + r.subgraph.queries.statements, 0);
  try {
    const proxyUrls: Record<string, string> = {};
    for (const module of SUBGRAPHS) {
      // Peers are reached through their proxies too, so what a subgraph asks another is seen.
      const subgraph = await startSubgraph(module, { database, seed: false, mode: PRODUCTION_MODE, peerUrls: { ...proxyUrls }, executor: SUBGRAPH_EXECUTOR });
      const proxy = await recordingProxy(subgraph.url, (body, started, ended) => {
        const recording = recordings.get(module.name);
        const statements = recording ? recording.calls.filter((c) => c.at >= started && c.at <= ended) : [];
        fetches.push({ subgraph: module.name, body, started, ended, statements });
      });
      proxyUrls[module.name] = proxy.url;
      running.push({ subgraph, proxy });
    }
    // No response cache: a sample whose variables came up before would be answered from it, and
    // recorded as a request that took no subgraph request and no SQL.
    const gateway = createGateway(
      { ...loadConfig({ RESPONSE_CACHE: 'off' }), host: '127.0.0.1', port: 0, subgraphUrls: proxyUrls, subgraphSecret: TEST_SUBGRAPH_SECRET, jwt: TEST_JWT, mode: PRODUCTION_MODE },
      pino({ level: 'silent' }),
    );
    const gatewayUrl = `http://127.0.0.1:${(await gateway.start()).port}/graphql`;
    /** One request through the gateway; returns the SQL statements it took. */
    const send = async (query: string, variables: Record<string, unknown>) => {
      const before = statementsSoFar();
      const res = await fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
      const body = (await res.json()) as { errors?: unknown[] };
      if (body.errors) throw new Error(`the hub answered ${JSON.stringify(variables)} with errors: ${JSON.stringify(body.errors).slice(0, 500)}`);
      return statementsSoFar() - before;
    };
    try {
      const statements: CaptureReport['statements'] = {};
      const samples: CaptureReport['samples'] = {};
      for (const shape of shapes) {
        const random = seededRandom(seed);
        statements[shape.id] = { first10: await send(shape.query(10), shape.variables(random, pools)), first100: await send(shape.query(100), shape.variables(random, pools)) };
        samples[shape.id] = [];
        for (let i = 0; i < samplesPerShape; i++) {
          const variables = shape.variables(random, pools);
          fetches = [];
          for (const r of running) recordings.set(r.subgraph.name, r.subgraph.queries.record());
          try {
            await send(shape.query(), variables);
          } finally {
            for (const recording of recordings.values()) recording.stop();
          }
          samples[shape.id].push({ variables, stages: stagesOf(fetches) });
        }
      }
      return { statements, samples };
    } finally {
      await gateway.stop();
    }
  } finally {
    for (const r of running.reverse()) {
      await r.proxy.stop();
      await r.subgraph.stop();
    }
  }
}

/** Fetches that overlap in time ran in one stage of the query plan; a fetch that starts after all of a stage ended begins the next. */
function stagesOf(fetches: readonly SubgraphFetch[]): SubgraphFetch[][] {
  const stages: SubgraphFetch[][] = [];
  for (const f of [...fetches].sort((a, b) => a.started - b.started)) {
    const current = stages[stages.length - 1];
    if (current && f.started < Math.max(...current.map((c) => c.ended))) current.push(f);
    else stages.push([f]);
  }
  return stages;
}

/** Passes requests on to `target` unchanged and reports each body with its start and end. */
async function recordingProxy(target: string, record: (body: string, started: number, ended: number) => void): Promise<{ url: string; stop: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks).toString();
      const started = performance.now();
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && !['host', 'content-length', 'connection'].includes(k)) headers[k] = v;
      try {
        const answer = await fetch(target, { method: req.method, headers, body: req.method === 'POST' ? body : undefined });
        const text = await answer.text();
        const ended = performance.now();
        record(body, started, ended);
        res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
        res.end(text);
      } catch (error) {
        res.writeHead(502);
        res.end(String(error));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    stop: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

