// The forums seed refers to records other subgraphs seed: its hub cities and networks are exactly
// the membership subgraph's (same ids, countries and names), and every outcome of a seeded event
// is a resource the knowledge subgraph seeds. A renamed city or resource breaks this test, not a
// page in production.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSeedRows as buildForumsRows } from '@nsc-hub/forums';
import { buildSeedRows as buildKnowledgeRows } from '@nsc-hub/knowledge';
import { buildSeedRows as buildMembershipRows } from '@nsc-hub/membership';

const FORUMS_SEED = path.resolve(__dirname, '..', 'subgraphs', 'forums', 'seed', 'data');
const read = <T>(file: string): T => JSON.parse(readFileSync(path.join(FORUMS_SEED, file), 'utf8')) as T;

const forums = buildForumsRows();
const membership = buildMembershipRows();

test('hub-cities.json names each city with the id, country and name the membership subgraph seeds it with', () => {
  const hubCities = read<{ ref: string; city: string; country: string; names: string[] }[]>('hub-cities.json');
  expect(hubCities.length).toBeGreaterThan(0);
  for (const c of hubCities) {
    expect(membership.cities.find((m) => m.id === c.city)).toMatchObject({ country_code: c.country, name: c.names[0] });
  }
});

test('hub-networks.json and the forums\' network links are networks the membership subgraph seeds', () => {
  const hubNetworks = read<{ id: string; name: string }[]>('hub-networks.json');
  for (const n of hubNetworks) expect(membership.networks.find((m) => m.id === n.id)).toMatchObject({ name: n.name });
  const linked = [...forums.forums.map((f) => f.network_id), ...forums.participations.map((p) => p.network_id)].filter((id): id is string => id !== null);
  expect(linked.length).toBeGreaterThan(0);
  for (const id of linked) expect(hubNetworks.map((n) => n.id)).toContain(id);
});

test('every city and country a seeded event or participation refers to is one the membership subgraph seeds', () => {
  const cities = new Set(membership.cities.map((c) => c.id));
  const countries = new Set(membership.countries.map((c) => c.code));
  for (const row of [...forums.events, ...forums.participations]) {
    if (row.city_id) expect(cities).toContain(row.city_id);
    if (row.country_code) expect(countries).toContain(row.country_code);
  }
});

test('every outcome of a seeded event is a resource the knowledge subgraph seeds', () => {
  const resources = new Set(buildKnowledgeRows().resources.map((r) => r.id));
  const outcomes = forums.events.flatMap((e) => e.outcome_ids);
  expect(outcomes.length).toBeGreaterThan(0);
  for (const id of outcomes) expect(resources).toContain(id);
});
