// Bad input to any Danish write is BAD_USER_INPUT naming the field, or NOT_FOUND / CONFLICT for a
// record that is missing or has moved on, and nothing is written: no row, no source, no audit entry.
import { askSubgraph, errorCodes, schemaState, startSubgraph, tokenFor, type RunningSubgraph } from '@nsc-hub/shared/src/testing';
import { denmarkSubgraph } from '../src';

let subgraph: RunningSubgraph;
let editor: string;
const NEXT_YEAR = new Date().getUTCFullYear() + 1;
const SOURCE = 'source: { url: "https://example.org/ssp", title: "SSP" }';

beforeAll(async () => {
  subgraph = await startSubgraph(denmarkSubgraph);
  editor = await tokenFor('editor', 'DK');
  const recorded = await askSubgraph(subgraph, `mutation { recordLocalStructure(input: { municipality: "0751", type: "ssp", name: "SSP Aarhus", ${SOURCE} }) { id } }`, {}, editor);
  expect(recorded.errors).toBeUndefined();
});
afterAll(() => subgraph?.stop());

const record = (fields: string) => `recordLocalStructure(input: { ${fields} }) { id }`;
const district = (input: string, version = 1) => `updatePoliceDistrict(id: "fyns-politi", input: { ${input} }, expectedVersion: ${version}) { id }`;

const BAD: { what: string; field: string; code: string; input?: string }[] = [
  { what: 'a web address that is not a URL', field: district('url: "politi dk"'), code: 'BAD_USER_INPUT', input: 'input.url' },
  { what: 'a web address that is not http(s)', field: district('url: "javascript:alert(1)"'), code: 'BAD_USER_INPUT', input: 'input.url' },
  { what: 'a contact address that is not an e-mail address', field: district('contactEmail: "kredsraad at politi"'), code: 'BAD_USER_INPUT', input: 'input.contactEmail' },
  { what: 'an update naming no field', field: district(''), code: 'BAD_USER_INPUT', input: 'input' },
  { what: 'an update of a stale version', field: district('description: "Sent late"', 99), code: 'CONFLICT' },
  { what: 'an update of no district', field: 'updatePoliceDistrict(id: "no-such-politi", input: { description: "Ghost" }, expectedVersion: 1) { id }', code: 'NOT_FOUND' },
  { what: 'an update of a structure type, which the sources describe', field: 'updatePreventionStructure(id: "infohus", input: { description: "Rewritten" }, expectedVersion: 1) { id }', code: 'BAD_USER_INPUT', input: 'id' },
  { what: 'a structure for a year in the future', field: record(`municipality: "0101", type: "ssp", name: "SSP København", establishedYear: ${NEXT_YEAR}, ${SOURCE}`), code: 'BAD_USER_INPUT', input: 'input.establishedYear' },
  { what: 'a structure for an unknown municipality code', field: record(`municipality: "0999", type: "ssp", name: "SSP Nowhere", ${SOURCE}`), code: 'BAD_USER_INPUT', input: 'input.municipality' },
  { what: 'a structure for a municipality code of the wrong shape', field: record(`municipality: "Aarhus", type: "ssp", name: "SSP", ${SOURCE}`), code: 'BAD_USER_INPUT', input: 'input.municipality' },
  { what: 'a structure with no source', field: record('municipality: "0101", type: "ssp", name: "SSP København"'), code: 'BAD_USER_INPUT', input: 'input.source' },
  { what: 'a structure whose source is no URL', field: record('municipality: "0101", type: "ssp", name: "SSP København", source: { url: "see the minutes", title: "Minutes" }'), code: 'BAD_USER_INPUT', input: 'input.source.url' },
  { what: 'a structure whose source has no title', field: record('municipality: "0101", type: "ssp", name: "SSP København", source: { url: "https://example.org/x", title: " " }'), code: 'BAD_USER_INPUT', input: 'input.source.title' },
  { what: 'a kredsråd for a municipality (it is the district\'s)', field: record(`municipality: "0101", type: "kredsraad", name: "Kredsråd", ${SOURCE}`), code: 'BAD_USER_INPUT', input: 'input.type' },
  { what: 'a second SSP for Aarhus', field: record(`municipality: "0751", type: "ssp", name: "SSP Aarhus igen", ${SOURCE}`), code: 'CONFLICT' },
];

test.each(BAD)('$what: refused, nothing written', async ({ field, code, input }) => {
  const before = await schemaState(subgraph.dataSource, subgraph.dbSchema);
  const res = await askSubgraph(subgraph, `mutation { ${field} }`, {}, editor);
  expect(errorCodes(res)).toEqual([code]);
  if (input) expect(res.errors?.[0].extensions?.field).toBe(input);
  expect(await schemaState(subgraph.dataSource, subgraph.dbSchema)).toEqual(before);
});

test('a bad cursor, page size or filter fails the municipality list with BAD_USER_INPUT', async () => {
  for (const args of ['first: 101', 'after: "not-a-cursor"', 'filter: { policeDistrict: "Not An Id" }']) {
    const res = await askSubgraph(subgraph, `{ municipalities(${args}) { totalCount } }`);
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.data?.municipalities).toBeNull();
  }
});
