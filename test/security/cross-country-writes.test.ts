// An editor of Denmark trying to write Norway's records, on the hub as it runs in production: every
// mutation of every subgraph, one at a time and all at once through aliases in one request, is
// FORBIDDEN and leaves every subgraph's data (audit log included) exactly as it was. A country
// team's subgraph shows the same for its own mutations in its own tests, which the first test checks.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { PRODUCTION_MODE, errorCodes, tokenFor, type GraphQLResponse } from '@nsc-hub/shared/src/testing';
import { startHub, type RunningHub } from '../helpers/startHub';
import { hubState } from '../helpers/schemaState';
import { SUBGRAPHS } from '../../scripts/subgraphs';
import { supergraphJoins } from '@nsc-hub/gateway';

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

const joins = supergraphJoins();
const mutationType = joins.schema.getMutationType()!;
/** The subgraph resolving a root mutation field. */
const ownerOf = (field: string) => [...joins.fieldGraphs(mutationType, mutationType.getFields()[field])][0];
const attempted = new Set(Object.values(ATTEMPTS).map((field) => field().split('(')[0]));

// A country team's subgraph proves the same of its own mutations in its own test folder (the
// scaffold writes that test): a test there that names the mutation and signs in as an editor.
function coveredByItsOwnSubgraph(field: string): boolean {
  const subgraph = SUBGRAPHS.find((s) => s.name === ownerOf(field));
  const testDir = subgraph && path.join(subgraph.dir, 'test');
  if (!testDir || !existsSync(testDir)) return false;
  return readdirSync(testDir)
    .filter((file) => file.endsWith('.test.ts'))
    .map((file) => readFileSync(path.join(testDir, file), 'utf8'))
    .some((text) => text.includes(field) && /tokenFor\('editor', '[A-Z]{2}'\)/.test(text) && text.includes('FORBIDDEN'));
}

test('the attempts cover every mutation of the graph, or its own subgraph\'s tests do', () => {
  const declared = Object.keys(mutationType.getFields());
  expect(declared.length).toBeGreaterThan(0);
  for (const field of attempted) expect(declared).toContain(field);
  const uncovered = declared.filter((field) => !attempted.has(field) && !coveredByItsOwnSubgraph(field));
  expect(uncovered).toEqual([]);
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
  // At least one refusal from each subgraph written to.
  expect(codes.length).toBeGreaterThanOrEqual(new Set([...attempted].map(ownerOf)).size);
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
