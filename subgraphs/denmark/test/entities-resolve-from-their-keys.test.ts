// The gateway reaches the denmark subgraph through `_entities`: its own records by key, and the
// fields it adds to membership's City and Country, resolved from their keys alone.
import { askSubgraph, startSubgraph, type RunningSubgraph } from '@nsc-hub/shared/src/testing';
import { denmarkSubgraph } from '../src';

let subgraph: RunningSubgraph;

beforeAll(async () => {
  subgraph = await startSubgraph(denmarkSubgraph);
});
afterAll(() => subgraph?.stop());

async function entities(representations: object[], selection: string): Promise<unknown[]> {
  const res = await askSubgraph(subgraph, `query ($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`, { r: representations });
  expect(res.errors).toBeUndefined();
  return res.data?._entities;
}

test('a police district, a municipality, a structure and a national body by key; null for an unknown key', async () => {
  const found = await entities(
    [
      { __typename: 'PoliceDistrict', id: 'oestjyllands-politi' },
      { __typename: 'Municipality', code: '0751' },
      { __typename: 'PreventionStructure', id: 'infohus-koebenhavn' },
      { __typename: 'NationalBody', id: 'dkr' },
      { __typename: 'PoliceDistrict', id: 'no-such-district' },
      { __typename: 'Municipality', code: '9999' },
    ],
    `... on PoliceDistrict { name dagiCode municipalityCount municipalities { name } }
     ... on Municipality { name region policeDistrict { id } city { id } }
     ... on PreventionStructure { name type { id } municipality { name } district: policeDistrict { id } }
     ... on NationalBody { name abbreviation established secretariatProvidedBy { id } }`,
  );
  expect(found[0]).toEqual({
    name: 'Østjyllands Politi',
    dagiCode: '1461',
    municipalityCount: 7,
    municipalities: expect.arrayContaining([{ name: 'Aarhus' }]),
  });
  expect((found[0] as { municipalities: unknown[] }).municipalities).toHaveLength(7);
  expect(found[1]).toEqual({ name: 'Aarhus', region: 'MIDTJYLLAND', policeDistrict: { id: 'oestjyllands-politi' }, city: { id: 'dk-aarhus' } });
  expect(found[2]).toEqual({ name: 'Infohus København', type: { id: 'infohus' }, municipality: { name: 'København' }, district: { id: 'koebenhavns-politi' } });
  expect(found[3]).toEqual({ name: 'Det Kriminalpræventive Råd', abbreviation: 'DKR', established: '1971-12-16', secretariatProvidedBy: { id: 'rigspolitiet' } });
  expect(found.slice(4)).toEqual([null, null]);
});

test("a City by its id alone: a Danish hub city's municipality and police district, nulls for any other", async () => {
  const found = await entities(
    [
      { __typename: 'City', id: 'dk-aarhus' },
      { __typename: 'City', id: 'dk-copenhagen' },
      { __typename: 'City', id: 'se-malmo' },
    ],
    '... on City { id municipality { code name } policeDistrict { id } }',
  );
  expect(found).toEqual([
    { id: 'dk-aarhus', municipality: { code: '0751', name: 'Aarhus' }, policeDistrict: { id: 'oestjyllands-politi' } },
    { id: 'dk-copenhagen', municipality: { code: '0101', name: 'København' }, policeDistrict: { id: 'koebenhavns-politi' } },
    { id: 'se-malmo', municipality: null, policeDistrict: null },
  ]);
});

test("a Country by its code alone: Denmark proper's 12 districts, Greenland's and the Faroe Islands' own, none for Sweden", async () => {
  const found = (await entities(
    ['DK', 'GL', 'FO', 'SE'].map((code) => ({ __typename: 'Country', code })),
    '... on Country { code policeDistricts { id inDenmarkProper } nationalBodies { id } }',
  )) as { code: string; policeDistricts: { id: string; inDenmarkProper: boolean }[]; nationalBodies: { id: string }[] }[];
  const [dk, gl, fo, se] = found;
  expect(dk.policeDistricts).toHaveLength(12);
  expect(dk.policeDistricts.every((d) => d.inDenmarkProper)).toBe(true);
  expect(dk.nationalBodies.map((b) => b.id)).toEqual(expect.arrayContaining(['rigspolitiet', 'dkr', 'ncfe', 'cdime']));
  expect(gl).toEqual({ code: 'GL', policeDistricts: [{ id: 'groenlands-politi', inDenmarkProper: false }], nationalBodies: [{ id: 'groenlands-kriminalpraeventive-raad' }] });
  expect(fo).toEqual({ code: 'FO', policeDistricts: [{ id: 'faeroeernes-politi', inDenmarkProper: false }], nationalBodies: [] });
  expect(se).toEqual({ code: 'SE', policeDistricts: [], nationalBodies: [] });
});

test("membership's cooperation models by id alone: the Danish structure types they are, none for others", async () => {
  const found = await entities(
    ['dk-ssp', 'dk-kredsraad-lokalraad', 'dk-psp', 'no-slt'].map((id) => ({ __typename: 'CooperationModel', id })),
    '... on CooperationModel { id danishStructures { id } }',
  );
  expect(found).toEqual([
    { id: 'dk-ssp', danishStructures: [{ id: 'ssp' }] },
    { id: 'dk-kredsraad-lokalraad', danishStructures: [{ id: 'kredsraad' }, { id: 'lokalraad' }] },
    { id: 'dk-psp', danishStructures: [] },
    { id: 'no-slt', danishStructures: [] },
  ]);
});
