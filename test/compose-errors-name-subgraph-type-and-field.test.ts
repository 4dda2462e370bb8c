// A composition error tells the team what to fix: which subgraph (and its team, from @contact),
// which type and field, the composer's message and a hint for its code; `npm run compose` prints
// it and fails.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { composeSubgraphSources, type Composition } from '../scripts/composeSupergraph';
import { compositionHint } from '../scripts/compositionHints';
import { subgraphSdl } from '../scripts/subgraphSdl';
import { SUBGRAPHS } from '../scripts/subgraphs';

const ROOT = path.resolve(__dirname, '..');
const CLASH = path.join(__dirname, 'fixtures', 'clashing-subgraph.graphql');
const membership = SUBGRAPHS.find((s) => s.name === 'membership')!;

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires"])';
const PLACES_TEAM = ' @link(url: "https://specs.apollo.dev/contact/v0.1", import: ["@contact"]) @contact(name: "Places team (DK)")\ndirective @contact(name: String!, url: String, description: String) on SCHEMA\n';
const compose = (subgraphs: Record<string, string>) =>
  composeSubgraphSources(Object.entries(subgraphs).map(([name, sdl]) => ({ name, url: `http://${name}.test/graphql`, sdl })));
const failure = (result: Composition) => {
  if (result.ok) throw new Error('expected composition to fail');
  return result;
};

test('a field whose type two subgraphs disagree on names both subgraphs, the type, the field and the lines', () => {
  const result = failure(
    composeSubgraphSources([
      { name: 'membership', url: 'http://membership.test/graphql', sdl: subgraphSdl(membership), file: membership.schemaPath },
      { name: 'clash', url: 'http://clash.test/graphql', sdl: readFileSync(CLASH, 'utf8'), file: CLASH },
    ]),
  );
  expect(result.problems).toHaveLength(1);
  const [problem] = result.problems;
  expect(problem.code).toBe('FIELD_TYPE_MISMATCH');
  expect(problem.places).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ subgraph: 'clash', type: 'Country', field: 'code', line: 5, team: undefined }),
      expect.objectContaining({ subgraph: 'membership', type: 'Country', field: 'code', team: expect.stringMatching(/^Membership team/) }),
    ]),
  );
  expect(result.errors[0]).toContain('subgraph clash, type Country, field code (test/fixtures/clashing-subgraph.graphql:5)');
  expect(result.errors[0]).toMatch(/subgraph membership \(Membership team [^)]*\)\), type Country, field code \(subgraphs\/membership\/schema\.graphql:\d+\)/);
  expect(result.errors[0]).toContain("— hint: the subgraphs disagree on the field's type");
});

test('a field two subgraphs resolve without @shareable names both, with the team from @contact, and hints at @shareable', () => {
  const result = failure(
    compose({
      places: `${LINK}${PLACES_TEAM}type City @key(fields: "id") { id: ID! name: String }\ntype Query { city: City }`,
      towns: `${LINK}\ntype City @key(fields: "id") { id: ID! name: String }\ntype Query { town: City }`,
    }),
  );
  const [problem] = result.problems;
  expect(problem.code).toBe('INVALID_FIELD_SHARING');
  expect(problem.places.map((p) => [p.subgraph, p.team, p.type, p.field])).toEqual([
    ['places', 'Places team (DK)', 'City', 'name'],
    ['towns', undefined, 'City', 'name'],
  ]);
  expect(result.errors[0]).toMatch(/^subgraph places \(Places team \(DK\)\), type City, field name; subgraph towns, type City, field name:/);
  expect(problem.hint).toMatch(/@shareable/);
});

test('a field the gateway cannot reach (no node in the error) is placed from the message and hints at a resolvable @key', () => {
  const result = failure(
    compose({
      places: `${LINK}\ntype City @key(fields: "id") { id: ID! }\ntype Query { city: City }`,
      census: `${LINK}\ntype City @key(fields: "id", resolvable: false) { id: ID!\n population: Int }\ntype Query { census: Int }`,
    }),
  );
  const problem = result.problems.find((p) => p.code === 'SATISFIABILITY_ERROR')!;
  expect(problem.places.map((p) => [p.subgraph, p.type, p.field, p.line])).toEqual([
    ['census', 'City', 'population', 3],
    ['places', 'City', undefined, 2],
  ]);
  expect(problem.hint).toMatch(/resolvable @key/);
});

test('an @external field nobody resolves names the subgraph that declares it', () => {
  const result = failure(
    compose({
      places: `${LINK}\ntype City @key(fields: "id") { id: ID! name: String }\ntype Query { city: City }`,
      census: `${LINK}\ntype City @key(fields: "id") { id: ID! area: Int @external density: Float @requires(fields: "area") }\ntype Query { census: City }`,
    }),
  );
  const problem = result.problems.find((p) => p.code === 'EXTERNAL_MISSING_ON_BASE')!;
  expect(problem.places).toEqual([expect.objectContaining({ subgraph: 'census', type: 'City', field: 'area' })]);
  expect(problem.hint).toMatch(/@external/);
});

test('a schema that does not parse names its subgraph and line', () => {
  const result = failure(compose({ broken: `${LINK}\ntype City {\n  id: ID!\n  name String\n}` }));
  expect(result.problems[0]).toMatchObject({ code: 'INVALID_GRAPHQL', places: [{ subgraph: 'broken', line: 4 }] });
});

test('a code without a hint of its own gets the catalogue description', () => {
  expect(compositionHint('PROVIDES_FIELDS_HAS_ARGS')).toMatch(/@provides.*PROVIDES_FIELDS_HAS_ARGS/s);
  expect(compositionHint('INVALID_FIELD_SHARING')).not.toBe(compositionHint('FIELD_TYPE_MISMATCH'));
});

test('`npm run compose` prints the error with subgraph, type, field and hint, and exits non-zero', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'compose-trial-'));
  try {
    writeFileSync(path.join(dir, 'membership.graphql'), subgraphSdl(membership));
    writeFileSync(path.join(dir, 'clash.graphql'), readFileSync(CLASH, 'utf8'));
    const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'compose.ts'), '--subgraphs-from', dir], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Composition failed with 1 error');
    expect(run.stderr).toMatch(/subgraph clash, type Country, field code \([^)]*clash\.graphql:5\)/);
    expect(run.stderr).toContain('FIELD_TYPE_MISMATCH: Type of field "Country.code" is incompatible');
    expect(run.stderr).toContain('— hint:');
    expect(run.stdout).not.toMatch(/wrote/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
