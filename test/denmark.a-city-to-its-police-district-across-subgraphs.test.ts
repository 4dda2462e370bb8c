// One request through the gateway crosses from membership's city to the Danish team's records and
// back: Aarhus, its networks, its police district with the district's other municipalities (and
// their hub cities), its municipality's region, its infohus; and from Denmark's cooperation models
// (membership's) to the Danish structure types they are. A Danish editor's update of the
// district shows in the next request; a Norwegian editor's is refused and writes nothing.
import { errorCodes, tokenFor } from '@nsc-hub/shared/src/testing';
import { hubState } from './helpers/schemaState';
import { startHub, type RunningHub } from './helpers/startHub';

let hub: RunningHub;

beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub?.stop());

const AARHUS = `{ city(id: "dk-aarhus") {
  name
  memberships { network { name } }
  policeDistrict { name description infohus { structure { name } } municipalities { name city { name } } }
  municipality { code region }
} }`;

test("Aarhus with membership's and denmark's data in one answer", async () => {
  const res = await hub.query(AARHUS);
  expect(res.errors).toBeUndefined();
  const city = res.data?.city;
  expect(city.name).toBe('Aarhus');
  expect(city.memberships.map((m: { network: { name: string } }) => m.network.name)).toContain('Strong Cities Network');
  expect(city.municipality).toEqual({ code: '0751', region: 'MIDTJYLLAND' });
  expect(city.policeDistrict.name).toBe('Østjyllands Politi');
  expect(city.policeDistrict.infohus).toEqual({ structure: { name: 'Infohus' } });
  const municipalities = city.policeDistrict.municipalities as { name: string; city: { name: string } | null }[];
  expect(municipalities).toHaveLength(7);
  // The district's municipality that is a hub city points back to membership's record.
  expect(municipalities.find((m) => m.name === 'Aarhus')).toEqual({ name: 'Aarhus', city: { name: 'Aarhus' } });
  expect(municipalities.filter((m) => m.city === null)).toHaveLength(6);
});

test("Denmark's cooperation models with the Danish structure types they are, and its police districts", async () => {
  const res = await hub.query(`{ country(code: "DK") { cooperationModels { id danishStructures { id name } } policeDistricts { id } nationalBodies { abbreviation } } }`);
  expect(res.errors).toBeUndefined();
  const country = res.data?.country;
  const ssp = country.cooperationModels.find((m: { id: string }) => m.id === 'dk-ssp');
  expect(ssp.danishStructures).toEqual([{ id: 'ssp', name: 'SSP-samarbejdet (Skole, Socialforvaltning, Politi)' }]);
  expect(country.cooperationModels.find((m: { id: string }) => m.id === 'dk-psp').danishStructures).toEqual([]);
  expect(country.policeDistricts).toHaveLength(12);
  expect(country.nationalBodies.map((b: { abbreviation: string | null }) => b.abbreviation)).toEqual(expect.arrayContaining(['DKR', 'NCFE']));
});

test('a Danish editor updates the district through the gateway; a Norwegian editor is refused and nothing is written', async () => {
  const update = (description: string) =>
    `mutation { updatePoliceDistrict(id: "oestjyllands-politi", input: { description: "${description}" }, expectedVersion: 1) { version description } }`;
  const before = await hubState(hub);
  const norwegian = await hub.query(update('Skrevet fra Oslo'), {}, await tokenFor('editor', 'NO'));
  expect(errorCodes(norwegian)).toEqual(['FORBIDDEN']);
  expect(await hubState(hub)).toEqual(before);

  const danish = await hub.query(update('Østjyllands Politi dækker syv kommuner.'), {}, await tokenFor('editor', 'DK'));
  expect(danish.errors).toBeUndefined();
  expect(danish.data?.updatePoliceDistrict).toEqual({ version: 2, description: 'Østjyllands Politi dækker syv kommuner.' });
  expect((await hub.query(AARHUS)).data?.city.policeDistrict.description).toBe('Østjyllands Politi dækker syv kommuner.');
});
