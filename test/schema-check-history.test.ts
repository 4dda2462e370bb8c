// The history check (`npm run schema:check -- --history`, run by CI) judges every change between
// consecutive committed versions of schema/api.graphql, against the operations known at the newer
// commit and the changelog as it is now; on a shallow clone it cannot deepen, it fails saying so.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { composeSubgraphSources } from '../scripts/composeSupergraph';
import { checkSchemaHistory } from '../scripts/schemaCheck/checkSchemaHistory';

const FIXTURES = path.join(__dirname, 'fixtures', 'schema-check');
const PLACES = readFileSync(path.join(FIXTURES, 'places.graphql'), 'utf8');
const LIBRARY = readFileSync(path.join(FIXTURES, 'library.graphql'), 'utf8');
const RECORDED = '# Schema changelog\n\n- `City.population` removed: no source gave it.\n';

let repo: string;
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8', stdio: 'pipe' });
/** Writes the files (path → text) and commits them; returns the commit. */
const commit = (message: string, files: Record<string, string>) => {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
    writeFileSync(path.join(repo, file), text);
  }
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', message);
  return git(repo, 'rev-parse', 'HEAD').trim();
};
/** schema/api.graphql and the supergraph of the fixture graph with `places` edited. */
const graph = (edit: (places: string) => string = (s) => s) => {
  const result = composeSubgraphSources([
    { name: 'places', url: 'http://places.test/graphql', sdl: edit(PLACES) },
    { name: 'library', url: 'http://library.test/graphql', sdl: LIBRARY },
  ]);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return { 'schema/api.graphql': result.apiSchemaSdl, 'gateway/supergraph.graphql': result.supergraphSdl, 'subgraphs/places/schema.graphql': edit(PLACES) };
};
const withoutPopulation = (s: string) => s.replace('  population: Int\n', '');
const withoutRegion = (s: string) => s.replace('  region: String\n', '');

beforeEach(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'schema-history-'));
  git(repo, 'init', '-q');
  // A similar file came first, as gateway/supergraph.graphql did in this repository: git's --follow
  // takes the API schema for a copy of it, yet the history starts at the API schema's own commit.
  commit('before the API schema', { 'README.md': 'a repository\n', 'schema/draft.graphql': `# a draft\n${graph()['schema/api.graphql']}` });
  commit('first version', { ...graph(), 'operations/CityPage.graphql': 'query CityPage { city(id: "x") { name region } }\n', 'schema/CHANGELOG.md': '# Schema changelog\n' });
});
afterEach(() => rmSync(repo, { recursive: true, force: true }));

test('an unrecorded breaking change in an earlier commit fails, and passes once the current changelog records it', async () => {
  const removal = commit('drop population', graph(withoutPopulation));
  commit('add a safe field later', graph((s) => withoutPopulation(s).replace('  name: String!\n', '  name: String!\n  area: Float\n')));

  const unrecorded = await checkSchemaHistory({ cwd: repo, changelog: '# Schema changelog\n' });
  expect(unrecorded.ok).toBe(false);
  expect(unrecorded.versions).toHaveLength(3);
  expect(unrecorded.steps).toHaveLength(2);
  const [dropped, added] = unrecorded.steps;
  expect(dropped.to).toBe(removal);
  expect(dropped.report.changes).toMatchObject([{ path: 'City.population', verdict: 'unused-unrecorded', owners: [{ subgraph: 'places', team: 'Places team (DK)' }] }]);
  expect(added.report).toMatchObject({ ok: true, changes: [{ level: 'SAFE', path: 'City.area' }] });

  expect((await checkSchemaHistory({ cwd: repo, changelog: RECORDED })).ok).toBe(true);
});

test('a change that breaks an operation known at that commit fails, naming it; one removed with its operation passes', async () => {
  commit('drop region', graph(withoutRegion));
  const broken = await checkSchemaHistory({ cwd: repo, changelog: '- `City.region` removed: unknown.\n' });
  expect(broken.ok).toBe(false);
  expect(broken.steps[0].report.changes).toMatchObject([{ path: 'City.region', verdict: 'breaks-operations', breaks: [{ operation: 'CityPage', file: 'operations/CityPage.graphql' }] }]);

  rmSync(repo, { recursive: true, force: true });
  repo = mkdtempSync(path.join(tmpdir(), 'schema-history-'));
  git(repo, 'init', '-q');
  commit('first version', { ...graph(), 'operations/CityPage.graphql': 'query CityPage { city(id: "x") { name region } }\n' });
  commit('drop region, and the page stops asking for it', { ...graph(withoutRegion), 'operations/CityPage.graphql': 'query CityPage { city(id: "x") { name } }\n' });
  expect((await checkSchemaHistory({ cwd: repo, changelog: '- `City.region` removed: unknown.\n' })).ok).toBe(true);
});

test('a shallow clone that cannot be deepened fails with a clear message', async () => {
  commit('drop population', graph(withoutPopulation));
  const clone = mkdtempSync(path.join(tmpdir(), 'schema-history-shallow-'));
  try {
    git(clone, 'clone', '-q', '--depth', '1', `file://${repo}`, '.');
    git(clone, 'remote', 'remove', 'origin');
    const report = await checkSchemaHistory({ cwd: clone, changelog: RECORDED });
    expect(report.ok).toBe(false);
    expect(report.error).toMatch(/shallow.*git fetch --unshallow/);
  } finally {
    rmSync(clone, { recursive: true, force: true });
  }
});
