// `municipalities` pages through all 98 in Danish alphabetical order (Æ, Ø and Å, written Aa,
// after Z), each exactly once, and filters by region, police district and part of the name.
import { askSubgraph, startSubgraph, type RunningSubgraph } from '@nsc-hub/shared/src/testing';
import { denmarkSubgraph } from '../src';

let subgraph: RunningSubgraph;

beforeAll(async () => {
  subgraph = await startSubgraph(denmarkSubgraph);
});
afterAll(() => subgraph?.stop());

async function names(args: string): Promise<{ names: string[]; totalCount: number }> {
  const res = await askSubgraph(subgraph, `{ municipalities(${args}) { totalCount edges { node { name } } } }`);
  expect(res.errors).toBeUndefined();
  return { names: res.data?.municipalities.edges.map((e: { node: { name: string } }) => e.node.name), totalCount: res.data?.municipalities.totalCount };
}

test('page after page: all 98 once, in the order a Danish reader expects', async () => {
  const seen: string[] = [];
  let after: string | null = null;
  do {
    const res = await askSubgraph(subgraph, `query ($after: String) { municipalities(first: 40, after: $after) { pageInfo { hasNextPage endCursor } edges { node { name } } } }`, { after });
    expect(res.errors).toBeUndefined();
    const page = res.data?.municipalities;
    seen.push(...page.edges.map((e: { node: { name: string } }) => e.node.name));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  expect(seen).toHaveLength(98);
  expect(new Set(seen).size).toBe(98);
  expect(seen).toEqual([...seen].sort(new Intl.Collator('da').compare));
  // Æ, Ø and Aa (Å) come after Z.
  const z = seen.findIndex((name) => name.startsWith('Ø') || name.startsWith('Æ') || name.startsWith('Aa'));
  expect(seen.slice(z)).toEqual(expect.arrayContaining(['Ærø', 'Aabenraa', 'Aalborg', 'Aarhus']));
  expect(seen.slice(0, z).every((name) => !/^(Æ|Ø|Å|Aa)/.test(name))).toBe(true);
});

test('filtered by region, by police district and by part of the name', async () => {
  expect((await names('first: 100, filter: { region: NORDJYLLAND }')).totalCount).toBe(11);
  const district = await names('filter: { policeDistrict: "oestjyllands-politi" }');
  expect(district.totalCount).toBe(7);
  expect(district.names).toContain('Aarhus');
  expect((await names('filter: { nameContains: "HAVN" }')).names).toEqual(expect.arrayContaining(['Frederikshavn', 'København']));
  expect((await names('filter: { region: HOVEDSTADEN, policeDistrict: "koebenhavns-politi" }')).totalCount).toBe(4);
});
