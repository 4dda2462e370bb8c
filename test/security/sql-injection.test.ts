// SQL (and LIKE and full-text) syntax in every text a client can send the hub running in production:
// filters, ids, cursors and search. Each is only text: 200 with no match or a normal answer (or a
// plain BAD_USER_INPUT where the text cannot be what is asked for, such as a country code or a
// cursor), the SQL sent never contains it,
// and every table is intact afterwards.
import { PRODUCTION_MODE, errorCodes, graphqlRequest, tokenFor } from '@nsc-hub/shared/src/testing';
import { startHub, type RunningHub } from '../helpers/startHub';
import { hubState } from '../helpers/schemaState';

let hub: RunningHub;
let admin: string;
beforeAll(async () => {
  hub = await startHub({ mode: PRODUCTION_MODE });
  admin = await tokenFor('admin');
});
afterAll(() => hub?.stop());

const PAYLOADS = [
  "' OR '1'='1",
  "'; DROP TABLE membership.cities; --",
  "dk-copenhagen' --",
  "') OR 1=1 --",
  "x' UNION SELECT email FROM membership.contact_persons --",
  "Robert'); DELETE FROM knowledge.resources; --",
  "' || pg_sleep(3) || '",
  '" OR ""="',
  "1; TRUNCATE forums.events CASCADE",
  '%',
  '_',
  '\\',
  '$1',
  ':id',
  "safety & !(prevention | ' <-> ')",
];

/** Payloads distinctive enough that finding one in a statement's text means it was spliced in. */
const DISTINCTIVE = PAYLOADS.filter((p) => p.length > 3);

interface Site {
  query: string;
  /** The answer's value that must be empty (0, null or []) when the text is only text. */
  empty?: (data: Record<string, any>) => unknown;
  admin?: boolean;
}

const SITES: Record<string, Site> = {
  'cities(filter: { nameContains })': { query: 'query ($v: String) { cities(filter: { nameContains: $v }) { totalCount } }', empty: (d) => d.cities.totalCount },
  'cities(filter: { country })': { query: 'query ($v: ID) { cities(filter: { country: $v }) { totalCount } }', empty: (d) => d.cities.totalCount },
  'cities(filter: { network })': { query: 'query ($v: ID) { cities(filter: { network: $v }) { totalCount } }', empty: (d) => d.cities.totalCount },
  'cities(after)': { query: 'query ($v: String) { cities(after: $v) { totalCount } }' },
  'city(id)': { query: 'query ($v: ID!) { city(id: $v) { id } }', empty: (d) => d.city },
  'country(code)': { query: 'query ($v: ID!) { country(code: $v) { code } }', empty: (d) => d.country },
  'network(id)': { query: 'query ($v: ID!) { network(id: $v) { id } }', empty: (d) => d.network },
  'cooperationModels(country)': { query: 'query ($v: ID) { cooperationModels(country: $v) { id } }', empty: (d) => d.cooperationModels },
  'resources(filter: { language })': { query: 'query ($v: String) { resources(filter: { language: $v }) { totalCount } }', empty: (d) => d.resources.totalCount },
  'resources(filter: { topic })': { query: 'query ($v: ID) { resources(filter: { topic: $v }) { totalCount } }', empty: (d) => d.resources.totalCount },
  'resources(filter: { country })': { query: 'query ($v: ID) { resources(filter: { country: $v }) { totalCount } }', empty: (d) => d.resources.totalCount },
  'resources(filter: { city })': { query: 'query ($v: ID) { resources(filter: { city: $v }) { totalCount } }', empty: (d) => d.resources.totalCount },
  'resources(filter: { publisher })': { query: 'query ($v: ID) { resources(filter: { publisher: $v }) { totalCount } }', empty: (d) => d.resources.totalCount },
  'resources(after)': { query: 'query ($v: String) { resources(after: $v) { totalCount } }' },
  'resource(id)': { query: 'query ($v: ID!) { resource(id: $v) { id } }', empty: (d) => d.resource },
  'searchResources(query)': { query: 'query ($v: String!) { searchResources(query: $v) { totalCount edges { node { id } } } }' },
  'searchResources(language)': { query: 'query ($v: String) { searchResources(query: "safety", language: $v) { totalCount } }' },
  'searchResources(filter: { topic })': { query: 'query ($v: ID) { searchResources(query: "safety", filter: { topic: $v }) { totalCount } }', empty: (d) => d.searchResources.totalCount },
  'events(filter: { forum })': { query: 'query ($v: ID) { events(filter: { forum: $v }) { totalCount } }', empty: (d) => d.events.totalCount },
  'events(filter: { country })': { query: 'query ($v: ID) { events(filter: { country: $v }) { totalCount } }', empty: (d) => d.events.totalCount },
  'events(filter: { city })': { query: 'query ($v: ID) { events(filter: { city: $v }) { totalCount } }', empty: (d) => d.events.totalCount },
  'events(after)': { query: 'query ($v: String) { events(after: $v) { totalCount } }' },
  'event(id)': { query: 'query ($v: ID!) { event(id: $v) { id } }', empty: (d) => d.event },
  'forum(id)': { query: 'query ($v: ID!) { forum(id: $v) { id } }', empty: (d) => d.forum },
  'auditLog(filter: { entityType })': {
    query: 'query ($v: String) { auditLog { membership(filter: { entityType: $v }) { totalCount } knowledge(filter: { entityType: $v }) { totalCount } forums(filter: { entityType: $v }) { totalCount } } }',
    empty: (d) => d.auditLog.membership.totalCount + d.auditLog.knowledge.totalCount + d.auditLog.forums.totalCount,
    admin: true,
  },
  'auditLog(filter: { entityId })': {
    query: 'query ($v: ID) { auditLog { membership(filter: { entityId: $v }) { totalCount } } }',
    empty: (d) => d.auditLog.membership.totalCount,
    admin: true,
  },
  'auditLog(filter: { actor })': { query: 'query ($v: String) { auditLog { knowledge(filter: { actor: $v }) { totalCount } } }', empty: (d) => d.auditLog.knowledge.totalCount, admin: true },
  'auditLog(filter: { country })': { query: 'query ($v: String) { auditLog { forums(filter: { country: $v }) { totalCount } } }', empty: (d) => d.auditLog.forums.totalCount, admin: true },
};


test.each(Object.keys(SITES))('%s: every payload is only text', async (site) => {
  const { query, empty, admin: asAdmin } = SITES[site];
  const before = await hubState(hub);
  const recordings = Object.values(hub.subgraphs).map((s) => s.queries.record());
  try {
    for (const payload of PAYLOADS) {
      const res = await graphqlRequest(hub.url, query, { variables: { v: payload }, token: asAdmin ? admin : undefined });
      const codes = errorCodes(res);
      expect({ payload, status: res.status, unexpected: codes.filter((c) => c !== 'BAD_USER_INPUT') }).toEqual({ payload, status: 200, unexpected: [] });
      if (codes.length === 0 && empty) {
        const found = empty(res.data!);
        expect({ payload, found }).toEqual({ payload, found: found === null ? null : Array.isArray(found) ? [] : 0 });
      }
      // An error may quote the client's own text back; nothing else of SQL may show.
      const answer = JSON.stringify(res).split(JSON.stringify(payload).slice(1, -1)).join('');
      expect(answer).not.toMatch(/syntax error|SELECT|relation|QueryFailedError|INTERNAL/i);
    }
  } finally {
    for (const r of recordings) r.stop();
  }
  // Text refused as malformed never reaches SQL at all; text that does is only ever a parameter.
  const sql = recordings.flatMap((r) => r.sql);
  for (const payload of DISTINCTIVE) expect(sql.filter((statement) => statement.includes(payload))).toEqual([]);
  expect(await hubState(hub)).toEqual(before);
});

test('the same sites answer real values, so the empty answers above are about the payload', async () => {
  const recording = hub.subgraphs.membership.queries.record();
  const cities = await hub.query('{ a: cities(filter: { nameContains: "hagen" }) { totalCount } b: cities(filter: { country: "DK" }) { totalCount } }');
  recording.stop();
  expect(cities.data).toEqual({ a: { totalCount: 1 }, b: { totalCount: 2 } });
  // The recording sees the statements, and the text searched for travels as a parameter.
  expect(recording.sql.filter((statement) => statement.includes('ILIKE')).length).toBeGreaterThan(0);
  expect(recording.sql.filter((statement) => statement.includes('hagen'))).toEqual([]);
  const search = await hub.query('{ searchResources(query: "radicalisation") { totalCount } }');
  expect(search.data?.searchResources.totalCount).toBeGreaterThan(0);
});
