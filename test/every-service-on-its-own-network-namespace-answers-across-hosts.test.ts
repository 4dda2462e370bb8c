// Nothing in the hub assumes one host: PostgreSQL, every subgraph, the gateway and the one-shot
// migrate-and-seed job each run in a network namespace of their own (a machine of their own as far
// as the network goes: own loopback, own ports, one address on a LAN), configured only as a
// deployment would configure them (SUBGRAPH_HOST, <NAME>_URL, <NAME>_DATABASE_URL, their own
// secrets), and a query across three subgraphs is answered, as is a write that forums checks with
// membership and knowledge. A loopback URL would reach nothing there; PostgreSQL has no Unix socket.
// Skipped, saying why, where the kernel refuses namespaces or the test is not root.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { envNameOf, signToken } from '@nsc-hub/shared';
import { TEST_JWT, errorCodes, graphqlRequest } from '@nsc-hub/shared/src/testing';
import { ensureDatabase, withDatabase } from '../scripts/hubDatabase';
import { SUBGRAPHS } from '../scripts/subgraphs';
import { startGatewayProcess, type GatewayProcess } from './helpers/gatewayProcess';
import { createNamespaceNetwork, networkNamespacesUnavailable, type NamespaceNetwork } from './helpers/networkNamespaces';
import { startPostgresOnHost, type PostgresOnHost } from './helpers/startPostgresOnHost';
import { startSubgraphProcess, type SubgraphProcess } from './helpers/subgraphProcess';

const ROOT = path.resolve(__dirname, '..');
const execFileAsync = promisify(execFile);
/** The README's query across membership, knowledge and forums, for a city the seed of each knows. */
const CITY_ACROSS_ALL_SUBGRAPHS = readFileSync(path.join(ROOT, 'operations', 'readme', 'CityAcrossAllSubgraphs.graphql'), 'utf8').replace('"dk-copenhagen"', '"no-baerum"');

const unavailable = networkNamespacesUnavailable();
if (unavailable) console.warn(`skipped: every service on its own network namespace: ${unavailable}`);
const describeWhereNamespacesWork = unavailable ? describe.skip : describe;

describeWhereNamespacesWork('every service on a network namespace of its own', () => {
  // Secrets of this run, not the development defaults: they reach each service only through its env.
  const secrets = { SUBGRAPH_SECRET: randomBytes(24).toString('hex'), JWT_SECRET: randomBytes(24).toString('hex') };
  let network: NamespaceNetwork | undefined;
  let postgres: PostgresOnHost | undefined;
  const subgraphs: SubgraphProcess[] = [];
  let gateway: GatewayProcess | undefined;

  beforeAll(async () => {
    network = await createNamespaceNetwork(['postgres', 'migrate', ...SUBGRAPHS.map((s) => s.name), 'gateway']);
    const { hosts, subnet } = network;
    postgres = await startPostgresOnHost(hosts.postgres, subnet);

    // A database of its own per subgraph, as separate teams would have, made by the operator (this
    // process, reaching the server over the network like everyone else).
    const databaseUrls: Record<string, string> = {};
    for (const { name } of SUBGRAPHS) {
      await ensureDatabase(postgres.url, `nsc_hub_${name}`);
      databaseUrls[name] = withDatabase(postgres.url, `nsc_hub_${name}`);
    }
    const databaseEnv = Object.fromEntries(SUBGRAPHS.map(({ name }) => [`${envNameOf(name)}_DATABASE_URL`, databaseUrls[name]]));
    // `npm run seed` as a one-shot job on a host of its own.
    const [program, ...args] = [...hosts.migrate.command, process.execPath, '--import', 'tsx', 'scripts/migrate.ts', '--seed'];
    await execFileAsync(program, args, { cwd: ROOT, env: { ...process.env, ...databaseEnv, LOG_LEVEL: 'warn' } });

    // Each on its default port: every host has all its ports to itself.
    const urls = Object.fromEntries(SUBGRAPHS.map((s) => [s.name, `http://${hosts[s.name].address}:${s.defaultPort}/graphql`]));
    const started = await Promise.allSettled(
      SUBGRAPHS.map(async (module) => {
        const host = hosts[module.name];
        const running = await startSubgraphProcess(module, {
          host,
          port: module.defaultPort,
          databaseUrl: databaseUrls[module.name],
          peerUrls: Object.fromEntries(Object.keys(module.peers ?? {}).map((peer) => [peer, urls[peer]])),
          env: { ...secrets, METRICS_HOST: host.address },
        });
        subgraphs.push(running);
      }),
    );
    const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
    gateway = await startGatewayProcess(urls, { ...secrets, METRICS_HOST: hosts.gateway.address }, hosts.gateway);
  }, 180_000);

  afterAll(async () => {
    try {
      await gateway?.stop();
      await Promise.all(subgraphs.map((s) => s.close()));
      await postgres?.stop();
    } finally {
      // Also kills whatever a failed step above left running in a namespace.
      await network?.remove();
    }
  }, 60_000);

  test('each service runs in its own namespace, and the gateway finds every subgraph ready', async () => {
    for (const name of ['postgres', ...SUBGRAPHS.map((s) => s.name), 'gateway']) {
      expect({ name, running: (await network!.pidsOn(name)).length > 0 }).toEqual({ name, running: true });
    }
    const readyz = await fetch(new URL('/readyz', gateway!.url));
    expect(readyz.status).toBe(200);
    expect(await readyz.json()).toMatchObject({
      status: 'ready',
      subgraphs: Object.fromEntries(SUBGRAPHS.map((s) => [s.name, 'ready'])),
    });
  });

  test('a query across membership, knowledge and forums answers with the seeded data of each', async () => {
    const answer = await graphqlRequest(gateway!.url, CITY_ACROSS_ALL_SUBGRAPHS);
    expect(answer.errors).toBeUndefined();
    const city = answer.data!.city;
    expect(city).toMatchObject({ id: 'no-baerum', name: 'Bærum' });
    expect(city.memberships).toEqual(expect.arrayContaining([{ network: { id: 'nordic-safe-cities', name: 'Nordic Safe Cities' }, status: 'ACTIVE' }]));
    expect(city.resources.edges).toEqual(expect.arrayContaining([{ node: { id: 'baerum-hate-speech-mapping', title: expect.any(String) } }]));
    expect(city.participations).toEqual(
      expect.arrayContaining([expect.objectContaining({ event: expect.objectContaining({ id: 'safe-city-norway-kickoff-2020', forum: expect.objectContaining({ id: 'nordic-safe-cities' }) }) })]),
    );
  });

  test('a write that forums checks with membership and knowledge succeeds, and an unknown reference is refused', async () => {
    const editor = await signToken({ ...TEST_JWT, secret: secrets.JWT_SECRET }, { sub: 'netns-editor', role: 'editor', country: 'DK' }, '5m');
    const listed = await graphqlRequest(gateway!.url, '{ resources(filter: { country: "DK" }, first: 1) { edges { node { id title } } } }');
    const resource = listed.data!.resources.edges[0].node as { id: string; title: string };
    const createEvent = `mutation CreateEvent($input: CreateEventInput!) {
      createEvent(input: $input) { id city { id name } forum { id } outcomes { id title } }
    }`;
    const input = { title: 'SSP study visit across hosts', kind: 'STUDY_VISIT', startsOn: '2026-03-10', city: 'dk-aarhus', forum: 'nordic-safe-cities', outcomes: [resource.id] };

    const created = await graphqlRequest(gateway!.url, createEvent, { token: editor, variables: { input } });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createEvent).toMatchObject({ city: { id: 'dk-aarhus', name: 'Aarhus' }, forum: { id: 'nordic-safe-cities' }, outcomes: [resource] });

    // Refused on the owner's answer (BAD_USER_INPUT), not for want of one (SUBGRAPH_UNAVAILABLE):
    // each peer was reached on its own host and said it has no such record.
    for (const [field, unknown] of [['city', 'dk-no-such-city'], ['outcomes', ['no-such-resource']]] as const) {
      const refused = await graphqlRequest(gateway!.url, createEvent, { token: editor, variables: { input: { ...input, title: `Visit with an unknown ${field}`, [field]: unknown } } });
      expect({ field, codes: errorCodes(refused), message: refused.errors?.[0].message }).toEqual({ field, codes: ['BAD_USER_INPUT'], message: expect.stringMatching(/no-such/) });
    }
  });
});
