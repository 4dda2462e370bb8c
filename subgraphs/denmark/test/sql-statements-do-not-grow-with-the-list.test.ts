// A page of 98 municipalities with their police districts, the districts' municipalities, their
// cities and local structures costs the SQL statements a page of 10 does; so do 12 districts with
// everything they hold, against one.
import { askSubgraph, startSubgraph, type RunningSubgraph } from '@nsc-hub/shared/src/testing';
import { denmarkSubgraph } from '../src';

let subgraph: RunningSubgraph;

beforeAll(async () => {
  subgraph = await startSubgraph(denmarkSubgraph);
});
afterAll(() => subgraph?.stop());

async function statements(query: string): Promise<{ count: number; data: Record<string, any> }> {
  const before = subgraph.queries.statements;
  const res = await askSubgraph(subgraph, query);
  expect(res.errors).toBeUndefined();
  return { count: subgraph.queries.statements - before, data: res.data ?? {} };
}

test('municipalities(first: 98) with district, city and structures costs what municipalities(first: 10) does', async () => {
  const page = (first: number) =>
    `{ municipalities(first: ${first}) { totalCount edges { node { code name region city { id } localStructures { id } sources { id }
        policeDistrict { name infohus { structure { name } } municipalities { name } } } } } }`;
  const ten = await statements(page(10));
  const all = await statements(page(98));
  expect(ten.data.municipalities.edges).toHaveLength(10);
  expect(all.data.municipalities.edges).toHaveLength(98);
  for (const { node } of all.data.municipalities.edges) expect(node.policeDistrict.municipalities.length).toBeGreaterThan(0);
  expect(all.count).toBe(ten.count);
});

test('every district with all it holds costs what one district does', async () => {
  const selection = `name municipalities { name city { id } } kredsraad { note structure { name } sources { id } } lokalraad { note } infohus { structure { instances { name } } }
    localStructures { name type { name } } sources { url }`;
  const one = await statements(`{ policeDistrict(id: "koebenhavns-politi") { ${selection} } }`);
  const all = await statements(`{ policeDistricts { ${selection} } }`);
  expect(all.data.policeDistricts).toHaveLength(14);
  expect(one.data.policeDistrict.municipalities).toHaveLength(4);
  expect(all.count).toBe(one.count);
});
