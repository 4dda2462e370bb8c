// `npm run schema:check`'s rules, on a small graph of two subgraphs: a breaking change that breaks
// a known operation fails naming it; an unused one fails unless schema/CHANGELOG.md records it;
// dangerous and safe changes pass and are listed, each with the subgraph and team that own it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { composeSubgraphSources } from '../scripts/composeSupergraph';
import { checkSchemaChange, type SchemaVersion } from '../scripts/schemaCheck/checkSchemaChange';
import { formatSchemaCheckReport } from '../scripts/schemaCheck/formatSchemaCheckReport';

const FIXTURES = path.join(__dirname, 'fixtures', 'schema-check');
const PLACES = readFileSync(path.join(FIXTURES, 'places.graphql'), 'utf8');
const LIBRARY = readFileSync(path.join(FIXTURES, 'library.graphql'), 'utf8');

/** The fixture graph composed, after `edit` replaced text in the subgraphs' schemas. */
function version(edits: { places?: [string, string][]; library?: [string, string][] } = {}): SchemaVersion {
  const apply = (sdl: string, list: [string, string][] = []) =>
    list.reduce((text, [from, to]) => {
      if (!text.includes(from)) throw new Error(`fixture has no ${JSON.stringify(from)}`);
      return text.replace(from, to);
    }, sdl);
  const result = composeSubgraphSources([
    { name: 'places', url: 'http://places.test/graphql', sdl: apply(PLACES, edits.places) },
    { name: 'library', url: 'http://library.test/graphql', sdl: apply(LIBRARY, edits.library) },
  ]);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return { apiSdl: result.apiSchemaSdl, supergraphSdl: result.supergraphSdl };
}

const BEFORE = version();
const TEAMS = new Map([['places', 'Places team (DK)']]);
const CITY_PAGE = { file: 'operations/CityPage.graphql', text: '# A frontend page.\nquery CityPage($id: ID!) { city(id: $id) { name region books { title genre } } }' };
const CITY_GUIDES = { file: 'subgraphs/library/operations/CityGuides.graphql', text: 'query CityGuides { city(id: "dk-aarhus") { books(genre: GUIDE) { title } } }' };
const CHANGELOG = '# Schema changelog\n\n## 2027-01-15 — populations\n\n- `City.population` removed: no source gave it; ask Statistics Denmark.\n';
const check = (after: SchemaVersion, changelog = '', operations = [CITY_PAGE, CITY_GUIDES]) =>
  checkSchemaChange({ before: BEFORE, after, operations, changelog, teams: TEAMS });

test('removing a field a known operation uses fails, naming the operation and its file, even when recorded', async () => {
  const report = await check(version({ places: [['  region: String\n', '']] }), '- `City.region` removed: unknown for most cities.\n');
  expect(report.ok).toBe(false);
  const [change] = report.changes;
  expect(change).toMatchObject({
    level: 'BREAKING',
    type: 'FIELD_REMOVED',
    path: 'City.region',
    owners: [{ subgraph: 'places', team: 'Places team (DK)' }],
    verdict: 'breaks-operations',
    breaks: [{ operation: 'CityPage', file: 'operations/CityPage.graphql' }],
    ok: false,
  });
  expect(report.invalidOperations).toEqual([{ operation: 'CityPage', file: 'operations/CityPage.graphql', errors: [expect.stringMatching(/Cannot query field "region" on type "City"/)] }]);
  const text = formatSchemaCheckReport(report);
  expect(text).toMatch(/BREAKING +City\.region — Field 'region' was removed from object type 'City'/);
  expect(text).toContain('owner: places (Places team (DK))');
  expect(text).toContain('City.region breaks CityPage (operations/CityPage.graphql)');
  expect(text).toContain('Schema check FAILED');
});

test('removing a field no known operation uses fails without a changelog entry and passes with one', async () => {
  const after = version({ places: [['  population: Int\n', '']] });
  const unrecorded = await check(after);
  expect(unrecorded.ok).toBe(false);
  expect(unrecorded.changes).toMatchObject([{ path: 'City.population', verdict: 'unused-unrecorded', usedBy: [], ok: false }]);
  expect(formatSchemaCheckReport(unrecorded)).toContain('- `City.population` removed: <why, and what clients do instead>');

  const recorded = await check(after, CHANGELOG);
  expect(recorded.ok).toBe(true);
  expect(recorded.changes).toMatchObject([{ path: 'City.population', verdict: 'unused-recorded', recorded: expect.stringContaining('Statistics Denmark'), ok: true }]);
  expect(formatSchemaCheckReport(recorded)).toContain('✓ unused, recorded in schema/CHANGELOG.md');
});

test('an entry only in an example code block, or naming another path, records nothing', async () => {
  const after = version({ places: [['  population: Int\n', '']] });
  const report = await check(after, '```markdown\n- `City.population` removed: an example.\n```\n- `City.region` removed: another field.\n');
  expect(report.changes).toMatchObject([{ path: 'City.population', verdict: 'unused-unrecorded' }]);
});

test('a field a valid operation uses turning nullable needs an entry, and then names the operations to look at', async () => {
  const after = version({ places: [['  name: String!\n', '  name: String\n']] });
  expect((await check(after)).changes).toMatchObject([{ path: 'City.name', type: 'FIELD_TYPE_CHANGED', verdict: 'used-unrecorded', ok: false }]);
  const recorded = await check(after, '| `City.name` | `String!` | `String` | places |\n');
  expect(recorded.ok).toBe(true);
  expect(recorded.changes).toMatchObject([{ verdict: 'used-recorded', usedBy: [{ operation: 'CityPage' }], breaks: [] }]);
});

test('adding a field is safe and an enum value dangerous: both pass and are listed with their owner and users', async () => {
  const report = await check(version({ places: [['  population: Int\n', '  population: Int\n  area: Float\n']], library: [['  REPORT\n', '  REPORT\n  TOOLKIT\n']] }));
  expect(report.ok).toBe(true);
  expect(report.changes.map((c) => [c.level, c.path, c.owners.map((o) => o.subgraph), c.usedBy.map((u) => u.operation), c.verdict])).toEqual([
    ['DANGEROUS', 'Genre.TOOLKIT', ['library'], ['CityPage'], 'listed'], // CityGuides sends GUIDE, never receives a Genre
    ['SAFE', 'City.area', ['places'], [], 'listed'],
  ]);
  const text = formatSchemaCheckReport(report);
  expect(text).toMatch(/DANGEROUS +Genre\.TOOLKIT — Enum value 'TOOLKIT' was added to enum 'Genre'\n +owner: library\n +used by CityPage/);
  expect(text).toMatch(/SAFE +City\.area/);
  expect(text).toContain('Schema check passed.');
});

test('removing an enum value a subgraph operation sends fails naming that operation', async () => {
  const report = await check(version({ library: [['  GUIDE\n', '']] }));
  expect(report.changes).toMatchObject([{ path: 'Genre.GUIDE', verdict: 'breaks-operations', breaks: [{ operation: 'CityGuides', file: 'subgraphs/library/operations/CityGuides.graphql' }] }]);
});

test('an operation that does not validate fails the check even with no schema change', async () => {
  const report = await check(BEFORE, '', [{ file: 'operations/Broken.graphql', text: 'query Broken { city(id: "x") { nickname } }' }]);
  expect(report).toMatchObject({ ok: false, changes: [], invalidOperations: [{ operation: 'Broken', errors: [expect.stringContaining('nickname')] }] });
  expect(formatSchemaCheckReport(report)).toContain('Broken (operations/Broken.graphql) does not validate against the new API schema');
});

test('the JSON report has this shape', async () => {
  const report = await check(version({ places: [['  population: Int\n', '']] }), CHANGELOG);
  expect(JSON.parse(JSON.stringify(report))).toEqual({
    ok: true,
    operationsChecked: 2,
    invalidOperations: [],
    changes: [
      {
        level: 'BREAKING',
        type: 'FIELD_REMOVED',
        path: 'City.population',
        message: "Field 'population' was removed from object type 'City'",
        reason: expect.any(String),
        owners: [{ subgraph: 'places', team: 'Places team (DK)' }],
        usedBy: [],
        breaks: [],
        recorded: '- `City.population` removed: no source gave it; ask Statistics Denmark.',
        verdict: 'unused-recorded',
        ok: true,
      },
    ],
  });
});
