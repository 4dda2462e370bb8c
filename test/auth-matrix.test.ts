// Who may do what, through the gateway: anonymous callers read public fields, members also see
// contact persons, editors write their own country's records only, admins write everything.
// Every refused write leaves the database exactly as it was.
import type { DataSource } from 'typeorm';
import { errorCodes, tokenFor } from '@nsc-hub/shared/src/testing';
import { startHub, type RunningHub } from './helpers/startHub';
import { CALLERS, callerTokens, type CallerName } from './helpers/writeChecks';
import { auditSince, lastAuditId, membershipState } from './helpers/schemaState';

let hub: RunningHub;
let db: DataSource;
let tokens: Record<CallerName, string | undefined>;

beforeAll(async () => {
  hub = await startHub();
  db = hub.subgraphs.membership.dataSource;
  tokens = await callerTokens();
  await db.query(
    `INSERT INTO membership.contact_persons (city_id, name, email, phone) VALUES ('dk-copenhagen', 'Matrix Contact', 'matrix@example.org', '+45 12 34 56 78')`,
  );
});
afterAll(() => hub?.stop());

let counter = 0;
const unique = (prefix: string) => `${prefix}${++counter}`;

/** A fresh Danish city with no memberships, made directly in the database for one case. */
async function freshDanishCity(): Promise<string> {
  const id = unique('dk-matrixby');
  await db.query(`INSERT INTO membership.cities (id, name, country_code, owner) VALUES ($1, $2, 'DK', 'DK')`, [id, id]);
  return id;
}

async function freshMembership(): Promise<string> {
  const cityId = await freshDanishCity();
  const [{ id }] = await db.query(
    `INSERT INTO membership.memberships (city_id, network_id, status, since) VALUES ($1, 'nordic-safe-cities', 'ACTIVE', '2020-01-01') RETURNING id`,
    [cityId],
  );
  return id;
}

interface Operation {
  /** The GraphQL record type the audit log names. */
  entity: string;
  /** Rows the case needs, made directly in the database; returns the mutation's variables. */
  prepare: () => Promise<Record<string, unknown>>;
  mutation: string;
}

const OPERATIONS: Record<string, Operation> = {
  createCity: {
    entity: 'City',
    prepare: async () => ({ input: { name: unique('Matrixstad '), country: 'DK' } }),
    mutation: `mutation ($input: CreateCityInput!) { createCity(input: $input) { id country { code } version } }`,
  },
  updateCity: {
    entity: 'City',
    prepare: async () => ({ id: await freshDanishCity() }),
    mutation: `mutation ($id: ID!) { updateCity(id: $id, input: { population: 1234 }, expectedVersion: 1) { id population version } }`,
  },
  addMembership: {
    entity: 'Membership',
    prepare: async () => ({ input: { cityId: await freshDanishCity(), networkId: 'nordic-safe-cities', since: '2024-05-01' } }),
    mutation: `mutation ($input: AddMembershipInput!) { addMembership(input: $input) { id status city { id } network { id } } }`,
  },
  endMembership: {
    entity: 'Membership',
    prepare: async () => ({ id: await freshMembership() }),
    mutation: `mutation ($id: ID!) { endMembership(id: $id, until: "2024-12-31") { id status until } }`,
  },
  addContact: {
    entity: 'ContactPerson',
    prepare: async () => ({ input: { name: 'New Coordinator', email: 'new@example.org' } }),
    mutation: `mutation ($input: ContactInput!) { addContact(cityId: "dk-copenhagen", input: $input) { id name } }`,
  },
};

describe.each(Object.keys(OPERATIONS))('%s', (operation) => {
  test.each(CALLERS)('as $caller', async ({ caller, refusal }) => {
    const { prepare, mutation, entity } = OPERATIONS[operation];
    const variables = await prepare();
    const stateBefore = await membershipState(db);
    const auditBefore = await lastAuditId(db);
    const res = await hub.query(mutation, variables, tokens[caller]);
    if (refusal) {
      expect(errorCodes(res)).toEqual([refusal]);
      expect(res.data).toBeNull();
      expect(await membershipState(db)).toEqual(stateBefore);
    } else {
      expect(res.errors).toBeUndefined();
      expect(res.data?.[operation]).toMatchObject({ id: expect.any(String) });
      const audit = await auditSince(db, auditBefore);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        actor_role: caller === 'admin' ? 'admin' : 'editor',
        actor_country: caller === 'admin' ? null : 'DK',
        entity_type: entity,
        entity_id: res.data?.[operation].id,
      });
    }
  });
});

describe('reading contact persons', () => {
  const QUERY = `{ city(id: "dk-copenhagen") { name contacts { name email phone } } }`;

  test('anonymous callers get null contacts and UNAUTHENTICATED, the rest of the city intact', async () => {
    const res = await hub.query(QUERY);
    expect(res.data).toEqual({ city: { name: 'Copenhagen', contacts: null } });
    expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
    expect(JSON.stringify(res)).not.toContain('matrix@example.org');
  });

  test.each(CALLERS.filter((c) => c.caller !== 'anonymous'))('$caller sees them', async ({ caller }) => {
    const res = await hub.query(QUERY, {}, tokens[caller]);
    expect(res.errors).toBeUndefined();
    expect(res.data?.city.contacts).toEqual(expect.arrayContaining([{ name: 'Matrix Contact', email: 'matrix@example.org', phone: '+45 12 34 56 78' }]));
  });
});

describe('tokens', () => {
  test('an expired token is UNAUTHENTICATED and reads nothing', async () => {
    const res = await hub.query('{ countries { code } }', {}, await tokenFor('admin', undefined, -60));
    expect(res.status).toBe(401);
    expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
    expect(res.errors?.[0].message).toMatch(/expired/);
    expect(res.errors?.[0].extensions?.requestId).toEqual(expect.any(String));
    expect(res.data ?? null).toBeNull();
  });

  test('a token with a forged signature is UNAUTHENTICATED and writes nothing', async () => {
    const [header, payload] = (await tokenFor('admin')).split('.');
    const before = await membershipState(db);
    const res = await hub.query(`mutation { addContact(cityId: "dk-copenhagen", input: { name: "Forger" }) { id } }`, {}, `${header}.${payload}.AAAA`);
    expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
    expect(await membershipState(db)).toEqual(before);
  });
});
