// Bad input to any mutation gets a clear error with a catalogued code, and nothing is written:
// not the record, not a related row, not an audit entry.
import type { DataSource } from 'typeorm';
import { errorCodes, tokenFor } from '@nsc-hub/shared/src/testing';
import { startHub, type RunningHub } from './helpers/startHub';
import { expectRefusedWritingNothing, type BadInputCase } from './helpers/writeChecks';
import { membershipState } from './helpers/schemaState';

let hub: RunningHub;
let db: DataSource;
let editor: string;
let activeMembership: string;
let endedMembership: string;

beforeAll(async () => {
  hub = await startHub();
  db = hub.subgraphs.membership.dataSource;
  editor = await tokenFor('editor', 'DK');
  [{ id: activeMembership }] = await db.query(
    `INSERT INTO membership.memberships (city_id, network_id, status, since) VALUES ('dk-aarhus', 'nordic-safe-cities', 'CANDIDATE', '2023-03-01') RETURNING id`,
  );
  [{ id: endedMembership }] = await db.query(
    `INSERT INTO membership.memberships (city_id, network_id, status, since, until) VALUES ('dk-aarhus', 'safe-city-norway', 'FORMER', '2020-01-01', '2021-01-01') RETURNING id`,
  );
});
afterAll(() => hub?.stop());

const CREATE = `mutation ($input: CreateCityInput!) { createCity(input: $input) { id } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateCityInput!, $v: Int!) { updateCity(id: $id, input: $input, expectedVersion: $v) { id } }`;
const ADD_MEMBERSHIP = `mutation ($input: AddMembershipInput!) { addMembership(input: $input) { id } }`;
const END_MEMBERSHIP = `mutation ($id: ID!, $until: Date!) { endMembership(id: $id, until: $until) { id } }`;
const ADD_CONTACT = `mutation ($cityId: ID!, $input: ContactInput!) { addContact(cityId: $cityId, input: $input) { id } }`;

const CASES: BadInputCase[] = [
  // createCity
  { name: 'createCity without a name', query: CREATE, variables: () => ({ input: { country: 'DK' } }), code: 'BAD_USER_INPUT', says: /name/ },
  { name: 'createCity with a population that is not a number', query: CREATE, variables: () => ({ input: { name: 'X', country: 'DK', population: 'many' } }), code: 'BAD_USER_INPUT', says: /population/ },
  { name: 'createCity with a blank name', query: CREATE, variables: () => ({ input: { name: '   ', country: 'DK' } }), code: 'BAD_USER_INPUT', says: /input\.name/ },
  { name: 'createCity with a name of 201 characters', query: CREATE, variables: () => ({ input: { name: 'a'.repeat(201), country: 'DK' } }), code: 'BAD_USER_INPUT', says: /at most 200/ },
  { name: 'createCity with a negative population', query: CREATE, variables: () => ({ input: { name: 'Minusby', country: 'DK', population: -1 } }), code: 'BAD_USER_INPUT', says: /population/ },
  { name: 'createCity with a malformed country code', query: CREATE, variables: () => ({ input: { name: 'Nowhere', country: 'Denmark' } }), code: 'BAD_USER_INPUT', says: /country code/ },
  { name: 'createCity with an id that is not a slug', query: CREATE, variables: () => ({ input: { id: 'DK Aarhus!', name: 'Aarhus', country: 'DK' } }), code: 'BAD_USER_INPUT', says: /slug/ },
  { name: "createCity with an id outside the city's country", query: CREATE, variables: () => ({ input: { id: 'no-somewhere', name: 'Somewhere', country: 'DK' } }), code: 'BAD_USER_INPUT', says: /dk-/ },
  { name: 'createCity with the id of an existing city', query: CREATE, variables: () => ({ input: { name: 'Copenhagen', country: 'DK' } }), code: 'CONFLICT', says: /dk-copenhagen/ },
  // updateCity
  { name: 'updateCity of an unknown city', query: UPDATE, variables: () => ({ id: 'dk-atlantis', input: { population: 5 }, v: 1 }), code: 'NOT_FOUND', says: /dk-atlantis/ },
  { name: 'updateCity with a stale version', query: UPDATE, variables: () => ({ id: 'dk-aarhus', input: { population: 5 }, v: 7 }), code: 'CONFLICT', says: /version 1, not 7/ },
  { name: 'updateCity with nothing to change', query: UPDATE, variables: () => ({ id: 'dk-aarhus', input: {}, v: 1 }), code: 'BAD_USER_INPUT', says: /at least one field/ },
  { name: 'updateCity clearing the required name', query: UPDATE, variables: () => ({ id: 'dk-aarhus', input: { name: null }, v: 1 }), code: 'BAD_USER_INPUT', says: /name/ },
  { name: 'updateCity with an expectedVersion that is not an integer', query: UPDATE, variables: () => ({ id: 'dk-aarhus', input: { population: 5 }, v: 'one' }), code: 'BAD_USER_INPUT' },
  // addMembership
  { name: 'addMembership for an unknown city', query: ADD_MEMBERSHIP, variables: () => ({ input: { cityId: 'dk-atlantis', networkId: 'nordic-safe-cities' } }), code: 'BAD_USER_INPUT', says: /cityId/ },
  { name: 'addMembership of an unknown network', query: ADD_MEMBERSHIP, variables: () => ({ input: { cityId: 'dk-aarhus', networkId: 'no-such-network' } }), code: 'BAD_USER_INPUT', says: /networkId/ },
  { name: 'addMembership that is already FORMER', query: ADD_MEMBERSHIP, variables: () => ({ input: { cityId: 'dk-aarhus', networkId: 'safe-city-norway', status: 'FORMER' } }), code: 'BAD_USER_INPUT', says: /status/ },
  { name: 'addMembership with an unknown status', query: ADD_MEMBERSHIP, variables: () => ({ input: { cityId: 'dk-aarhus', networkId: 'safe-city-norway', status: 'HONORARY' } }), code: 'BAD_USER_INPUT' },
  { name: 'addMembership with an impossible date', query: ADD_MEMBERSHIP, variables: () => ({ input: { cityId: 'dk-aarhus', networkId: 'safe-city-norway', since: '2021-02-30' } }), code: 'BAD_USER_INPUT', says: /since/ },
  { name: 'addMembership duplicating a current membership', query: ADD_MEMBERSHIP, variables: () => ({ input: { cityId: 'dk-aarhus', networkId: 'strong-cities-network' } }), code: 'CONFLICT', says: /already/ },
  { name: 'addMembership without a network', query: ADD_MEMBERSHIP, variables: () => ({ input: { cityId: 'dk-aarhus' } }), code: 'BAD_USER_INPUT', says: /networkId/ },
  // endMembership
  { name: 'endMembership of an unknown membership', query: END_MEMBERSHIP, variables: () => ({ id: '00000000-0000-4000-8000-000000000000', until: '2024-01-01' }), code: 'NOT_FOUND' },
  { name: 'endMembership with an id that is not a membership id', query: END_MEMBERSHIP, variables: () => ({ id: "1' OR '1'='1", until: '2024-01-01' }), code: 'NOT_FOUND' },
  { name: 'endMembership before it began', query: END_MEMBERSHIP, variables: () => ({ id: activeMembership, until: '2022-01-01' }), code: 'BAD_USER_INPUT', says: /before the membership began/ },
  { name: 'endMembership in the future', query: END_MEMBERSHIP, variables: () => ({ id: activeMembership, until: '2999-01-01' }), code: 'BAD_USER_INPUT', says: /future/ },
  { name: 'endMembership with a date that is not a date', query: END_MEMBERSHIP, variables: () => ({ id: activeMembership, until: 'yesterday' }), code: 'BAD_USER_INPUT' },
  { name: 'endMembership of a membership that has ended', query: END_MEMBERSHIP, variables: () => ({ id: endedMembership, until: '2022-01-01' }), code: 'CONFLICT', says: /ended already/ },
  // addContact
  { name: 'addContact to an unknown city', query: ADD_CONTACT, variables: () => ({ cityId: 'dk-atlantis', input: { name: 'A Person' } }), code: 'NOT_FOUND' },
  { name: 'addContact without a name', query: ADD_CONTACT, variables: () => ({ cityId: 'dk-aarhus', input: { email: 'a@example.org' } }), code: 'BAD_USER_INPUT', says: /name/ },
  { name: 'addContact with a malformed e-mail', query: ADD_CONTACT, variables: () => ({ cityId: 'dk-aarhus', input: { name: 'A Person', email: 'not-an-address' } }), code: 'BAD_USER_INPUT', says: /e-mail/ },
  { name: 'addContact with a malformed phone number', query: ADD_CONTACT, variables: () => ({ cityId: 'dk-aarhus', input: { name: 'A Person', phone: 'call me' } }), code: 'BAD_USER_INPUT', says: /phone/ },
  { name: 'addContact with control characters in the name', query: ADD_CONTACT, variables: () => ({ cityId: 'dk-aarhus', input: { name: 'A\u0000Person' } }), code: 'BAD_USER_INPUT', says: /control characters/ },
];

test.each(CASES)('$name → $code, nothing written', (badInput) => expectRefusedWritingNothing(hub, () => membershipState(db), badInput, editor));

test('two concurrent updates with the same expectedVersion: exactly one succeeds, the other is a CONFLICT', async () => {
  const before = await membershipState(db);
  const update = (population: number) => hub.query(UPDATE.replace('{ id }', '{ id population version }'), { id: 'dk-aarhus', input: { population }, v: 1 }, editor);
  const results = await Promise.all([update(111), update(222)]);
  const succeeded = results.filter((r) => !r.errors);
  const conflicts = results.filter((r) => errorCodes(r).join() === 'CONFLICT');
  expect(succeeded).toHaveLength(1);
  expect(conflicts).toHaveLength(1);
  expect(succeeded[0].data?.updateCity.version).toBe(2);
  const [{ population, version }] = await db.query(`SELECT population, version FROM membership.cities WHERE id = 'dk-aarhus'`);
  expect({ population, version }).toEqual({ population: succeeded[0].data?.updateCity.population, version: 2 });
  const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM membership.audit_log WHERE entity_id = 'dk-aarhus'`);
  expect(count).toBe(1);
  expect(await membershipState(db)).not.toEqual(before);
});
