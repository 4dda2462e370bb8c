// Every example query analysts are pointed to (operations/examples/) runs against the seeded hub
// without errors and with something in its answer, so none of them rots as the schema moves on.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../scripts/repoRoot';
import { startHub, type RunningHub } from './helpers/startHub';

const DIR = path.join(REPO_ROOT, 'operations', 'examples');
const EXAMPLES = readdirSync(DIR).filter((file) => file.endsWith('.graphql')).sort();

let hub: RunningHub;

beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub?.stop());

test('there are examples to run', () => {
  expect(EXAMPLES.length).toBeGreaterThan(0);
});

test.each(EXAMPLES)('%s answers without errors', async (file) => {
  const res = await hub.query(readFileSync(path.join(DIR, file), 'utf8'));
  expect(res.errors).toBeUndefined();
  const values = Object.values(res.data ?? {});
  expect(values.length).toBeGreaterThan(0);
  for (const value of values) expect(value).not.toBeNull();
});
