// Who may write the Danish records: editors for DK and admins. Anonymous callers, members and
// editors for another country are refused before anything is read, and nothing is written (no row,
// no audit entry). Anyone reads.
import { askSubgraph, errorCodes, schemaState, startSubgraph, tokenFor, type RunningSubgraph } from '@nsc-hub/shared/src/testing';
import { buildSeedRows, denmarkSubgraph } from '../src';

const MUNICIPALITIES = buildSeedRows().municipalities;

let subgraph: RunningSubgraph;
const state = () => schemaState(subgraph.dataSource, subgraph.dbSchema);
const versionOf = async (table: string, id: string): Promise<number> =>
  (await subgraph.dataSource.query(`SELECT version FROM denmark.${table} WHERE id = $1`, [id]))[0].version;

beforeAll(async () => {
  subgraph = await startSubgraph(denmarkSubgraph);
});
afterAll(() => subgraph?.stop());

const CALLERS = {
  anonymous: async () => undefined,
  'a member': () => tokenFor('member', 'DK'),
  'an editor for NO': () => tokenFor('editor', 'NO'),
  'an editor for DK': () => tokenFor('editor', 'DK'),
  'an admin': () => tokenFor('admin'),
} as const;
type CallerName = keyof typeof CALLERS;

const REFUSED: Partial<Record<CallerName, string>> = { anonymous: 'UNAUTHENTICATED', 'a member': 'FORBIDDEN', 'an editor for NO': 'FORBIDDEN' };

/** Each mutation, written so that it succeeds for a caller allowed to write (`n` keeps records apart). */
const MUTATIONS: Record<string, (n: number) => Promise<string>> = {
  updatePoliceDistrict: async (n) =>
    `mutation { updatePoliceDistrict(id: "oestjyllands-politi", input: { description: "Beskrivelse ${n}", url: "https://politi.dk/oestjyllands-politi", contactEmail: "kredsraad@example.org" }, expectedVersion: ${await versionOf('police_districts', 'oestjyllands-politi')}) { id } }`,
  updatePreventionStructure: async (n) =>
    `mutation { updatePreventionStructure(id: "infohus-koebenhavn", input: { description: "Beskrivelse ${n}" }, expectedVersion: ${await versionOf('prevention_structures', 'infohus-koebenhavn')}) { id } }`,
  // A different municipality each time, so every allowed call records a new structure.
  recordLocalStructure: async (n) =>
    `mutation { recordLocalStructure(input: { municipality: "${MUNICIPALITIES[n].code}", type: "ssp", name: "SSP ${n}", establishedYear: 2010, source: { url: "https://example.org/ssp-${n}", title: "SSP ${n}" } }) { id } }`,
};

let counter = 0;
const cases = Object.keys(MUTATIONS).flatMap((mutation) => (Object.keys(CALLERS) as CallerName[]).map((caller) => [mutation, caller] as const));

test.each(cases)('%s by %s', async (mutation, caller) => {
  counter += 1;
  const document = await MUTATIONS[mutation](counter);
  const before = await state();
  const res = await askSubgraph(subgraph, document, {}, await CALLERS[caller]());
  const refusal = REFUSED[caller];
  if (refusal) {
    expect(errorCodes(res)).toEqual([refusal]);
    expect(await state()).toEqual(before);
  } else {
    expect(res.errors).toBeUndefined();
    expect(res.data?.[mutation]?.id).toBeTruthy();
    expect(await state()).not.toEqual(before);
  }
});

test('anyone reads: districts, municipalities, structures and national bodies, anonymously', async () => {
  const res = await askSubgraph(subgraph, `{ policeDistricts { id } municipalities(first: 5) { totalCount } preventionStructures { id } nationalBodies { id } }`);
  expect(res.errors).toBeUndefined();
  expect(res.data?.policeDistricts).toHaveLength(14);
  expect(res.data?.municipalities.totalCount).toBe(98);
});

test('a write by an editor for DK is in the audit log with who made it and what changed', async () => {
  const editor = await tokenFor('editor', 'DK');
  const version = await versionOf('police_districts', 'fyns-politi');
  const res = await askSubgraph(subgraph, `mutation { updatePoliceDistrict(id: "fyns-politi", input: { url: "https://politi.dk/fyns-politi" }, expectedVersion: ${version}) { url version } }`, {}, editor);
  expect(res.data?.updatePoliceDistrict).toEqual({ url: 'https://politi.dk/fyns-politi', version: version + 1 });
  const rows = await subgraph.dataSource.query(`SELECT actor_role, actor_country, operation, before->>'url' AS before, after->>'url' AS after FROM denmark.audit_log WHERE entity_id = 'fyns-politi'`);
  expect(rows).toEqual([{ actor_role: 'editor', actor_country: 'DK', operation: 'UPDATE', before: null, after: 'https://politi.dk/fyns-politi' }]);
});
