// A mutation whose subgraph is down fails as a whole: no data, one SUBGRAPH_UNAVAILABLE error naming
// that subgraph (never its host or port) on the mutation's path. Every registered subgraph has a
// mutation here, so a new one cannot be left out.
import { tokenFor } from '@nsc-hub/shared/src/testing';
import { SUBGRAPHS } from '../../scripts/subgraphs';
import { startHub, type RunningHub } from '../helpers/startHub';

const WRITES: Readonly<Record<string, { field: string; mutation: string }>> = {
  membership: { field: 'createCity', mutation: 'mutation { createCity(input: { name: "Odense", country: "DK" }) { id version } }' },
  knowledge: { field: 'createResource', mutation: 'mutation { createResource(input: { title: "Written while down", kind: REPORT, languages: ["en"] }) { id } }' },
  forums: { field: 'createEvent', mutation: 'mutation { createEvent(input: { title: "Written while down", kind: CONFERENCE, startsOn: "2026-03-10" }) { id } }' },
};

let hub: RunningHub;
let admin: string;
beforeAll(async () => {
  hub = await startHub();
  admin = await tokenFor('admin');
  await Promise.all(Object.values(hub.subgraphs).map((s) => s.stop()));
});
afterAll(() => hub?.stop());

test('every subgraph has a write in this scenario', () => {
  expect(Object.keys(WRITES).sort()).toEqual(SUBGRAPHS.map((s) => s.name).sort());
});

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
