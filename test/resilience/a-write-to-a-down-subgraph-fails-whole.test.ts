// A mutation whose subgraph is down fails as a whole: no data, one SUBGRAPH_UNAVAILABLE error naming
// that subgraph (never its host or port) on the mutation's path, for every subgraph of the workspace
// (each with the sample write of its test/hubSamples.ts).
import { tokenFor } from '@nsc-hub/shared/src/testing';
import { SUBGRAPHS } from '../../scripts/subgraphs';
import { startHub, type RunningHub } from '../helpers/startHub';
import { hubSamplesOf } from '../helpers/hubSamples';

/** Each subgraph's sample write (its test/hubSamples.ts). */
const WRITES = Object.fromEntries(SUBGRAPHS.map((s) => [s.name, hubSamplesOf(s).write]));

let hub: RunningHub;
let admin: string;
beforeAll(async () => {
  hub = await startHub();
  admin = await tokenFor('admin');
  await Promise.all(Object.values(hub.subgraphs).map((s) => s.stop()));
});
afterAll(() => hub?.stop());

test.each(SUBGRAPHS.map((s) => s.name))('a write to %s while it is down fails whole with SUBGRAPH_UNAVAILABLE naming it', async (name) => {
  const { field, mutation } = WRITES[name];
  const res = await hub.query(mutation, {}, admin);
  expect(res.status).toBe(200);
  expect(res.data ?? null).toBeNull();
  expect(res.errors).toEqual([
    expect.objectContaining({ path: [field], extensions: expect.objectContaining({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: name }) }),
  ]);
  expect(res.errors?.[0].message).toMatch(new RegExp(`\\b${name}\\b`));
  expect(JSON.stringify(res)).not.toMatch(/127\.0\.0\.1|localhost|ECONNREFUSED|:\d{4,5}\b/);
});
