// The forums subgraph is killed (SIGKILL) while clients keep asking for a city: the gateway stays
// up and answers every request with HTTP 200; while forums is down each answer still carries the
// city's name, memberships and resources, with forums' fields null and a SUBGRAPH_UNAVAILABLE error
// naming forums on their path; once the restarted forums is ready, answers are whole again within 5 s.
import { isDeepStrictEqual } from 'node:util';
import { request } from 'undici';
import type { GraphQLObjectType } from 'graphql';
import { freePort, type GraphQLResponse } from '@nsc-hub/shared/src/testing';
import { SUBGRAPHS } from '../../scripts/subgraphs';
import { startHub, type RunningHub } from '../helpers/startHub';
import { startSubgraphProcess, type SubgraphProcess } from '../helpers/subgraphProcess';
import { supergraphJoins } from '@nsc-hub/gateway';

const QUERY = `{
  city(id: "dk-copenhagen") {
    name
    memberships { network { name } status }
    resources(first: 3) { totalCount edges { node { title } } }
    participations { role event { title } }
    events(first: 3) { totalCount }
  }
}`;
const LOOPS = 4;
const MAX_REQUESTS_PER_LOOP = 1500;
const PAUSE_MS = 10;
const HEALTHY_MS = 1000;
const OUTAGE_MS = 2000;
const WHOLE_AGAIN_WITHIN_MS = 5000;
/** How long the loops go on after the restart: past the bound, to see answers stay whole. */
const AFTER_RESTART_MS = WHOLE_AGAIN_WITHIN_MS + 2000;

const forumsModule = SUBGRAPHS.find((s) => s.name === 'forums')!;
const joins = supergraphJoins();
const cityType = joins.schema.getType('City') as GraphQLObjectType;

interface Sample {
  startedAt: number;
  endedAt: number;
  status: number;
  body: GraphQLResponse;
}

let hub: RunningHub;
let forums: SubgraphProcess;

beforeAll(async () => {
  const port = await freePort();
  hub = await startHub({
    subgraphs: SUBGRAPHS.filter((s) => s !== forumsModule),
    externalSubgraphs: { forums: `http://127.0.0.1:${port}/graphql` },
    // What the gateway does while forums is down, not what it kept from before.
    gateway: { responseCache: { store: 'off' } },
  });
  const peerUrls = Object.fromEntries(Object.keys(forumsModule.peers ?? {}).map((peer) => [peer, hub.subgraphs[peer].url]));
  forums = await startSubgraphProcess(forumsModule, { port, peerUrls });
});

afterAll(async () => {
  await forums?.close();
  await hub?.stop();
});

async function ask(): Promise<Sample> {
  const startedAt = Date.now();
  const res = await request(hub.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: QUERY }),
    headersTimeout: 15_000,
    bodyTimeout: 15_000,
  });
  const body = (await res.body.json()) as GraphQLResponse;
  return { startedAt, endedAt: Date.now(), status: res.statusCode, body };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('with forums killed under load, every answer is 200 with the rest of the city; whole again within 5 s of forums being back', async () => {
  const whole = await ask();
  expect(whole.body.errors).toBeUndefined();
  const city = whole.body.data?.city as Record<string, unknown>;
  // The fields forums alone resolves, from the supergraph; the outage must null these and only these.
  const forumsFields = Object.keys(city).filter((key) => isDeepStrictEqual([...joins.fieldGraphs(cityType, cityType.getFields()[key])], ['forums']));
  expect(forumsFields.length).toBeGreaterThan(0);
  for (const key of forumsFields) expect(city[key]).not.toBeNull();
  const partialCity = { ...city, ...Object.fromEntries(forumsFields.map((key) => [key, null])) };

  const isWhole = (s: Sample) => s.status === 200 && s.body.errors === undefined && isDeepStrictEqual(s.body.data, whole.body.data);
  const isPartial = (s: Sample) =>
    s.status === 200 &&
    isDeepStrictEqual(s.body.data, { city: partialCity }) &&
    (s.body.errors ?? []).length > 0 &&
    (s.body.errors ?? []).every(
      (e) =>
        e.extensions?.code === 'SUBGRAPH_UNAVAILABLE' &&
        e.extensions?.serviceName === 'forums' &&
        /\bforums\b/.test(e.message) &&
        !/127\.0\.0\.1|localhost|:\d{4,5}\b/.test(e.message) &&
        e.path?.[0] === 'city' &&
        forumsFields.includes(String(e.path?.[1])),
    );

  const samples: Sample[] = [];
  let stopAt = Number.POSITIVE_INFINITY;
  const hardStop = Date.now() + 60_000;
  const loop = async () => {
    for (let i = 0; i < MAX_REQUESTS_PER_LOOP && Date.now() < Math.min(stopAt, hardStop); i++) {
      samples.push(await ask());
      await sleep(PAUSE_MS);
    }
  };
  const loops = Promise.all(Array.from({ length: LOOPS }, loop));
  try {
    await sleep(HEALTHY_MS);
    await forums.kill9();
    const deadAt = Date.now();
    await sleep(OUTAGE_MS);
    const restartedAt = Date.now();
    await forums.start();
    // The bound is the gateway's: from the moment forums answers again (its boot time is its own).
    const backAt = Date.now();
    stopAt = backAt + AFTER_RESTART_MS;
    await loops;

    const notOk = samples.find((s) => !isWhole(s) && !isPartial(s));
    expect(notOk).toBeUndefined();
    expect(samples.filter((s) => s.endedAt < deadAt - HEALTHY_MS / 2).every(isWhole)).toBe(true);
    const duringOutage = samples.filter((s) => s.startedAt > deadAt && s.endedAt < restartedAt);
    expect(duringOutage.length).toBeGreaterThanOrEqual(LOOPS);
    expect(duringOutage.filter((s) => !isPartial(s))).toEqual([]);
    const firstWhole = samples.filter((s) => s.startedAt >= restartedAt && isWhole(s)).sort((a, b) => a.endedAt - b.endedAt)[0];
    expect(firstWhole).toBeDefined();
    expect(firstWhole.endedAt - backAt).toBeLessThanOrEqual(WHOLE_AGAIN_WITHIN_MS);
    const later = samples.filter((s) => s.startedAt > firstWhole.endedAt);
    expect(later.length).toBeGreaterThan(0);
    expect(later.filter((s) => !isWhole(s))).toEqual([]);
  } finally {
    stopAt = 0;
    await loops;
  }
}, 90_000);
