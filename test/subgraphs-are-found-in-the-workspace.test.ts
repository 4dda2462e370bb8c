// The hub's subgraphs are the `subgraphs/*` packages that export one made by defineSubgraph: no list
// to edit. Two that claim one name, port or Postgres schema stop discovery (so `npm start` and
// `npm run compose`) with an error naming both folders.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { discoverSubgraphs } from '../scripts/discoverSubgraphs';
import { REPO_ROOT } from '../scripts/hubDatabase';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'nsc-discover-'));
  mkdirSync(path.join(root, 'subgraphs'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A package whose entry point exports what defineSubgraph would make, as far as discovery looks. */
function fakeSubgraph(folder: string, claims: { name: string; port: number; dbSchema: string } | null): void {
  const dir = path.join(root, 'subgraphs', folder);
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: `@test/${folder}`, main: 'index.js' }));
  const exported = claims
    ? `{ [Symbol.for('nsc-hub.subgraph-module')]: true, name: ${JSON.stringify(claims.name)}, defaultPort: ${claims.port}, dbSchema: ${JSON.stringify(claims.dbSchema)} }`
    : '{ name: "not made by defineSubgraph" }';
  writeFileSync(path.join(dir, 'index.js'), `exports.helper = () => 1;\nexports.subgraph = ${exported};\n`);
}

test('the workspace subgraphs are every subgraphs/* package, in port order', () => {
  const packages = readdirSync(path.join(REPO_ROOT, 'subgraphs')).filter((f) => existsSync(path.join(REPO_ROOT, 'subgraphs', f, 'package.json')));
  const found = discoverSubgraphs(REPO_ROOT);
  expect(found.map((s) => path.basename(s.dir)).sort()).toEqual(packages.sort());
  const ports = found.map((s) => s.defaultPort);
  expect(ports).toEqual([...ports].sort((a, b) => a - b));
});

test('a folder without package.json is not a subgraph; a package is found by its export, whatever else it exports', () => {
  mkdirSync(path.join(root, 'subgraphs', 'leftover'));
  fakeSubgraph('zeta', { name: 'zeta', port: 4102, dbSchema: 'zeta' });
  fakeSubgraph('alpha', { name: 'alpha', port: 4101, dbSchema: 'alpha' });
  expect(discoverSubgraphs(root).map((s) => s.name)).toEqual(['alpha', 'zeta']);
});

test('a package that exports no subgraph is an error naming its folder', () => {
  fakeSubgraph('odd', null);
  expect(() => discoverSubgraphs(root)).toThrow('subgraphs/odd: its index.js must export exactly one subgraph made by defineSubgraph (found 0)');
});

test.each([
  ['name', { name: 'same', port: 4101, dbSchema: 'one' }, { name: 'same', port: 4102, dbSchema: 'two' }, 'subgraphs/first and subgraphs/second both claim the name same'],
  ['port', { name: 'one', port: 4101, dbSchema: 'one' }, { name: 'two', port: 4101, dbSchema: 'two' }, 'subgraphs/first and subgraphs/second both claim port 4101'],
  ['Postgres schema', { name: 'one', port: 4101, dbSchema: 'shared_schema' }, { name: 'two', port: 4102, dbSchema: 'shared_schema' }, 'subgraphs/first and subgraphs/second both claim the Postgres schema shared_schema'],
])('two subgraphs claiming one %s: an error naming both', (_what, first, second, message) => {
  fakeSubgraph('first', first);
  fakeSubgraph('second', second);
  expect(() => discoverSubgraphs(root)).toThrow(message);
});
