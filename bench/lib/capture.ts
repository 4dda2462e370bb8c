import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createGateway, loadConfig } from '@nsc-hub/gateway';
import type { QueryCounter, RecordedStatement, ServiceMode } from '@nsc-hub/shared';
import { SUBGRAPH_SECRET_HEADER } from '@nsc-hub/shared';
import { SUBGRAPHS } from '../../scripts/subgraphs';
import { SHAPES, seededRandom, type BenchPools, type Shape } from './shapes';

export interface BenchSecrets {
  readonly subgraphSecret: string;
  readonly jwtSecret: string;
}

export const jwtConfig = (secrets: BenchSecrets) => ({ secret: secrets.jwtSecret, issuer: 'nsc-hub', audience: 'nsc-hub' });
const PRODUCTION: ServiceMode = { production: true, exposeInternals: false };

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
  readonly statements: number;
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
export async function captureShapes(url: string, pools: BenchPools, secrets: BenchSecrets, samplesPerShape: number, seed: number): Promise<CaptureReport> {
  const silent = pino({ level: 'silent' });
  const running: { name: string; counter: QueryCounter; stop: () => Promise<void>; proxyUrl: string }[] = [];
  let fetches: SubgraphFetch[] = [];
  const recordings = new Map<string, ReturnType<QueryCounter['record']>>();
  try {
    const proxyUrls: Record<string, string> = {};
    for (const module of SUBGRAPHS) {
      const { dataSource, queries } = module.createDatabase(url, { poolSize: 2 });
      await dataSource.initialize();
      const server = module.createServer({
        dataSource,
        config: { name: module.name, subgraphSecret: secrets.subgraphSecret, jwt: jwtConfig(secrets), mode: PRODUCTION, peerUrls: { ...proxyUrls } },
        log: silent,
      });
      const listening = await server.start(0, '127.0.0.1');
      const target = `http://127.0.0.1:${listening.port}/graphql`;
      const proxy = await recordingProxy(target, (body, started, ended) => {
        const recording = recordings.get(module.name);
        const statements = recording ? recording.calls.filter((c) => c.at >= started && c.at <= ended) : [];
        fetches.push({ subgraph: module.name, body, started, ended, statements });
      });
      proxyUrls[module.name] = proxy.url;
      running.push({
        name: module.name,
        counter: queries,
        proxyUrl: proxy.url,
        stop: async () => {
          await proxy.stop();
          await server.stop();
          await dataSource.destroy();
        },
      });
    }
    const gateway = createGateway(
      { ...loadConfig({}), host: '127.0.0.1', port: 0, subgraphUrls: proxyUrls, subgraphSecret: secrets.subgraphSecret, jwt: jwtConfig(secrets), mode: PRODUCTION },
      silent,
    );
    const gatewayUrl = `http://127.0.0.1:${(await gateway.start()).port}/graphql`;
    try {
      const send = async (query: string, variables: Record<string, unknown>) => {
        const res = await fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
        const body = (await res.json()) as { errors?: unknown[] };
        if (body.errors) throw new Error(`the hub answered ${JSON.stringify(variables)} with errors: ${JSON.stringify(body.errors).slice(0, 500)}`);
      };
      const total = () => running.reduce((sum, r) => sum + r.counter.statements, 0);
      const statements: CaptureReport['statements'] = {};
      const samples: CaptureReport['samples'] = {};
      for (const shape of SHAPES) {
        const random = seededRandom(seed);
        const perRequest = async (first: number) => {
          const variables = shape.variables(random, pools);
          const before = total();
          await send(shape.query(first), variables);
          return total() - before;
        };
        statements[shape.id] = { first10: await perRequest(10), first100: await perRequest(100) };
        samples[shape.id] = [];
        for (let i = 0; i < samplesPerShape; i++) samples[shape.id].push(await captureOne(shape, random, pools));
      }
      return { statements, samples };
    } finally {
      await gateway.stop();
    }

    async function captureOne(shape: Shape, random: ReturnType<typeof seededRandom>, pools: BenchPools): Promise<Captured> {
      const variables = shape.variables(random, pools);
      fetches = [];
      for (const r of running) recordings.set(r.name, r.counter.record());
      const before = running.reduce((sum, r) => sum + r.counter.statements, 0);
      try {
        await fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: shape.query(), variables }) }).then((r) => r.text());
      } finally {
        for (const recording of recordings.values()) recording.stop();
      }
      const statements = running.reduce((sum, r) => sum + r.counter.statements, 0) - before;
      return { variables, stages: stagesOf(fetches), statements };
    }
  } finally {
    for (const r of running.reverse()) await r.stop();
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

export { SUBGRAPH_SECRET_HEADER };
