// `npm run schema:check` end to end on this repository: the working tree composes to the committed
// schema/api.graphql (no changes), and every known operation validates against it.
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const ROOT = path.resolve(__dirname, '..');

test('`npm run schema:check -- --json` finds no changes against HEAD and every known operation valid', () => {
  const run = spawnSync('npm', ['run', '-s', 'schema:check', '--', '--json'], { cwd: ROOT, encoding: 'utf8' });
  expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
  const report = JSON.parse(run.stdout);
  expect(report).toMatchObject({ mode: 'base', base: 'HEAD', ok: true, changes: [], invalidOperations: [] });
  // operations/readme and operations/bench: the README's examples and the benchmark's four shapes.
  expect(report.operationsChecked).toBeGreaterThanOrEqual(23);
});
