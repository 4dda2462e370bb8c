// The committed artefacts that other tools consume are never stale: the supergraph the gateway
// serves is exactly the composition of the subgraph schemas, the public API schema is the one
// derived from it, the typed resolvers match them, and the trusted documents are the known operations.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { DEFAULT_SUPERGRAPH_PATH, subgraphNamesIn } from '@nsc-hub/gateway';
import { DEFAULT_PERSISTED_OPERATIONS_PATH } from '@nsc-hub/gateway/src/config';
import { API_SCHEMA_PATH } from '../scripts/apiSchemaSdl';
import { composeSupergraph } from '../scripts/composeSupergraph';
import { SUBGRAPHS } from '../scripts/subgraphs';
import { manifestText, persistedQueryManifest } from '../scripts/operations/writeManifest';

const ROOT = path.resolve(__dirname, '..');

test('every subgraph schema composes into the committed supergraph.graphql (run `npm run compose` if not)', () => {
  const result = composeSupergraph();
  if (!result.ok) throw new Error(`composition failed:\n${result.errors.join('\n')}`);
  expect(readFileSync(DEFAULT_SUPERGRAPH_PATH, 'utf8')).toBe(result.supergraphSdl);
  expect(subgraphNamesIn(result.supergraphSdl).sort()).toEqual(SUBGRAPHS.map((s) => s.name).sort());
});

test('the committed schema/api.graphql is the API schema of a fresh composition, without federation internals (run `npm run compose` if not)', () => {
  const result = composeSupergraph();
  if (!result.ok) throw new Error(`composition failed:\n${result.errors.join('\n')}`);
  const committed = readFileSync(API_SCHEMA_PATH, 'utf8');
  expect(committed).toBe(result.apiSchemaSdl);
  expect(committed).not.toMatch(/join__|link__|_entities|_service|_Any|@key|@link/);
  expect(committed).toMatch(/^type City \{$/m);
  expect(committed).toContain('"""Who a resource is written for."""');
});

test('composition fails loudly when two subgraphs disagree', () => {
  const [membership] = SUBGRAPHS;
  const clash = { ...membership, name: 'clash', typeDefs: readFileSync(path.join(__dirname, 'fixtures', 'clashing-subgraph.graphql'), 'utf8') };
  const result = composeSupergraph([membership, clash]);
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.errors.join('\n')).toMatch(/Country/);
});

test('the generated resolver types match the schemas (run `npm run codegen` if not)', () => {
  // The CLI's own check mode: it exits non-zero if generating would change a committed file.
  const run = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'graphql-codegen'), ['--config', 'codegen.ts', '--check'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect({ status: run.status, output: run.status === 0 ? '' : `${run.stdout}${run.stderr}` }).toEqual({ status: 0, output: '' });
});

test("the web client's typed documents match schema/api.graphql and operations/web-client (run `npm run codegen` if not)", () => {
  const run = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'graphql-codegen'), ['--config', 'codegen.ts', '--check'], {
    cwd: path.join(ROOT, 'examples', 'web-client'),
    encoding: 'utf8',
  });
  expect({ status: run.status, output: run.status === 0 ? '' : `${run.stdout}${run.stderr}` }).toEqual({ status: 0, output: '' });
});

test("the web client's persisted document ids are the ids the gateway lists its documents under", () => {
  const generated = JSON.parse(readFileSync(path.join(ROOT, 'examples', 'web-client', 'src', '__generated__', 'persisted-documents.json'), 'utf8')) as Record<string, string>;
  const listed = new Map(persistedQueryManifest().operations.map((operation) => [operation.id, operation.body]));
  expect(Object.keys(generated).length).toBeGreaterThan(0);
  for (const [hash, body] of Object.entries(generated)) expect({ hash, body: listed.get(hash.replace(/^sha256:/, '')) }).toEqual({ hash, body });
});

test('the committed gateway/persisted-operations.json lists every known operation (run `npm run operations:manifest` if not)', () => {
  const manifest = persistedQueryManifest();
  expect(readFileSync(DEFAULT_PERSISTED_OPERATIONS_PATH, 'utf8')).toBe(manifestText(manifest));
  const names = manifest.operations.map((operation) => operation.name);
  expect(names).toEqual(expect.arrayContaining(['CitiesAndTheirNetworks', 'UpdateCity', 'Q3']));
});
