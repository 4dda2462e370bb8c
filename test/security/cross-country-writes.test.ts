// An editor of Denmark trying to write Norway's records, on the hub as it runs in production: every
// mutation of every subgraph, one at a time and all at once through aliases in one request, is
// FORBIDDEN and leaves every subgraph's data (audit log included) exactly as it was.
import { readFileSync } from 'node:fs';
import { DEFAULT_SUPERGRAPH_PATH } from '@nsc-hub/gateway';
import { PRODUCTION_MODE, errorCodes, tokenFor, type GraphQLResponse } from '@nsc-hub/shared/src/testing';
import { startHub, type RunningHub } from '../helpers/startHub';
import { hubState } from '../helpers/schemaState';

let hub: RunningHub;
let danishEditor: string;
/** Norwegian records, made by an admin through the graph. */
const norway = { city: '', membership: '', resource: '', event: '', participation: '' };

async function asAdmin(query: string, variables: Record<string, unknown>): Promise<Record<string, any>> {
  const res = await hub.query(query, variables, await tokenFor('admin'));
  expect(res.errors).toBeUndefined();
  return res.data!;
}

beforeAll(async () => {
  hub = await startHub({ mode: PRODUCTION_MODE });
  danishEditor = await tokenFor('editor', 'DK');
  norway.city = (await asAdmin(`mutation { createCity(input: { name: "Sikkerby", country: "NO" }) { id } }`, {})).createCity.id;
  norway.membership = (
    await asAdmin(`mutation ($city: ID!) { addMembership(input: { cityId: $city, networkId: "nordic-safe-cities" }) { id } }`, { city: norway.city })
  ).addMembership.id;
  norway.resource = (
    await asAdmin(`mutation { createResource(input: { title: "Veileder for trygge byer", kind: GUIDELINE, languages: ["nb"], country: "NO" }) { id } }`, {})
  ).createResource.id;
  norway.event = (await asAdmin(`mutation { createEvent(input: { title: "Trygge byer-samling", kind: CONFERENCE, startsOn: "2025-03-04", country: "NO" }) { id } }`, {})).createEvent.id;
  norway.participation = (
    await asAdmin(`mutation ($event: ID!, $city: ID!) { recordParticipation(input: { event: $event, city: $city, role: DELEGATE }) { id } }`, {
      event: norway.event,
      city: norway.city,
    })
  ).recordParticipation.id;
});
afterAll(() => hub?.stop());


/** Each mutation of the graph aimed at a Norwegian record (or creating one), as a root field. */
const ATTEMPTS: Record<string, () => string> = {
  createCity: () => `createCity(input: { name: "Dansk Nordby", country: "NO" }) { id }`,
  updateCity: () => `updateCity(id: "${norway.city}", input: { population: 1 }, expectedVersion: 1) { id }`,
  addMembership: () => `addMembership(input: { cityId: "${norway.city}", networkId: "strong-cities-network" }) { id }`,
  endMembership: () => `endMembership(id: "${norway.membership}", until: "2025-01-01") { id }`,
  addContact: () => `addContact(cityId: "${norway.city}", input: { name: "Intruder", email: "intruder@example.org" }) { id }`,
  createResource: () => `createResource(input: { title: "Planted", kind: GUIDELINE, languages: ["nb"], country: "NO" }) { id }`,
  updateResource: () => `updateResource(id: "${norway.resource}", input: { summary: "Overwritten" }, expectedVersion: 1) { id }`,
  archiveResource: () => `archiveResource(id: "${norway.resource}") { id }`,
  createEvent: () => `createEvent(input: { title: "Planted", kind: CONFERENCE, startsOn: "2025-05-05", country: "NO" }) { id }`,
  updateEvent: () => `updateEvent(id: "${norway.event}", input: { venue: "Elsewhere" }, expectedVersion: 1) { id }`,
  recordParticipation: () => `recordParticipation(input: { event: "${norway.event}", city: "${norway.city}", role: SPEAKER }) { id }`,
  'recordParticipation of an organisation at a Norwegian event': () =>
    `recordParticipation(input: { event: "${norway.event}", organisation: "Planted Org", role: OBSERVER }) { id }`,
  removeParticipation: () => `removeParticipation(id: "${norway.participation}")`,
};

test('the attempts cover every mutation of the graph', () => {
  const mutations = new Set(Object.values(ATTEMPTS).map((field) => field().split('(')[0]));
  const schema = readFileSync(DEFAULT_SUPERGRAPH_PATH, 'utf8');
  const declared = [...schema.slice(schema.indexOf('type Mutation')).split('\n}')[0].matchAll(/^\s{2}(\w+)\(/gm)].map((m) => m[1]);
  expect(declared.length).toBeGreaterThan(0);
  expect([...mutations].sort()).toEqual([...declared].sort());
});

test.each(Object.keys(ATTEMPTS))('%s: FORBIDDEN, nothing written anywhere', async (name) => {
  const before = await hubState(hub);
  const res = await hub.query(`mutation { ${ATTEMPTS[name]()} }`, {}, danishEditor);
  expect(errorCodes(res)).toEqual(['FORBIDDEN']);
  expect(res.data ?? null).toBeNull();
  expect(await hubState(hub)).toEqual(before);
});

// Mutation fields are non-null, so a subgraph stops at the first refused one in its run of fields
// (the rest never execute): the answer holds a FORBIDDEN per run, and none of them wrote.
test('all of them at once, through aliases in one request: FORBIDDEN, nothing written anywhere', async () => {
  const names = Object.keys(ATTEMPTS);
  const fields = names.map((name, i) => `a${i}: ${ATTEMPTS[name]()}`);
  // Twice over, so a repeat of a refused write gets no second chance either.
  const document = `mutation { ${fields.join('\n')} ${fields.map((f) => `again_${f}`).join('\n')} }`;
  const before = await hubState(hub);
  const res: GraphQLResponse = await hub.query(document, {}, danishEditor);
  expect(res.status).toBe(200);
  const codes = errorCodes(res);
  expect(codes.length).toBeGreaterThanOrEqual(Object.keys(hub.subgraphs).length);
  expect(new Set(codes)).toEqual(new Set(['FORBIDDEN']));
  expect(res.data ?? null).toBeNull();
  expect(await hubState(hub)).toEqual(before);
});

test("a request mixing the editor's own write with Norway's: the Danish one lands, the Norwegian ones do not", async () => {
  const before = await hubState(hub);
  const res = await hub.query(
    `mutation {
      own: createCity(input: { name: "Egen By", country: "DK" }) { id }
      theirs: updateCity(id: "${norway.city}", input: { population: 2 }, expectedVersion: 1) { id }
      theirsToo: updateResource(id: "${norway.resource}", input: { summary: "Overwritten" }, expectedVersion: 1) { id }
    }`,
    {},
    danishEditor,
  );
  expect(res.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
    [['theirs'], 'FORBIDDEN'],
    [['theirsToo'], 'FORBIDDEN'],
  ]);
  const after = await hubState(hub);
  expect(after.knowledge).toEqual(before.knowledge);
  expect(after.forums).toEqual(before.forums);
  const [norwegian] = await hub.subgraphs.membership.dataSource.query(`SELECT population, version FROM membership.cities WHERE id = $1`, [norway.city]);
  expect(norwegian).toEqual({ population: null, version: 1 });
  const [danish] = await hub.subgraphs.membership.dataSource.query(`SELECT owner FROM membership.cities WHERE name = 'Egen By'`);
  expect(danish).toEqual({ owner: 'DK' });
});

test('the same writes by an editor of Norway succeed, so the refusals above are about the country', async () => {
  const res = await hub.query(`mutation { ${ATTEMPTS.updateCity()} }`, {}, await tokenFor('editor', 'NO'));
  expect(res.errors).toBeUndefined();
  expect(res.data?.updateCity).toEqual({ id: norway.city });
});
