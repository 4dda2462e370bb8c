// Writing events and participations through the gateway: an event is owned by the hub country that
// hosts it (the country given, or the country of the city given, as the membership subgraph knows
// it), else by the secretariat; a city's or country's participation is owned by that country, at
// any event, and an organisation's by the event's owner. Anonymous callers are turned away as
// UNAUTHENTICATED, members as FORBIDDEN, an editor writes only what its own country owns (never the
// secretariat's, and never hands an event over to another owner), an admin writes all. Bad input,
// including a city, country, forum, working group or resource the hub does not have, gets a clear,
// catalogued error naming the field. Every refused or invalid mutation writes nothing at all (no
// row, no audit entry); every successful one is visible in the graph at once and in the forums audit
// log with before and after. Of two updates from the same version, exactly one wins. When the
// membership subgraph is down, a write that names a city is refused as SUBGRAPH_UNAVAILABLE naming
// it, never its address, and nothing is written.
import type { DataSource } from 'typeorm';
import { errorCodes } from '@nsc-hub/shared/src/testing';
import { startHub, type RunningHub } from './helpers/startHub';
import { CALLERS, callerTokens, expectOneWinnerOneConflict, expectRefusedWritingNothing, type BadInputCase, type CallerName } from './helpers/writeChecks';
import { auditSince, lastAuditId, schemaState } from './helpers/schemaState';

const SCHEMA = 'forums';

let hub: RunningHub;
let db: DataSource;
let editor: string;
let tokens: Record<CallerName, string | undefined>;

/** A seeded event in Copenhagen (DK owns it), at version 1; no test changes it. */
const SEEDED_DK = 'nsc-summit-2022-copenhagen';
/** A seeded event in New York with no hub country: the secretariat owns it. */
const SECRETARIAT_EVENT = 'scn-4th-global-summit-2023';
/** A Danish event of RAN's police working group, for the forum/working-group cases. */
const WORKING_GROUP_DK = 'fx-dk-ran-pol-meeting';
/** A Danish event where Copenhagen and "Aarhus University" are recorded already, for the duplicate cases. */
const WITH_PARTICIPANTS_DK = 'fx-dk-event-with-participants';

beforeAll(async () => {
  hub = await startHub();
  db = hub.subgraphs.forums.dataSource;
  tokens = await callerTokens();
  editor = tokens['editor of DK'] as string;
  await db.query(
    `INSERT INTO forums.events (id, title, kind, starts_on, country_code, owner) VALUES ($1, 'A Danish event with participants', 'CONFERENCE', '2021-06-01', 'DK', 'DK')`,
    [WITH_PARTICIPANTS_DK],
  );
  await db.query(
    `INSERT INTO forums.participations (event_id, city_id, country_code, organisation, role, owner) VALUES
       ($1, 'dk-copenhagen', 'DK', NULL, 'HOST', 'DK'),
       ($1, NULL, NULL, 'Aarhus University', 'SPEAKER', 'DK')`,
    [WITH_PARTICIPANTS_DK],
  );
  await db.query(
    `INSERT INTO forums.events (id, title, kind, starts_on, country_code, owner, forum_id, working_group_id)
     VALUES ($1, 'RAN POL meeting in Denmark', 'WORKING_GROUP_MEETING', '2019-02-01', 'DK', 'DK', 'ran', 'ran-pol')`,
    [WORKING_GROUP_DK],
  );
});
afterAll(() => hub?.stop());

let counter = 0;
const unique = (prefix: string) => `${prefix}${++counter}`;

/** A fresh event at version 1 hosted by (and owned by) `country`, made directly in the database for one case. */
async function freshEvent(country: 'DK' | 'NO' = 'DK'): Promise<string> {
  const id = unique(`fx-${country.toLowerCase()}-event-`);
  await db.query(`INSERT INTO forums.events (id, title, kind, starts_on, country_code, owner) VALUES ($1, $2, 'CONFERENCE', '2021-06-01', $3, $3)`, [
    id,
    `Fixture event ${id}`,
    country,
  ]);
  return id;
}

/** A fresh participation of Copenhagen (DK owns it) at a fresh Danish event. */
async function freshCopenhagenParticipation(): Promise<string> {
  const [{ id }] = await db.query(
    `INSERT INTO forums.participations (event_id, city_id, country_code, role, owner) VALUES ($1, 'dk-copenhagen', 'DK', 'SPEAKER', 'DK') RETURNING id`,
    [await freshEvent('DK')],
  );
  return id;
}

const state = () => schemaState(db, SCHEMA);

describe('who may write events and participations', () => {
  interface Operation {
    /** Rows the case needs, made directly in the database; returns the mutation's variables. */
    prepare: () => Promise<Record<string, unknown>>;
    mutation: string;
    entityType: 'Event' | 'Participation';
    auditOperation: 'CREATE' | 'UPDATE' | 'DELETE';
    /** Checks the answer of a successful call and returns the id of the record written. */
    written: (answer: any, variables: Record<string, unknown>) => string;
  }

  const OPERATIONS: Record<string, Operation> = {
    createEvent: {
      prepare: async () => ({ input: { title: unique('Matrix event '), kind: 'CONFERENCE', startsOn: '2024-04-02', country: 'DK' } }),
      mutation: `mutation ($input: CreateEventInput!) { createEvent(input: $input) { id country { code } version } }`,
      entityType: 'Event',
      auditOperation: 'CREATE',
      written: (answer) => {
        expect(answer).toMatchObject({ id: expect.stringMatching(/^matrix-event-\d+-2024$/), country: { code: 'DK' }, version: 1 });
        return answer.id;
      },
    },
    updateEvent: {
      prepare: async () => ({ id: await freshEvent('DK') }),
      mutation: `mutation ($id: ID!) { updateEvent(id: $id, input: { venue: "Aarhus City Hall" }, expectedVersion: 1) { id venue version } }`,
      entityType: 'Event',
      auditOperation: 'UPDATE',
      written: (answer, variables) => {
        expect(answer).toEqual({ id: variables.id, venue: 'Aarhus City Hall', version: 2 });
        return answer.id;
      },
    },
    recordParticipation: {
      prepare: async () => ({ input: { event: await freshEvent('DK'), city: 'dk-aarhus', role: 'DELEGATE' } }),
      mutation: `mutation ($input: ParticipationInput!) { recordParticipation(input: $input) { id role country { code } event { id } } }`,
      entityType: 'Participation',
      auditOperation: 'CREATE',
      written: (answer, variables) => {
        expect(answer).toMatchObject({ id: expect.any(String), role: 'DELEGATE', country: { code: 'DK' }, event: { id: (variables.input as { event: string }).event } });
        return answer.id;
      },
    },
    removeParticipation: {
      prepare: async () => ({ id: await freshCopenhagenParticipation() }),
      mutation: `mutation ($id: ID!) { removeParticipation(id: $id) }`,
      entityType: 'Participation',
      auditOperation: 'DELETE',
      written: (answer, variables) => {
        expect(answer).toBe(true);
        return variables.id as string;
      },
    },
  };

  describe.each(Object.keys(OPERATIONS))('%s of a DK record', (operation) => {
    test.each(CALLERS)('as $caller', async ({ caller, refusal }) => {
      const { prepare, mutation, entityType, auditOperation, written } = OPERATIONS[operation];
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
        const id = written(res.data?.[operation], variables);
        const audit = await auditSince(db, auditBefore, SCHEMA);
        expect(audit).toHaveLength(1);
        expect(audit[0]).toMatchObject({
          actor_role: caller === 'admin' ? 'admin' : 'editor',
          actor_country: caller === 'admin' ? null : 'DK',
          entity_type: entityType,
          entity_id: id,
          operation: auditOperation,
        });
      }
    });
  });

  const CREATE = `mutation ($input: CreateEventInput!) { createEvent(input: $input) { id country { code } city { id } } }`;
  const RECORD = `mutation ($input: ParticipationInput!) { recordParticipation(input: $input) { id organisation city { id } country { code } } }`;
  const UPDATE = `mutation ($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input, expectedVersion: 1) { id version } }`;
  const REMOVE = `mutation ($id: ID!) { removeParticipation(id: $id) }`;
  const ownerOf = async (table: 'events' | 'participations', id: string): Promise<string> =>
    (await db.query(`SELECT owner FROM forums.${table} WHERE id = $1`, [id]))[0].owner;

  test('an editor of DK may not create an event without a country (owned by the secretariat): FORBIDDEN, nothing written', async () => {
    const before = await state();
    const res = await hub.query(CREATE, { input: { title: unique('Secretariat event '), kind: 'SUMMIT', startsOn: '2024-09-20', venue: 'New York, US' } }, editor);
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
    expect(res.data).toBeNull();
    expect(res.errors?.[0].message).toMatch(/SECRETARIAT/);
    expect(await state()).toEqual(before);
  });

  test('an admin creates an event without a country; the secretariat owns it', async () => {
    const auditBefore = await lastAuditId(db, SCHEMA);
    const res = await hub.query(CREATE, { input: { title: unique('Secretariat event '), kind: 'SUMMIT', startsOn: '2024-09-20' } }, tokens.admin);
    expect(res.errors).toBeUndefined();
    const { id, country } = res.data?.createEvent;
    expect(country).toBeNull();
    expect(await ownerOf('events', id)).toBe('SECRETARIAT');
    const audit = await auditSince(db, auditBefore, SCHEMA);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_role: 'admin', actor_country: null, entity_type: 'Event', entity_id: id, operation: 'CREATE' });
  });

  test('an event given only a city is hosted and owned by the city\'s country: an editor of DK creates one in dk-aarhus, an editor of NO may not', async () => {
    const input = () => ({ input: { title: unique('Event in Aarhus '), kind: 'STUDY_VISIT', startsOn: '2024-05-06', city: 'dk-aarhus' } });
    const before = await state();
    const refused = await hub.query(CREATE, input(), tokens['editor of NO']);
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    expect(refused.errors?.[0].message).toMatch(/in DK/);
    expect(await state()).toEqual(before);

    const created = await hub.query(CREATE, input(), editor);
    expect(created.errors).toBeUndefined();
    expect(created.data?.createEvent).toMatchObject({ country: { code: 'DK' }, city: { id: 'dk-aarhus' } });
    expect(await ownerOf('events', created.data?.createEvent.id)).toBe('DK');
  });

  test('an editor of DK records Copenhagen at a secretariat event; DK owns that participation', async () => {
    const auditBefore = await lastAuditId(db, SCHEMA);
    const res = await hub.query(RECORD, { input: { event: SECRETARIAT_EVENT, city: 'dk-copenhagen', role: 'DELEGATE' } }, editor);
    expect(res.errors).toBeUndefined();
    const { id, city, country } = res.data?.recordParticipation;
    expect({ city, country }).toEqual({ city: { id: 'dk-copenhagen' }, country: { code: 'DK' } });
    expect(await ownerOf('participations', id)).toBe('DK');
    const audit = await auditSince(db, auditBefore, SCHEMA);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_role: 'editor', actor_country: 'DK', entity_type: 'Participation', entity_id: id, operation: 'CREATE' });
  });

  test('an editor of DK may not record an organisation on its own at a secretariat event (the event\'s owner owns it): FORBIDDEN, nothing written', async () => {
    const before = await state();
    const res = await hub.query(RECORD, { input: { event: SECRETARIAT_EVENT, organisation: 'Danish Red Cross', role: 'OBSERVER' } }, editor);
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
    expect(res.data).toBeNull();
    expect(res.errors?.[0].message).toMatch(/SECRETARIAT/);
    expect(await state()).toEqual(before);
  });

  test('an editor of DK records an organisation at a Danish event; DK owns it', async () => {
    const res = await hub.query(RECORD, { input: { event: await freshEvent('DK'), organisation: 'Danish Red Cross', role: 'ORGANISER' } }, editor);
    expect(res.errors).toBeUndefined();
    expect(res.data?.recordParticipation).toMatchObject({ organisation: 'Danish Red Cross', city: null, country: null });
    expect(await ownerOf('participations', res.data?.recordParticipation.id)).toBe('DK');
  });

  test('an editor of NO records Oslo at a Danish event; NO owns it, so an editor of DK may not remove it (FORBIDDEN, nothing written) and an editor of NO may', async () => {
    const recorded = await hub.query(RECORD, { input: { event: await freshEvent('DK'), city: 'no-oslo', role: 'SPEAKER' } }, tokens['editor of NO']);
    expect(recorded.errors).toBeUndefined();
    const { id } = recorded.data?.recordParticipation;
    expect(await ownerOf('participations', id)).toBe('NO');

    const before = await state();
    const refused = await hub.query(REMOVE, { id }, editor);
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0].message).toMatch(/no-oslo.*owned by NO/);
    expect(await state()).toEqual(before);

    const removed = await hub.query(REMOVE, { id }, tokens['editor of NO']);
    expect(removed.errors).toBeUndefined();
    expect(removed.data?.removeParticipation).toBe(true);
  });

  test.each([
    { name: 'an editor of NO may not move a Norwegian event to DK', caller: 'editor of NO' as const, country: 'NO' as const, input: { country: 'DK' }, says: /in DK/ },
    { name: 'an editor of NO may not move a Norwegian event to a Danish city', caller: 'editor of NO' as const, country: 'NO' as const, input: { city: 'dk-aarhus' }, says: /in DK/ },
    { name: 'an editor of DK may not hand a Danish event to the secretariat', caller: 'editor of DK' as const, country: 'DK' as const, input: { country: null }, says: /SECRETARIAT/ },
  ])('$name: FORBIDDEN, nothing written', async ({ caller, country, input, says }) => {
    const id = await freshEvent(country);
    const before = await state();
    const res = await hub.query(UPDATE, { id, input }, tokens[caller]);
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
    expect(res.data).toBeNull();
    expect(res.errors?.[0].message).toMatch(says);
    expect(await state()).toEqual(before);
  });

  test('an admin moves a Norwegian event to DK; DK owns it from then on', async () => {
    const id = await freshEvent('NO');
    const res = await hub.query(UPDATE, { id, input: { country: 'DK' } }, tokens.admin);
    expect(res.errors).toBeUndefined();
    expect(res.data?.updateEvent).toEqual({ id, version: 2 });
    expect(await ownerOf('events', id)).toBe('DK');
  });

  test('an organisation\'s participation moves with its event: once an admin moves a Danish event to NO, an editor of NO removes it and an editor of DK may not', async () => {
    const event = await freshEvent('DK');
    const [{ id }] = await db.query(
      `INSERT INTO forums.participations (event_id, organisation, role, owner) VALUES ($1, 'Danish Red Cross', 'SPEAKER', 'DK') RETURNING id`,
      [event],
    );
    const auditBefore = await lastAuditId(db, SCHEMA);
    const moved = await hub.query(UPDATE, { id: event, input: { country: 'NO' } }, tokens.admin);
    expect(moved.errors).toBeUndefined();
    expect(await ownerOf('participations', id)).toBe('NO');
    const audit = await auditSince(db, auditBefore, SCHEMA);
    expect(audit.map((a) => [a.entity_type, a.entity_id, a.operation])).toEqual([
      ['Event', event, 'UPDATE'],
      ['Participation', id, 'UPDATE'],
    ]);
    expect(audit[1]).toMatchObject({ before: { owner: 'DK' }, after: { owner: 'NO' } });

    const REMOVE = `mutation ($id: ID!) { removeParticipation(id: $id) }`;
    const before = await state();
    const refused = await hub.query(REMOVE, { id }, editor);
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    expect(await state()).toEqual(before);
    const removed = await hub.query(REMOVE, { id }, tokens['editor of NO']);
    expect(removed.errors).toBeUndefined();
    expect(removed.data?.removeParticipation).toBe(true);
  });

  test('two aliased updates in one request, the second of a Norwegian event: the second is FORBIDDEN; mutations run in order, so the first, allowed, is written', async () => {
    const mine = await freshEvent('DK');
    const theirs = await freshEvent('NO');
    const auditBefore = await lastAuditId(db, SCHEMA);
    const res = await hub.query(
      `mutation ($mine: ID!, $theirs: ID!) {
        mine: updateEvent(id: $mine, input: { venue: "Aarhus City Hall" }, expectedVersion: 1) { id version }
        theirs: updateEvent(id: $theirs, input: { venue: "Oslo City Hall" }, expectedVersion: 1) { id version }
      }`,
      { mine, theirs },
      editor,
    );
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
    expect(res.errors?.[0].path).toEqual(['theirs']);
    // Both fields are non-null (`Event!`), so the refused one nulls the whole `data`: the client is
    // not shown the first result although it was committed before the second field ran.
    expect(res.data).toBeNull();
    const rows: { id: string; venue: string | null; version: number }[] = await db.query(`SELECT id, venue, version FROM forums.events WHERE id = ANY($1) ORDER BY id`, [[mine, theirs]]);
    expect(rows).toEqual([
      { id: mine, venue: 'Aarhus City Hall', version: 2 },
      { id: theirs, venue: null, version: 1 },
    ]);
    const audit = await auditSince(db, auditBefore, SCHEMA);
    expect(audit.map((a) => [a.entity_id, a.operation])).toEqual([[mine, 'UPDATE']]);
  });
});

describe('bad input', () => {
  const CREATE = `mutation ($input: CreateEventInput!) { createEvent(input: $input) { id } }`;
  const UPDATE = `mutation ($id: ID!, $input: UpdateEventInput!, $v: Int!) { updateEvent(id: $id, input: $input, expectedVersion: $v) { id } }`;
  const RECORD = `mutation ($input: ParticipationInput!) { recordParticipation(input: $input) { id } }`;
  const REMOVE = `mutation ($id: ID!) { removeParticipation(id: $id) }`;
  /** A valid createEvent input, hosted by DK; each case spoils one thing. */
  const valid = (extra: Record<string, unknown> = {}) => ({ input: { title: 'Bad input probe', kind: 'CONFERENCE', startsOn: '2024-03-01', country: 'DK', ...extra } });
  /** A participation at a Danish event; each case spoils one thing. */
  const participation = (extra: Record<string, unknown>) => ({ input: { event: WITH_PARTICIPANTS_DK, role: 'SPEAKER', ...extra } });

  const CASES: BadInputCase[] = [
    // createEvent
    { name: 'createEvent ending before it starts', query: CREATE, variables: () => valid({ startsOn: '2024-03-05', endsOn: '2024-03-04' }), code: 'BAD_USER_INPUT', says: /input\.endsOn.*before startsOn/ },
    { name: 'createEvent whose latest end (endsBy) is before it starts', query: CREATE, variables: () => valid({ startsOn: '2024-03-05', endsBy: '2024-02-29' }), code: 'BAD_USER_INPUT', says: /input\.endsBy.*before startsOn/ },
    {
      name: 'createEvent with both an exact end and a latest end',
      query: CREATE,
      variables: () => valid({ startsOn: '2024-03-05', endsOn: '2024-03-06', endsBy: '2024-12-31' }),
      code: 'BAD_USER_INPUT',
      says: /endsBy.*not both/,
    },
    {
      name: 'createEvent known to the week, starting on a Wednesday',
      query: CREATE,
      variables: () => valid({ startsOn: '2024-03-06', datePrecision: 'WEEK' }),
      code: 'BAD_USER_INPUT',
      says: /input\.startsOn.*WEEK.*Monday.*2024-03-06/,
    },
    { name: 'createEvent known to the month, starting on the 20th', query: CREATE, variables: () => valid({ startsOn: '2024-03-20', datePrecision: 'MONTH' }), code: 'BAD_USER_INPUT', says: /input\.startsOn.*first day of the month/ },
    { name: 'createEvent known to the year, starting in March', query: CREATE, variables: () => valid({ startsOn: '2024-03-01', datePrecision: 'YEAR' }), code: 'BAD_USER_INPUT', says: /input\.startsOn.*1 January/ },
    { name: 'createEvent whose latest end is not the last day of a month', query: CREATE, variables: () => valid({ startsOn: '2024-03-01', endsBy: '2024-12-30' }), code: 'BAD_USER_INPUT', says: /input\.endsBy.*last day of the month/ },
    { name: 'createEvent of an unknown forum', query: CREATE, variables: () => valid({ forum: 'no-such-forum' }), code: 'BAD_USER_INPUT', says: /input\.forum.*"no-such-forum"/ },
    { name: 'createEvent in an unknown city', query: CREATE, variables: () => valid({ country: undefined, city: 'dk-nowhere' }), code: 'BAD_USER_INPUT', says: /input\.city.*"dk-nowhere"/ },
    { name: 'createEvent in a country the hub does not have', query: CREATE, variables: () => valid({ country: 'ZZ' }), code: 'BAD_USER_INPUT', says: /input\.country.*"ZZ"/ },
    { name: 'createEvent with a malformed country code', query: CREATE, variables: () => valid({ country: 'Denmark' }), code: 'BAD_USER_INPUT', says: /input\.country.*country code/ },
    { name: 'createEvent with a city and a country that disagree', query: CREATE, variables: () => valid({ city: 'dk-aarhus', country: 'SE' }), code: 'BAD_USER_INPUT', says: /input\.country: must be DK.*dk-aarhus/ },
    {
      name: 'createEvent with an unknown outcome resource',
      query: CREATE,
      variables: () => valid({ outcomes: ['nsc-guide-2017', 'no-such-resource'] }),
      code: 'BAD_USER_INPUT',
      says: /input\.outcomes: no resource with id "no-such-resource"$/,
    },
    { name: 'createEvent of an unknown working group', query: CREATE, variables: () => valid({ forum: 'ran', workingGroup: 'ran-nothing' }), code: 'BAD_USER_INPUT', says: /input\.workingGroup.*"ran-nothing"/ },
    {
      name: 'createEvent with a working group of another forum than the event\'s',
      query: CREATE,
      variables: () => valid({ forum: 'nordic-safe-cities', workingGroup: 'ran-pol' }),
      code: 'BAD_USER_INPUT',
      says: /input\.workingGroup.*"ran-pol" is a working group of ran/,
    },
    { name: 'createEvent with a blank title', query: CREATE, variables: () => valid({ title: '   ' }), code: 'BAD_USER_INPUT', says: /input\.title/ },
    { name: 'createEvent with a title of 301 characters', query: CREATE, variables: () => valid({ title: 'a'.repeat(301) }), code: 'BAD_USER_INPUT', says: /input\.title.*at most 300/ },
    { name: 'createEvent starting in 1800', query: CREATE, variables: () => valid({ startsOn: '1800-06-01' }), code: 'BAD_USER_INPUT', says: /input\.startsOn.*1900/ },
    { name: 'createEvent with the id of an existing Danish event', query: CREATE, variables: () => valid({ id: SEEDED_DK }), code: 'CONFLICT', says: new RegExp(`"${SEEDED_DK}" exists already`) },
    {
      name: 'createEvent without an id and with a title that has no letters a–z to make one of',
      query: CREATE,
      variables: () => valid({ title: 'Форум безопасности' }),
      code: 'BAD_USER_INPUT',
      says: /input\.id.*title.*give an id/,
    },
    { name: 'createEvent with a kind outside the enum', query: CREATE, variables: () => valid({ kind: 'PICNIC' }), code: 'BAD_USER_INPUT', says: /PICNIC/ },
    // updateEvent
    { name: 'updateEvent of an unknown event', query: UPDATE, variables: () => ({ id: 'no-such-event', input: { venue: 'x' }, v: 1 }), code: 'NOT_FOUND', says: /"no-such-event"/ },
    { name: 'updateEvent with a stale version', query: UPDATE, variables: () => ({ id: SEEDED_DK, input: { venue: 'x' }, v: 7 }), code: 'CONFLICT', says: /version 1, not 7/ },
    { name: 'updateEvent with nothing to change', query: UPDATE, variables: () => ({ id: SEEDED_DK, input: {}, v: 1 }), code: 'BAD_USER_INPUT', says: /at least one field/ },
    {
      name: 'updateEvent ending before the stored startsOn',
      query: UPDATE,
      variables: () => ({ id: SEEDED_DK, input: { endsOn: '2022-10-01' }, v: 1 }),
      code: 'BAD_USER_INPUT',
      says: /input\.endsOn.*before startsOn \(2022-10-24\)/,
    },
    {
      name: 'updateEvent to a month precision the stored start day does not fit',
      query: UPDATE,
      variables: () => ({ id: SEEDED_DK, input: { datePrecision: 'MONTH' }, v: 1 }),
      code: 'BAD_USER_INPUT',
      says: /input\.datePrecision.*2022-10-24/,
    },
    {
      name: 'updateEvent starting after the stored endsOn',
      query: UPDATE,
      variables: () => ({ id: SEEDED_DK, input: { startsOn: '2022-10-26' }, v: 1 }),
      code: 'BAD_USER_INPUT',
      says: /input\.startsOn.*after the event's endsOn \(2022-10-25\)/,
    },
    {
      name: 'updateEvent clearing the forum of an event that keeps its working group',
      query: UPDATE,
      variables: () => ({ id: WORKING_GROUP_DK, input: { forum: null }, v: 1 }),
      code: 'BAD_USER_INPUT',
      says: /input\.forum.*"ran-pol" belongs to ran/,
    },
    {
      name: 'updateEvent to a country contradicting the stored city',
      query: UPDATE,
      variables: () => ({ id: SEEDED_DK, input: { country: 'SE' }, v: 1 }),
      code: 'BAD_USER_INPUT',
      says: /input\.country.*"dk-copenhagen" is in DK/,
    },
    // recordParticipation
    { name: 'recordParticipation naming no participant', query: RECORD, variables: () => participation({}), code: 'BAD_USER_INPUT', says: /a city, a country or an organisation/ },
    { name: 'recordParticipation at an unknown event', query: RECORD, variables: () => participation({ event: 'no-such-event', city: 'dk-aarhus' }), code: 'BAD_USER_INPUT', says: /input\.event.*"no-such-event"/ },
    { name: 'recordParticipation of an unknown city', query: RECORD, variables: () => participation({ city: 'dk-nowhere' }), code: 'BAD_USER_INPUT', says: /input\.city.*"dk-nowhere"/ },
    { name: 'recordParticipation of a country the hub does not have', query: RECORD, variables: () => participation({ country: 'ZZ' }), code: 'BAD_USER_INPUT', says: /input\.country.*"ZZ"/ },
    { name: 'recordParticipation of a city with another country', query: RECORD, variables: () => participation({ city: 'dk-aarhus', country: 'SE' }), code: 'BAD_USER_INPUT', says: /input\.country: must be DK/ },
    {
      name: 'recordParticipation of a city already recorded at the event (in another role)',
      query: RECORD,
      variables: () => participation({ city: 'dk-copenhagen', role: 'ORGANISER' }),
      code: 'BAD_USER_INPUT',
      says: /"dk-copenhagen" is already recorded/,
    },
    {
      name: 'recordParticipation of an organisation already recorded at the event (other letter case)',
      query: RECORD,
      variables: () => participation({ organisation: 'AARHUS UNIVERSITY' }),
      code: 'BAD_USER_INPUT',
      says: /"AARHUS UNIVERSITY" is already recorded/,
    },
    { name: 'recordParticipation naming an unknown forum for the organisation', query: RECORD, variables: () => participation({ organisation: 'Some forum', forum: 'no-such-forum' }), code: 'BAD_USER_INPUT', says: /input\.forum.*"no-such-forum"/ },
    { name: 'recordParticipation naming a forum but no organisation', query: RECORD, variables: () => participation({ city: 'dk-aarhus', forum: 'ran' }), code: 'BAD_USER_INPUT', says: /input\.forum.*organisation/ },
    // removeParticipation
    { name: 'removeParticipation of an id that is not a uuid', query: REMOVE, variables: () => ({ id: 'not-a-uuid' }), code: 'NOT_FOUND', says: /"not-a-uuid"/ },
    { name: 'removeParticipation of an unknown uuid', query: REMOVE, variables: () => ({ id: '00000000-0000-4000-8000-000000000000' }), code: 'NOT_FOUND', says: /"00000000-0000-4000-8000-000000000000"/ },
  ];

  /** Forums is where these would write; membership and knowledge are only asked, and must not change either. */
  const everyState = async () => ({
    forums: await state(),
    membership: await schemaState(hub.subgraphs.membership.dataSource, 'membership'),
    knowledge: await schemaState(hub.subgraphs.knowledge.dataSource, 'knowledge'),
  });

  test.each(CASES)('$name → $code, nothing written', (badInput) => expectRefusedWritingNothing(hub, everyState, badInput, editor));

  test('two countries\' organisations of the same name at one event are two participations, each owned by its country', async () => {
    const event = 'scn-5th-global-summit-2024';
    const RECORD_POLICE = `mutation ($input: ParticipationInput!) { recordParticipation(input: $input) { id country { code } organisation } }`;
    const dk = await hub.query(RECORD_POLICE, { input: { event, country: 'DK', organisation: 'National Police', role: 'DELEGATE' } }, editor);
    const no = await hub.query(RECORD_POLICE, { input: { event, country: 'NO', organisation: 'National Police', role: 'DELEGATE' } }, tokens['editor of NO']);
    expect(dk.errors).toBeUndefined();
    expect(no.errors).toBeUndefined();
    expect([dk.data?.recordParticipation.country.code, no.data?.recordParticipation.country.code]).toEqual(['DK', 'NO']);
    const again = await hub.query(RECORD_POLICE, { input: { event, country: 'NO', organisation: 'national police', role: 'OBSERVER' } }, tokens['editor of NO']);
    expect(errorCodes(again)).toEqual(['BAD_USER_INPUT']);
  });

  test('recording the same city at the same event twice: the first is written, the second is BAD_USER_INPUT and writes nothing', async () => {
    const variables = { input: { event: await freshEvent('DK'), city: 'dk-aarhus', role: 'HOST' } };
    const first = await hub.query(RECORD, variables, editor);
    expect(first.errors).toBeUndefined();
    await expectRefusedWritingNothing(
      hub,
      state,
      { name: 'the second time', query: RECORD, variables: () => variables, code: 'BAD_USER_INPUT', says: /"dk-aarhus" is already recorded/ },
      editor,
    );
  });
});

describe('an event from creation to update, with a participation recorded and removed', () => {
  const READ = `query ($id: ID!) {
    event(id: $id) {
      title kind startsOn endsOn venue version
      city { name } country { name } forum { name } outcomes { title }
      participants { id role city { name } }
    }
  }`;
  const COPENHAGEN = `{
    city(id: "dk-copenhagen") {
      participations { id role event { title } }
      events(first: 100) { edges { node { id } } }
    }
  }`;

  test('create, read through the gateway, record a participation, see it on the city, update, remove; the audit log has each step', async () => {
    const auditStart = await lastAuditId(db, SCHEMA);
    const [{ title: guideTitle }] = await hub.subgraphs.knowledge.dataSource.query(`SELECT title FROM knowledge.resources WHERE id = 'nsc-guide-2017'`);

    const created = await hub.query(
      `mutation ($input: CreateEventInput!) { createEvent(input: $input) { id title version } }`,
      {
        input: {
          title: 'Aarhus prevention forum',
          kind: 'CONFERENCE',
          startsOn: '2026-03-10',
          endsOn: '2026-03-11',
          venue: 'Aarhus City Hall',
          city: 'dk-aarhus',
          forum: 'nordic-safe-cities',
          outcomes: ['nsc-guide-2017'],
        },
      },
      editor,
    );
    expect(created.errors).toBeUndefined();
    expect(created.data?.createEvent).toEqual({ id: 'aarhus-prevention-forum-2026', title: 'Aarhus prevention forum', version: 1 });
    const id: string = created.data?.createEvent.id;

    const read = await hub.query(READ, { id });
    expect(read.errors).toBeUndefined();
    expect(read.data?.event).toEqual({
      title: 'Aarhus prevention forum',
      kind: 'CONFERENCE',
      startsOn: '2026-03-10',
      endsOn: '2026-03-11',
      venue: 'Aarhus City Hall',
      version: 1,
      // City and country resolved by membership, outcomes by knowledge, from the keys forums holds.
      city: { name: 'Aarhus' },
      country: { name: 'Denmark' },
      forum: { name: 'Nordic Safe Cities' },
      outcomes: [{ title: guideTitle }],
      participants: [],
    });

    const recorded = await hub.query(
      `mutation ($event: ID!) { recordParticipation(input: { event: $event, city: "dk-copenhagen", role: SPEAKER, note: "speaker: a prevention coordinator" }) { id role note city { name } country { code } event { id } } }`,
      { event: id },
      editor,
    );
    expect(recorded.errors).toBeUndefined();
    const participationId: string = recorded.data?.recordParticipation.id;
    expect(recorded.data?.recordParticipation).toEqual({
      id: participationId,
      role: 'SPEAKER',
      note: 'speaker: a prevention coordinator',
      city: { name: 'Copenhagen' },
      country: { code: 'DK' },
      event: { id },
    });

    const onTheCity = await hub.query(COPENHAGEN);
    expect(onTheCity.errors).toBeUndefined();
    expect(onTheCity.data?.city.participations).toContainEqual({ id: participationId, role: 'SPEAKER', event: { title: 'Aarhus prevention forum' } });
    expect(onTheCity.data?.city.events.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(id);
    const readAgain = await hub.query(READ, { id });
    expect(readAgain.data?.event.participants).toEqual([{ id: participationId, role: 'SPEAKER', city: { name: 'Copenhagen' } }]);

    const updated = await hub.query(
      `mutation ($id: ID!) { updateEvent(id: $id, input: { title: "Aarhus prevention forum (two days)", venue: null }, expectedVersion: 1) { id title venue version city { name } } }`,
      { id },
      editor,
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data?.updateEvent).toEqual({ id, title: 'Aarhus prevention forum (two days)', venue: null, version: 2, city: { name: 'Aarhus' } });

    const removed = await hub.query(`mutation ($id: ID!) { removeParticipation(id: $id) }`, { id: participationId }, editor);
    expect(removed.errors).toBeUndefined();
    expect(removed.data?.removeParticipation).toBe(true);
    const afterRemoval = await hub.query(COPENHAGEN);
    expect(afterRemoval.errors).toBeUndefined();
    expect(afterRemoval.data?.city.participations.map((p: { id: string }) => p.id)).not.toContain(participationId);
    expect(afterRemoval.data?.city.events.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(id);

    const audit = (await auditSince(db, auditStart, SCHEMA)).filter((a) => a.entity_id === id || a.entity_id === participationId);
    expect(audit.map((a) => [a.entity_type, a.operation])).toEqual([
      ['Event', 'CREATE'],
      ['Participation', 'CREATE'],
      ['Event', 'UPDATE'],
      ['Participation', 'DELETE'],
    ]);
    for (const row of audit) expect(row).toMatchObject({ actor_role: 'editor', actor_country: 'DK' });
    const [createEvent, createParticipation, update, remove] = audit;
    expect(createEvent.before).toBeNull();
    expect(createEvent.after).toMatchObject({ id, title: 'Aarhus prevention forum', cityId: 'dk-aarhus', countryCode: 'DK', owner: 'DK', forumId: 'nordic-safe-cities', outcomeIds: ['nsc-guide-2017'], version: 1 });
    expect(createParticipation.before).toBeNull();
    expect(createParticipation.after).toMatchObject({ id: participationId, eventId: id, cityId: 'dk-copenhagen', countryCode: 'DK', role: 'SPEAKER', owner: 'DK' });
    expect(update.before).toMatchObject({ title: 'Aarhus prevention forum', venue: 'Aarhus City Hall', version: 1 });
    expect(update.after).toMatchObject({ title: 'Aarhus prevention forum (two days)', venue: null, version: 2 });
    expect(remove.before).toMatchObject({ id: participationId, cityId: 'dk-copenhagen', role: 'SPEAKER' });
    expect(remove.after).toBeNull();
  });
});

describe('writes at the same time', () => {
  test('two concurrent updates with the same expectedVersion: exactly one succeeds, the other is a CONFLICT', async () => {
    const id = await freshEvent('DK');
    const auditBefore = await lastAuditId(db, SCHEMA);
    const update = (venue: string) =>
      hub.query(`mutation ($id: ID!, $venue: String) { updateEvent(id: $id, input: { venue: $venue }, expectedVersion: 1) { venue version } }`, { id, venue }, editor);
    const winner = await expectOneWinnerOneConflict(update);
    expect(winner.data?.updateEvent.version).toBe(2);
    const [{ venue, version }] = await db.query(`SELECT venue, version FROM forums.events WHERE id = $1`, [id]);
    expect({ venue, version }).toEqual({ venue: winner.data?.updateEvent.venue, version: 2 });
    const audit = await auditSince(db, auditBefore, SCHEMA);
    expect(audit.filter((a) => a.entity_id === id)).toHaveLength(1);
  });

  test('the same city recorded at the same event by two requests at once: one is written, the other is BAD_USER_INPUT', async () => {
    const event = await freshEvent('DK');
    const record = () => hub.query(`mutation ($event: ID!) { recordParticipation(input: { event: $event, city: "dk-aarhus", role: HOST }) { id } }`, { event }, editor);
    const results = await Promise.all([record(), record()]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => errorCodes(r).join() === 'BAD_USER_INPUT')).toHaveLength(1);
    const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM forums.participations WHERE event_id = $1`, [event]);
    expect(count).toBe(1);
  });
});

describe('when the membership subgraph is down', () => {
  // A hub of its own, so stopping membership leaves the hub of the other tests whole.
  let down: RunningHub;
  let membershipPort: string;
  let downTokens: Record<CallerName, string | undefined>;
  const downState = () => schemaState(down.subgraphs.forums.dataSource, SCHEMA);

  beforeAll(async () => {
    down = await startHub();
    downTokens = await callerTokens();
    membershipPort = new URL(down.subgraphs.membership.url).port;
    await down.subgraphs.membership.stop();
  });
  afterAll(() => down?.stop());

  test.each([
    {
      name: 'recordParticipation of a city',
      query: `mutation { recordParticipation(input: { event: "${SEEDED_DK}", city: "dk-aarhus", role: DELEGATE }) { id } }`,
    },
    {
      name: 'createEvent in a city',
      query: `mutation { createEvent(input: { title: "Event while membership is down", kind: CONFERENCE, startsOn: "2024-11-04", city: "dk-aarhus" }) { id } }`,
    },
  ])('$name is SUBGRAPH_UNAVAILABLE naming membership, never its host or port; nothing written', async ({ query }) => {
    const before = await downState();
    const res = await down.query(query, {}, downTokens['editor of DK']);
    expect(errorCodes(res)).toEqual(['SUBGRAPH_UNAVAILABLE']);
    expect(res.data ?? null).toBeNull();
    const message = res.errors?.[0].message ?? '';
    expect(message).toMatch(/membership/);
    expect(message).not.toMatch(/\d/);
    const body = JSON.stringify(res);
    expect(body).not.toContain(membershipPort);
    expect(body).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|localhost/);
    expect(await downState()).toEqual(before);
  });

  test('an organisation\'s participation, which references nothing of membership, is still written', async () => {
    const res = await down.query(
      `mutation { recordParticipation(input: { event: "${SEEDED_DK}", organisation: "Aarhus University", role: OBSERVER }) { id organisation } }`,
      {},
      downTokens['editor of DK'],
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.recordParticipation).toMatchObject({ id: expect.any(String), organisation: 'Aarhus University' });
  });
});
