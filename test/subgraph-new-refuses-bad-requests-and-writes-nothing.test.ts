// `npm run subgraph:new` refuses a name, country, port or type it cannot use, in one line, before
// anything is written: the workspace stays exactly as it was (git status clean). `--dry-run` lists
// what it would write and writes nothing. `npm run subgraph:remove` refuses while other subgraphs
// reference the subgraph's types, naming them.
import { SUBGRAPHS } from '../scripts/subgraphs';
import { copyWorkspace, type WorkspaceCopy } from './helpers/workspaceCopy';

let workspace: WorkspaceCopy;

beforeAll(() => {
  workspace = copyWorkspace();
}, 120_000);
afterAll(() => workspace?.remove());

const npm = (...args: string[]) => workspace.run('npm', ['run', '--silent', ...args]);
const TEAM = ['--team', 'Testland team'];

test.each([
  ['a name that is not kebab case', ['Test_Land', '--country', 'IS', ...TEAM], /name "Test_Land" must be lower-case kebab case/],
  ['a reserved name', ['gateway', '--country', 'IS', ...TEAM], /name "gateway" is reserved/],
  ['a name taken by a subgraph', ['forums', '--country', 'IS', ...TEAM], /name "forums" is taken by subgraphs\/forums/],
  ['a country the hub does not know', ['testland', '--country', 'XX', ...TEAM], /country "XX" is not one the hub knows \(DK, FO, GL, FI, AX, IS, NO, SE\)/],
  ["another subgraph's port", ['testland', '--country', 'IS', '--port', '4001', ...TEAM], /--port 4001 is used by the membership subgraph/],
  ["the gateway's port", ['testland', '--country', 'IS', '--port', '4000', ...TEAM], /--port 4000 is the gateway's/],
  ['an entity type the graph has', ['testland', '--country', 'IS', '--entity', 'Resource', ...TEAM], /type Resource exists in the graph already/],
  ['a team name with a quote', ['testland', '--country', 'IS', '--team', 'The "best" team'], /--team may not contain quotes/],
])('%s: one line saying why, exit 1, nothing written', (_what, args, reason) => {
  const result = npm('subgraph:new', '--', ...args);
  expect(result.status).toBe(1);
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(reason);
  expect(lines[0]).toMatch(/; nothing was written$/);
  expect(workspace.changedFiles()).toEqual([]);
});

test('--dry-run lists the files it would write and writes none', () => {
  const result = npm('subgraph:new', '--', 'testland', '--country', 'IS', ...TEAM, '--dry-run');
  expect(result.status).toBe(0);
  for (const file of ['schema.graphql', 'src/index.ts', 'src/entities/TestlandRecordEntity.ts', 'test/writes-are-for-is-editors-and-admins.test.ts']) {
    expect(result.stdout).toContain(`subgraphs/testland/${file}`);
  }
  // The next port after the other subgraphs'.
  expect(result.stdout).toContain(`port ${Math.max(...SUBGRAPHS.map((s) => s.defaultPort)) + 1}, entity TestlandRecord`);
  expect(workspace.changedFiles()).toEqual([]);
});

test('subgraph:remove of a subgraph whose types others reference: refused, naming them and the types', () => {
  const result = npm('subgraph:remove', '--', 'knowledge');
  expect(result.status).toBe(1);
  expect(result.stderr.trim()).toBe('subgraph:remove: other subgraphs still reference its types: forums (Resource); nothing was changed');
  expect(workspace.changedFiles()).toEqual([]);
});
