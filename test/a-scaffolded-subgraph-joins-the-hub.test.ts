// A country team's subgraph, from scaffold to removal, in a copy of the workspace:
// `npm run subgraph:new -- testland --country IS` touches nothing outside its folder but the
// regenerated supergraph, API schema and lock file; the result type-checks and its own tests pass;
// `npm start` runs it with the others, and one request through the gateway reads its list and the
// field it adds to City. An Icelandic editor writes its records, a Danish editor gets FORBIDDEN,
// anyone reads. `npm run subgraph:remove -- testland` then leaves the workspace as it was.
import { ADMIN_URL_ENV, createTestDatabase, errorCodes, freePort, graphqlRequest, tokenFor, type TestDatabase } from '@nsc-hub/shared/src/testing';
import { SUBGRAPHS } from '../scripts/subgraphs';
import { startHubProcess } from './helpers/hubProcess';
import { subgraphPortEnv } from './helpers/subgraphPortEnv';
import { copyWorkspace, type WorkspaceCopy } from './helpers/workspaceCopy';

jest.setTimeout(300_000);

let workspace: WorkspaceCopy;
let database: TestDatabase | undefined;

beforeAll(() => {
  workspace = copyWorkspace();
}, 120_000);
afterAll(async () => {
  workspace?.remove();
  await database?.drop();
});

const npm = (...args: string[]) => workspace.run('npm', ['run', '--silent', ...args]);
const REGENERATED = ['gateway/supergraph.graphql', 'package-lock.json', 'schema/api.graphql'];

test('scaffolded: only its folder and the regenerated files change', () => {
  const result = npm('subgraph:new', '--', 'testland', '--country', 'IS', '--team', 'Testland team (Iceland)');
  expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
  const changed = workspace.changedFiles();
  expect(changed.filter((file) => !file.startsWith('subgraphs/testland/'))).toEqual(REGENERATED);
  expect(changed).toContain('subgraphs/testland/src/__generated__/resolvers-types.ts');
  expect(changed).toContain('subgraphs/testland/test/writes-are-for-is-editors-and-admins.test.ts');
});

test('the workspace with it type-checks, and its own tests pass', () => {
  const typecheck = workspace.run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--noEmit']);
  expect(typecheck.stdout + typecheck.stderr).toBe('');
  expect(typecheck.status).toBe(0);
  // Its tests on this run's PostgreSQL (each makes a database of its own there).
  const env = { ...process.env, DATABASE_URL: process.env[ADMIN_URL_ENV] };
  const tests = workspace.run(process.execPath, ['node_modules/jest/bin/jest.js', '--ci', '--maxWorkers=1', 'subgraphs/testland'], env);
  expect(tests.stderr).toMatch(/Test Suites: 4 passed, 4 total/);
  expect(tests.status).toBe(0);
});

test('npm start runs it with the others: its list and its City field through the gateway, writes by country', async () => {
  database = await createTestDatabase('scaffolded_hub');
  const gatewayPort = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    DATABASE_URL: database.url,
    GATEWAY_PORT: String(gatewayPort),
    ...(await subgraphPortEnv([...SUBGRAPHS.map((s) => s.name), 'testland'])),
  };
  const hub = await startHubProcess(env, { root: workspace.root });
  try {
    const url = `http://127.0.0.1:${gatewayPort}/graphql`;
    const create = (name: string) => `mutation { createTestlandRecord(input: { name: "${name}", cityId: "is-reykjavik", sourceUrls: ["https://example.org/source"] }) { id version } }`;

    const icelandic = await graphqlRequest(url, create('Samráð í Reykjavík'), { token: await tokenFor('editor', 'IS') });
    expect(icelandic.errors).toBeUndefined();
    expect(icelandic.data?.createTestlandRecord).toEqual({ id: 'samrad-i-reykjavik', version: 1 });

    const danish = await graphqlRequest(url, create('Dansk indblanding'), { token: await tokenFor('editor', 'DK') });
    expect(errorCodes(danish)).toEqual(['FORBIDDEN']);

    const read = await graphqlRequest(
      url,
      `{ testlandRecords { totalCount edges { node { id name city { id name } } } }
         city(id: "is-reykjavik") { name country { code } testlandRecords { totalCount edges { node { name sourceUrls } } } } }`,
    );
    expect(read.errors).toBeUndefined();
    expect(read.data).toEqual({
      testlandRecords: { totalCount: 1, edges: [{ node: { id: 'samrad-i-reykjavik', name: 'Samráð í Reykjavík', city: { id: 'is-reykjavik', name: 'Reykjavík' } } }] },
      city: { name: 'Reykjavík', country: { code: 'IS' }, testlandRecords: { totalCount: 1, edges: [{ node: { name: 'Samráð í Reykjavík', sourceUrls: ['https://example.org/source'] } }] } },
    });
  } finally {
    expect(await hub.interrupt()).toBe(0);
  }
});

test('subgraph:remove takes it out again: the workspace is as it was', () => {
  const result = npm('subgraph:remove', '--', 'testland');
  expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
  expect(workspace.changedFiles()).toEqual([]);
});
