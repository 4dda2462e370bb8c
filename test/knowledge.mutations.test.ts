// Writing knowledge resources through the gateway: a resource is owned by its country (or by the
// secretariat when it names none); anonymous callers are turned away as UNAUTHENTICATED, members
// as FORBIDDEN, an editor writes only its own country's resources (never the secretariat's), an
// admin writes all. Bad input gets a clear, catalogued error. Every refused or invalid mutation
// writes nothing at all (no row, no audit entry); every successful one is visible in the graph at
// once and in the knowledge audit log with before and after. Archived resources leave lists and
// search but stay fetchable by id; of two updates from the same version, exactly one wins.
import type { DataSource } from 'typeorm';
import { errorCodes, tokenFor } from '@nsc-hub/shared/src/testing';
import { startHub, type RunningHub } from './helpers/startHub';
import { CALLERS, callerTokens, expectOneWinnerOneConflict, expectRefusedWritingNothing, type BadInputCase, type CallerName } from './helpers/writeChecks';
import { auditSince, lastAuditId, schemaState } from './helpers/schemaState';

const SCHEMA = 'knowledge';

let hub: RunningHub;
let db: DataSource;
let editor: string;
let tokens: Record<CallerName, string | undefined>;

/** A Danish resource that is already archived, for the "archive twice" case. */
const ARCHIVED_DK = 'fx-archived-dk-resource';
/** A Danish resource published on 2020-05-01, at version 1; no test changes it. */
const DATED_DK = 'fx-dated-dk-resource';

beforeAll(async () => {
  hub = await startHub();
  db = hub.subgraphs.knowledge.dataSource;
  tokens = await callerTokens();
  editor = tokens['editor of DK'] as string;
  await db.query(
    `INSERT INTO knowledge.resources (id, title, kind, language, languages, owner, country_codes, archived_at)
     VALUES ($1, 'An archived Danish guide', 'GUIDELINE', 'da', '{da}', 'DK', '{DK}', now())`,
    [ARCHIVED_DK],
  );
  await db.query(
    `INSERT INTO knowledge.resources (id, title, kind, language, languages, owner, country_codes, published_on, published_year)
     VALUES ($1, 'A dated Danish report', 'REPORT', 'da', '{da}', 'DK', '{DK}', '2020-05-01', 2020)`,
    [DATED_DK],
  );
});
afterAll(() => hub?.stop());

let counter = 0;
const unique = (prefix: string) => `${prefix}${++counter}`;

/** A fresh Danish resource at version 1, made directly in the database for one case. */
async function freshDanishResource(): Promise<string> {
  const id = unique('fx-dk-resource-');
  await db.query(
    `INSERT INTO knowledge.resources (id, title, kind, language, languages, owner, country_codes)
     VALUES ($1, $2, 'GUIDELINE', 'da', '{da}', 'DK', '{DK}')`,
    [id, `Fixture resource ${id}`],
  );
  return id;
}

const state = () => schemaState(db, SCHEMA);

describe('who may write resources', () => {
  interface Operation {
    /** Rows the case needs, made directly in the database; returns the mutation's variables. */
    prepare: () => Promise<Record<string, unknown>>;
    mutation: string;
  }

  const OPERATIONS: Record<string, Operation> = {
    createResource: {
      prepare: async () => ({ input: { title: unique('Matrix resource '), kind: 'GUIDELINE', languages: ['da'], country: 'DK' } }),
      mutation: `mutation ($input: CreateResourceInput!) { createResource(input: $input) { id countries { code } version } }`,
    },
    updateResource: {
      prepare: async () => ({ id: await freshDanishResource() }),
      mutation: `mutation ($id: ID!) { updateResource(id: $id, input: { audiences: [POLICE] }, expectedVersion: 1) { id audiences version } }`,
    },
    archiveResource: {
      prepare: async () => ({ id: await freshDanishResource() }),
      mutation: `mutation ($id: ID!) { archiveResource(id: $id) { id archived } }`,
    },
  };

  describe.each(Object.keys(OPERATIONS))('%s', (operation) => {
    test.each(CALLERS)('as $caller', async ({ caller, refusal }) => {
      const { prepare, mutation } = OPERATIONS[operation];
      const variables = await prepare();
      const stateBefore = await state();
      const auditBefore = await lastAuditId(db, SCHEMA);
      const res = await hub.query(mutation, variables, tokens[caller]);
      if (refusal) {
        expect(errorCodes(res)).toEqual([refusal]);
        expect(res.data).toBeNull();
        expect(await state()).toEqual(stateBefore);
      } else {
        expect(res.errors).toBeUndefined();
        expect(res.data?.[operation]).toMatchObject({ id: expect.any(String) });
        if (variables.id) expect(res.data?.[operation].id).toBe(variables.id);
        const audit = await auditSince(db, auditBefore, SCHEMA);
        expect(audit).toHaveLength(1);
        expect(audit[0]).toMatchObject({
          actor_role: caller === 'admin' ? 'admin' : 'editor',
          actor_country: caller === 'admin' ? null : 'DK',
          entity_type: 'Resource',
          entity_id: res.data?.[operation].id,
          operation: operation === 'createResource' ? 'CREATE' : 'UPDATE',
        });
      }
    });
  });

  const CREATE_SECRETARIAT = `mutation ($input: CreateResourceInput!) { createResource(input: $input) { id countries { code } } }`;
  const secretariatInput = () => ({ input: { title: unique('Secretariat resource '), kind: 'REPORT', languages: ['en'] } });

  test('an editor of DK may not create a resource without a country (owned by the secretariat): FORBIDDEN, nothing written', async () => {
    const before = await state();
    const res = await hub.query(CREATE_SECRETARIAT, secretariatInput(), editor);
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
    expect(res.data).toBeNull();
    expect(res.errors?.[0].message).toMatch(/SECRETARIAT/);
    expect(await state()).toEqual(before);
  });

  test('an admin creates a resource without a country; the secretariat owns it', async () => {
    const auditBefore = await lastAuditId(db, SCHEMA);
    const res = await hub.query(CREATE_SECRETARIAT, secretariatInput(), tokens.admin);
    expect(res.errors).toBeUndefined();
    const { id, countries } = res.data?.createResource;
    expect(countries).toEqual([]);
    const [{ owner }] = await db.query(`SELECT owner FROM knowledge.resources WHERE id = $1`, [id]);
    expect(owner).toBe('SECRETARIAT');
    const audit = await auditSince(db, auditBefore, SCHEMA);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_role: 'admin', actor_country: null, entity_type: 'Resource', entity_id: id, operation: 'CREATE' });
  });
});

describe('bad input', () => {
  const CREATE = `mutation ($input: CreateResourceInput!) { createResource(input: $input) { id } }`;
  const UPDATE = `mutation ($id: ID!, $input: UpdateResourceInput!, $v: Int!) { updateResource(id: $id, input: $input, expectedVersion: $v) { id } }`;
  const ARCHIVE = `mutation ($id: ID!) { archiveResource(id: $id) { id } }`;
  /** A valid createResource input, owned by DK; each case spoils one thing. */
  const valid = (extra: Record<string, unknown> = {}) => ({ input: { title: 'Bad input probe', kind: 'TOOLKIT', languages: ['da'], country: 'DK', ...extra } });
  /** A seeded Danish resource at version 1 that no test changes. */
  const SEEDED_DK = 'dk-action-plan-2016';

  const CASES: BadInputCase[] = [
    // createResource
    { name: 'createResource without a title', query: CREATE, variables: () => ({ input: { kind: 'TOOLKIT', languages: ['da'], country: 'DK' } }), code: 'BAD_USER_INPUT', says: /title/ },
    { name: 'createResource with a blank title', query: CREATE, variables: () => valid({ title: '   ' }), code: 'BAD_USER_INPUT', says: /input\.title/ },
    { name: 'createResource with a title of 301 characters', query: CREATE, variables: () => valid({ title: 'a'.repeat(301) }), code: 'BAD_USER_INPUT', says: /at most 300/ },
    { name: 'createResource with a url that is not a URL', query: CREATE, variables: () => valid({ url: 'not a url' }), code: 'BAD_USER_INPUT', says: /input\.url.*not a URL/ },
    { name: 'createResource with an ftp url', query: CREATE, variables: () => valid({ url: 'ftp://x.org/a' }), code: 'BAD_USER_INPUT', says: /http or https/ },
    { name: 'createResource with an unknown topic', query: CREATE, variables: () => valid({ topics: ['exit', 'no-such-topic'] }), code: 'BAD_USER_INPUT', says: /no-such-topic/ },
    { name: 'createResource with a language tag that is no language', query: CREATE, variables: () => valid({ languages: ['xx-notalang'] }), code: 'BAD_USER_INPUT', says: /xx-notalang/ },
    { name: 'createResource with a language tag of digits', query: CREATE, variables: () => valid({ languages: ['da', '123'] }), code: 'BAD_USER_INPUT', says: /"123"/ },
    { name: 'createResource with no languages', query: CREATE, variables: () => valid({ languages: [] }), code: 'BAD_USER_INPUT', says: /at least one language/ },
    { name: 'createResource with a publishedYear contradicting publishedOn', query: CREATE, variables: () => valid({ publishedOn: '2020-05-01', publishedYear: 2019 }), code: 'BAD_USER_INPUT', says: /publishedYear.*2020/ },
    { name: 'createResource with an impossible publishedOn', query: CREATE, variables: () => valid({ publishedOn: '2021-02-30' }), code: 'BAD_USER_INPUT', says: /publishedOn/ },
    { name: 'createResource with a kind outside the enum', query: CREATE, variables: () => valid({ kind: 'PAMPHLET' }), code: 'BAD_USER_INPUT', says: /PAMPHLET/ },
    { name: 'createResource with the id of an existing Danish resource', query: CREATE, variables: () => valid({ id: 'dk-action-plan-2014' }), code: 'CONFLICT', says: /dk-action-plan-2014/ },
    { name: 'createResource with a malformed country code', query: CREATE, variables: () => valid({ country: 'Denmark' }), code: 'BAD_USER_INPUT', says: /country code/ },
    // updateResource
    { name: 'updateResource of an unknown resource', query: UPDATE, variables: () => ({ id: 'no-such-resource', input: { summary: 'x' }, v: 1 }), code: 'NOT_FOUND', says: /no-such-resource/ },
    { name: 'updateResource with a stale version', query: UPDATE, variables: () => ({ id: SEEDED_DK, input: { summary: 'x' }, v: 7 }), code: 'CONFLICT', says: /version 1, not 7/ },
    { name: 'updateResource with nothing to change', query: UPDATE, variables: () => ({ id: SEEDED_DK, input: {}, v: 1 }), code: 'BAD_USER_INPUT', says: /at least one field/ },
    { name: 'updateResource clearing the required title', query: UPDATE, variables: () => ({ id: SEEDED_DK, input: { title: null }, v: 1 }), code: 'BAD_USER_INPUT', says: /input\.title/ },
    {
      name: 'updateResource with a publishedYear contradicting the stored publishedOn',
      query: UPDATE,
      variables: () => ({ id: DATED_DK, input: { publishedYear: 2019 }, v: 1 }),
      code: 'BAD_USER_INPUT',
      says: /publishedYear.*2020/,
    },
    { name: 'updateResource with an unknown topic', query: UPDATE, variables: () => ({ id: SEEDED_DK, input: { topics: ['no-such-topic'] }, v: 1 }), code: 'BAD_USER_INPUT', says: /no-such-topic/ },
    // archiveResource
    { name: 'archiveResource of an unknown resource', query: ARCHIVE, variables: () => ({ id: 'no-such-resource' }), code: 'NOT_FOUND', says: /no-such-resource/ },
    { name: 'archiveResource of an archived resource', query: ARCHIVE, variables: () => ({ id: ARCHIVED_DK }), code: 'CONFLICT', says: /archived already/ },
  ];

  test.each(CASES)('$name → $code, nothing written', (badInput) => expectRefusedWritingNothing(hub, state, badInput, editor));
});

describe('a resource from creation to archive', () => {
  const TITLE = 'Kvarterdialog om exitarbejde for unge';
  const READ = `query ($id: ID!) {
    resource(id: $id) {
      title language languages topics { id } audiences archived version
      publisher { __typename ... on Network { name } }
      cities { name }
      countries { code }
    }
  }`;
  const LISTED = `query ($q: String!) {
    resources(filter: { country: "DK" }, first: 100) { edges { node { id } } }
    searchResources(query: $q) { edges { node { id } } }
  }`;
  const ids = (connection: { edges: { node: { id: string } }[] }) => connection.edges.map((e) => e.node.id);

  test('create, read through the gateway, update, archive; the audit log has each step', async () => {
    const auditStart = await lastAuditId(db, SCHEMA);

    const created = await hub.query(
      `mutation ($input: CreateResourceInput!) { createResource(input: $input) { id title version archived } }`,
      {
        input: {
          title: TITLE,
          kind: 'GOOD_PRACTICE',
          languages: ['da', 'en'],
          country: 'DK',
          topics: ['exit', 'youth'],
          audiences: ['POLICE', 'TEACHERS'],
          publisher: { type: 'NETWORK', id: 'nordic-safe-cities' },
          cityIds: ['dk-copenhagen'],
          url: 'https://example.org/kvarterdialog',
          publishedOn: '2023-09-14',
        },
      },
      editor,
    );
    expect(created.errors).toBeUndefined();
    const id: string = created.data?.createResource.id;
    expect(created.data?.createResource).toEqual({ id: 'kvarterdialog-om-exitarbejde-for-unge', title: TITLE, version: 1, archived: false });

    const read = await hub.query(READ, { id });
    expect(read.errors).toBeUndefined();
    expect(read.data?.resource).toEqual({
      title: TITLE,
      language: 'da',
      languages: ['da', 'en'],
      topics: expect.arrayContaining([{ id: 'exit' }, { id: 'youth' }]),
      audiences: ['POLICE', 'TEACHERS'],
      archived: false,
      version: 1,
      // Resolved by the membership subgraph from the keys knowledge holds.
      publisher: { __typename: 'Network', name: 'Nordic Safe Cities' },
      cities: [{ name: 'Copenhagen' }],
      countries: [{ code: 'DK' }],
    });
    expect(read.data?.resource.topics).toHaveLength(2);

    const listedBefore = await hub.query(LISTED, { q: 'kvarterdialog' });
    expect(listedBefore.errors).toBeUndefined();
    expect(ids(listedBefore.data?.resources)).toContain(id);
    expect(ids(listedBefore.data?.searchResources)).toContain(id);

    const updated = await hub.query(
      `mutation ($id: ID!) { updateResource(id: $id, input: { topics: ["civil-society"], audiences: [SOCIAL_WORKERS] }, expectedVersion: 1) { topics { id } audiences version } }`,
      { id },
      editor,
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data?.updateResource).toEqual({ topics: [{ id: 'civil-society' }], audiences: ['SOCIAL_WORKERS'], version: 2 });

    const archived = await hub.query(`mutation ($id: ID!) { archiveResource(id: $id) { id archived } }`, { id }, editor);
    expect(archived.errors).toBeUndefined();
    expect(archived.data?.archiveResource).toEqual({ id, archived: true });

    const listedAfter = await hub.query(LISTED, { q: 'kvarterdialog' });
    expect(listedAfter.errors).toBeUndefined();
    expect(ids(listedAfter.data?.resources)).not.toContain(id);
    expect(ids(listedAfter.data?.searchResources)).not.toContain(id);
    const stillThere = await hub.query(READ, { id });
    expect(stillThere.errors).toBeUndefined();
    expect(stillThere.data?.resource).toMatchObject({ title: TITLE, archived: true, topics: [{ id: 'civil-society' }] });

    const audit = (await auditSince(db, auditStart, SCHEMA)).filter((a) => a.entity_id === id);
    expect(audit.map((a) => [a.entity_type, a.operation])).toEqual([
      ['Resource', 'CREATE'],
      ['Resource', 'UPDATE'],
      ['Resource', 'UPDATE'],
    ]);
    for (const row of audit) expect(row).toMatchObject({ actor_role: 'editor', actor_country: 'DK' });
    type Snapshot = { resource: { title: string; version: number; audiences: string[]; archivedAt: string | null }; topics: string[] };
    const [create, update, archive] = audit as unknown as { before: Snapshot | null; after: Snapshot }[];
    expect(create.before).toBeNull();
    expect(create.after).toMatchObject({ resource: { title: TITLE, version: 1, audiences: ['POLICE', 'TEACHERS'] }, topics: ['exit', 'youth'] });
    expect(update.before).toMatchObject({ resource: { version: 1, audiences: ['POLICE', 'TEACHERS'] }, topics: ['exit', 'youth'] });
    expect(update.after).toMatchObject({ resource: { version: 2, audiences: ['SOCIAL_WORKERS'] }, topics: ['civil-society'] });
    expect(archive.before).toMatchObject({ resource: { version: 2, archivedAt: null } });
    expect(archive.after).toMatchObject({ resource: { version: 3, archivedAt: expect.any(String) } });
  });
});

test('two concurrent updates with the same expectedVersion: exactly one succeeds, the other is a CONFLICT', async () => {
  const id = await freshDanishResource();
  const auditBefore = await lastAuditId(db, SCHEMA);
  const update = (summary: string) =>
    hub.query(`mutation ($id: ID!, $summary: String) { updateResource(id: $id, input: { summary: $summary }, expectedVersion: 1) { summary version } }`, { id, summary }, editor);
  const winner = await expectOneWinnerOneConflict(update);
  expect(winner.data?.updateResource.version).toBe(2);
  const [{ summary, version }] = await db.query(`SELECT summary, version FROM knowledge.resources WHERE id = $1`, [id]);
  expect({ summary, version }).toEqual({ summary: winner.data?.updateResource.summary, version: 2 });
  const audit = await auditSince(db, auditBefore, SCHEMA);
  expect(audit.filter((a) => a.entity_id === id)).toHaveLength(1);
});

test('a resource with a publication date always has that date\'s year', async () => {
  const admin = await tokenFor('admin');
  const created = await hub.query(
    `mutation { createResource(input: { title: "Dated resource without a year", kind: REPORT, languages: ["en"], publishedOn: "2020-05-01", publishedYear: null }) { id publishedOn publishedYear } }`,
    {},
    admin,
  );
  expect(created.errors).toBeUndefined();
  expect(created.data?.createResource).toMatchObject({ publishedOn: '2020-05-01', publishedYear: 2020 });
  const updated = await hub.query(
    `mutation ($id: ID!) { updateResource(id: $id, input: { publishedYear: null }, expectedVersion: 1) { publishedOn publishedYear } }`,
    { id: created.data?.createResource.id },
    admin,
  );
  expect(updated.data?.updateResource).toEqual({ publishedOn: '2020-05-01', publishedYear: 2020 });
});

test('dates outside 1900–2200 are BAD_USER_INPUT; moving the date to another year moves the year', async () => {
  const admin = await tokenFor('admin');
  const before = await schemaState(db, SCHEMA);
  const old = await hub.query(`mutation { createResource(input: { title: "Too old", kind: REPORT, languages: ["en"], publishedOn: "1850-05-01" }) { id } }`, {}, admin);
  expect(errorCodes(old)).toEqual(['BAD_USER_INPUT']);
  expect(old.errors?.[0].message).toMatch(/publishedOn/);
  expect(await schemaState(db, SCHEMA)).toEqual(before);

  const created = await hub.query(`mutation { createResource(input: { title: "Moved report", kind: REPORT, languages: ["en"], publishedOn: "2015-03-01" }) { id } }`, {}, admin);
  const moved = await hub.query(
    `mutation ($id: ID!) { updateResource(id: $id, input: { publishedOn: "2020-05-01", summary: "Nyt resumé på dansk." }, expectedVersion: 1) { publishedOn publishedYear } }`,
    { id: created.data?.createResource.id },
    admin,
  );
  expect(moved.errors).toBeUndefined();
  expect(moved.data?.updateResource).toEqual({ publishedOn: '2020-05-01', publishedYear: 2020 });
});
