// What an editor does in a working day, through the gateway: create a city, correct it, record its
// membership, end it; every step visible in the graph at once and in the audit log with before
// and after.
import type { DataSource } from 'typeorm';
import { errorCodes, tokenFor } from '@nsc-hub/shared/src/testing';
import { startHub, type RunningHub } from './helpers/startHub';
import { auditSince, lastAuditId } from './helpers/schemaState';

let hub: RunningHub;
let db: DataSource;
let editor: string;

beforeAll(async () => {
  hub = await startHub();
  db = hub.subgraphs.membership.dataSource;
  editor = await tokenFor('editor', 'DK');
});
afterAll(() => hub?.stop());

test('a city from creation to an ended membership', async () => {
  const auditStart = await lastAuditId(db);
  const created = await hub.query(
    `mutation { createCity(input: { name: "Aalborg", nativeName: "Aalborg", country: "dk", region: "Nordjylland" }) { id name country { code } region version } }`,
    {},
    editor,
  );
  expect(created.errors).toBeUndefined();
  expect(created.data?.createCity).toEqual({ id: 'dk-aalborg', name: 'Aalborg', country: { code: 'DK' }, region: 'Nordjylland', version: 1 });

  const updated = await hub.query(
    `mutation { updateCity(id: "dk-aalborg", input: { population: 119862, region: null }, expectedVersion: 1) { population region version } }`,
    {},
    editor,
  );
  expect(updated.data?.updateCity).toEqual({ population: 119862, region: null, version: 2 });

  const added = await hub.query(
    `mutation { addMembership(input: { cityId: "dk-aalborg", networkId: "nordic-safe-cities", status: CANDIDATE, since: "2024-02-29" }) { id status since until city { name } network { name } } }`,
    {},
    editor,
  );
  expect(added.errors).toBeUndefined();
  const membership = added.data?.addMembership;
  expect(membership).toMatchObject({ status: 'CANDIDATE', since: '2024-02-29', until: null, city: { name: 'Aalborg' }, network: { name: 'Nordic Safe Cities' } });

  const MEMBERS = `{ network(id: "nordic-safe-cities") { members(status: CANDIDATE) { totalCount edges { node { id since until status city { id } } } } } }`;
  const candidates = await hub.query(MEMBERS);
  expect(candidates.errors).toBeUndefined();
  expect(candidates.data?.network.members).toEqual({
    totalCount: 1,
    edges: [{ node: { id: membership.id, since: '2024-02-29', until: null, status: 'CANDIDATE', city: { id: 'dk-aalborg' } } }],
  });

  const ended = await hub.query(`mutation ($id: ID!) { endMembership(id: $id, until: "2025-06-30") { status since until } }`, { id: membership.id }, editor);
  expect(ended.data?.endMembership).toEqual({ status: 'FORMER', since: '2024-02-29', until: '2025-06-30' });
  const former = await hub.query(MEMBERS.replace('CANDIDATE', 'FORMER'));
  expect(former.data?.network.members.edges).toEqual([
    { node: { id: membership.id, since: '2024-02-29', until: '2025-06-30', status: 'FORMER', city: { id: 'dk-aalborg' } } },
  ]);

  const city = await hub.query(`{ city(id: "dk-aalborg") { version memberships { status until } } cities(filter: { nameContains: "aalb" }) { totalCount } }`);
  expect(city.data).toEqual({ city: { version: 2, memberships: [{ status: 'FORMER', until: '2025-06-30' }] }, cities: { totalCount: 1 } });

  const audit = await auditSince(db, auditStart);
  expect(audit.map((a) => [a.entity_type, a.operation])).toEqual([
    ['City', 'CREATE'],
    ['City', 'UPDATE'],
    ['Membership', 'CREATE'],
    ['Membership', 'UPDATE'],
  ]);
  const cityUpdate = audit[1] as unknown as { before: { population: number | null; version: number }; after: { population: number; version: number } };
  expect(cityUpdate.before).toMatchObject({ population: null, version: 1 });
  expect(cityUpdate.after).toMatchObject({ population: 119862, version: 2 });
});

test('two requests creating the same city at once: one creates it, the other gets CONFLICT', async () => {
  const create = () => hub.query(`mutation { createCity(input: { name: "Esbjerg", country: "DK" }) { id } }`, {}, editor);
  const results = await Promise.all([create(), create(), create()]);
  expect(results.filter((r) => r.data?.createCity?.id === 'dk-esbjerg')).toHaveLength(1);
  expect(results.filter((r) => errorCodes(r).join() === 'CONFLICT')).toHaveLength(2);
  const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM membership.audit_log WHERE entity_id = 'dk-esbjerg'`);
  expect(count).toBe(1);
});

test('two requests adding the same membership at once: one adds it, the other gets CONFLICT', async () => {
  await db.query(`INSERT INTO membership.cities (id, name, country_code, owner) VALUES ('dk-vejle', 'Vejle', 'DK', 'DK')`);
  const add = () => hub.query(`mutation { addMembership(input: { cityId: "dk-vejle", networkId: "strong-cities-network" }) { id } }`, {}, editor);
  const results = await Promise.all([add(), add()]);
  expect(results.filter((r) => !r.errors)).toHaveLength(1);
  expect(results.filter((r) => errorCodes(r).join() === 'CONFLICT')).toHaveLength(1);
});
