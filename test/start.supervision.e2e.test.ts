// `npm start` keeps the hub running: it comes up with the gateway on a port that fetch refuses
// (its probes do not use fetch); a subgraph that freezes is killed and restarted; the embedded
// PostgreSQL, stopped under it, is restarted on its data while the subgraphs stay up and reconnect;
// the runner says what is up on every change; and Ctrl-C still leaves nothing running.
import { readFileSync, chmodSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '@nsc-hub/shared/src/testing';
import { SUBGRAPHS } from '../scripts/subgraphs';
import { isListening, postQuery, processesInGroup, startHubProcess, type HubProcess } from './helpers/hubProcess';
import { subgraphPortEnv } from './helpers/subgraphPortEnv';

jest.setTimeout(240_000);

/**
 * Ports on the fetch standard's blocked list ("bad ports"), where Node's fetch fails before it
 * connects. 6000 (X11) first, as an operator might pick it; the others in case it is taken here.
 */
/** The runner's status line: every service up (postgres, the subgraphs in start order, the gateway) but those named. */
const statusLine = (states: Record<string, string>) =>
  `status: ${['postgres', ...SUBGRAPHS.map((s) => s.name), 'gateway'].map((service) => `${service} ${states[service] ?? 'up'}`).join(' · ')}`;
const BAD_PORTS = [6000, 6665, 6666, 6667, 6668, 6669, 6697, 10080];

const CROSS_SUBGRAPH_QUERY =
  '{ city(id: "dk-copenhagen") { name memberships { network { name } } resources(first: 1) { totalCount } participations { event { title } } } }';

let dataDir: string;
let hub: HubProcess | undefined;
let gatewayPort: number;
let gatewayUrl: string;
let ports: number[];

interface RunnerLine {
  level: number;
  msg: string;
  service?: string;
  pid?: number;
}

/** The runner's own pino lines (not its services'), in order. */
function runnerLines(): RunnerLine[] {
  return hub!
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{') && line.includes('"name":"hub"'))
    .map((line) => JSON.parse(line) as RunnerLine);
}

async function waitFor<T>(what: string, find: () => T | undefined, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${hub?.output().slice(-5000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const startedPid = (service: string, after = 0) =>
  runnerLines()
    .slice(after)
    .find((l) => l.service === service && l.msg.startsWith(`${service} started`))?.pid;

function freeOnLoopback(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

beforeAll(async () => {
  const candidates = await Promise.all(BAD_PORTS.map(async (port) => ((await freeOnLoopback(port)) ? port : undefined)));
  const badPort = candidates.find((p) => p !== undefined);
  if (badPort === undefined) throw new Error(`every port of ${BAD_PORTS.join(', ')} is taken on this machine`);
  gatewayPort = badPort;
  gatewayUrl = `http://127.0.0.1:${gatewayPort}/graphql`;
  const parent = mkdtempSync(path.join(os.tmpdir(), 'nsc-hub-supervision-'));
  chmodSync(parent, 0o755);
  dataDir = path.join(parent, 'postgres');
  const [postgres, gatewayMetrics] = [await freePort(), await freePort()];
  const subgraphPorts = await subgraphPortEnv(SUBGRAPHS.map((s) => s.name));
  ports = [gatewayPort, gatewayMetrics, postgres, ...Object.values(subgraphPorts).map(Number)];
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'info' };
  for (const name of Object.keys(env)) if (name.endsWith('DATABASE_URL')) delete env[name];
  Object.assign(env, {
    GATEWAY_PORT: String(gatewayPort),
    METRICS_PORT: String(gatewayMetrics),
    ...subgraphPorts,
    EMBEDDED_POSTGRES_PORT: String(postgres),
    EMBEDDED_POSTGRES_DIR: dataDir,
  });
  hub = await startHubProcess(env);
});

afterAll(async () => {
  if (hub) await hub.interrupt();
  if (dataDir) rmSync(path.dirname(dataDir), { recursive: true, force: true });
});

test('comes up with the gateway on a port fetch refuses, and answers there', async () => {
  // The proof that this port is one the old fetch-based readiness probe could never reach.
  await expect(fetch(`http://127.0.0.1:${gatewayPort}/readyz`)).rejects.toThrow();
  const res = await postQuery(gatewayUrl, CROSS_SUBGRAPH_QUERY);
  expect(res.errors).toBeUndefined();
  expect(res.data?.city.name).toBe('Copenhagen');
  const names = ['postgres', ...SUBGRAPHS.map((s) => s.name), 'gateway'];
  expect(runnerLines().map((l) => l.msg)).toContain(`status: ${names.map((n) => `${n} up`).join(' · ')}`);
});

test('a frozen subgraph is killed and restarted, and the hub answers whole again', async () => {
  const frozenPid = startedPid('membership')!;
  expect(frozenPid).toEqual(expect.any(Number));
  const before = runnerLines().length;
  process.kill(frozenPid, 'SIGSTOP');
  const newPid = await waitFor('membership to be started again', () => startedPid('membership', before));
  expect(newPid).not.toBe(frozenPid);
  await waitFor('membership to be ready again', () => runnerLines().slice(before).find((l) => l.msg === 'membership is ready again'));
  // The runner prints its status line after the service's own: wait for it rather than for a time.
  await waitFor('every service up again', () => runnerLines().slice(before).find((l) => l.msg === statusLine({})));
  const lines = runnerLines().slice(before);
  expect(lines).toContainEqual(expect.objectContaining({ level: 50, service: 'membership', pid: frozenPid, msg: expect.stringContaining('stopped answering') }));
  expect(lines.map((l) => l.msg)).toContain(statusLine({ membership: 'restarting (1 in 60 s)' }));
  expect(lines.map((l) => l.msg)).toContain(statusLine({}));
  expect(() => process.kill(frozenPid, 0)).toThrow(); // killed, not left behind stopped

  const res = await postQuery(gatewayUrl, CROSS_SUBGRAPH_QUERY);
  expect(res.errors).toBeUndefined();
  expect(res.data?.city.memberships.length).toBeGreaterThan(0);
});

test('PostgreSQL stopped under the hub is restarted on its data, and the subgraphs reconnect without a restart', async () => {
  const before = runnerLines().length;
  const postmasterPid = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  // SIGINT is PostgreSQL's fast shutdown: it ends every session, as an operator's `pg_ctl stop -m fast` would.
  process.kill(postmasterPid, 'SIGINT');
  await waitFor('postgres to be ready again', () => runnerLines().slice(before).find((l) => l.msg === 'postgres is ready again'));

  // The pools drop their dead connections and open new ones; allow them a moment to do so.
  let res = await postQuery(gatewayUrl, CROSS_SUBGRAPH_QUERY);
  for (const deadline = Date.now() + 30_000; res.errors && Date.now() < deadline; ) {
    await new Promise((r) => setTimeout(r, 500));
    res = await postQuery(gatewayUrl, CROSS_SUBGRAPH_QUERY);
  }
  expect(res.errors).toBeUndefined();
  expect(res.data?.city.name).toBe('Copenhagen');
  await waitFor('every service up again', () => runnerLines().slice(before).find((l) => l.msg === statusLine({})));

  const lines = runnerLines().slice(before);
  const postgresLines = lines.filter((l) => l.service === 'postgres' && l.level >= 40);
  expect(postgresLines).toEqual([expect.objectContaining({ level: 40, msg: 'postgres exited (code 0); restart 1 in 500 ms' })]);
  expect(Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0])).not.toBe(postmasterPid);
  // No service but PostgreSQL was restarted or even complained of.
  expect(lines.filter((l) => l.service !== undefined && l.service !== 'postgres')).toEqual([]);
  expect(lines.map((l) => l.msg)).toContain(statusLine({ postgres: 'restarting (1 in 60 s)' }));
  expect(lines.map((l) => l.msg).at(-1)).toBe(statusLine({}));
});

test('Ctrl-C stops every process, restarted ones and PostgreSQL included, leaving nothing running', async () => {
  const running = hub!;
  hub = undefined;
  expect(await running.interrupt()).toBe(0);
  expect(processesInGroup(running.child.pid!)).toEqual([]);
  for (const port of ports) expect(await isListening(port)).toBe(false);
});
