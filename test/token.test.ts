// `npm run token` prints a development token the hub accepts, with the claims asked for.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { callerFromAuthorization } from '@nsc-hub/shared';
import { TEST_JWT } from '@nsc-hub/shared/src/testing';

const ROOT = path.resolve(__dirname, '..');
const env = { ...process.env };
delete env.JWT_SECRET;

const token = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'token.ts'), ...args], { cwd: ROOT, env, encoding: 'utf8' });

test('prints an editor token for a country that the hub verifies', async () => {
  const run = token('--role', 'editor', '--country', 'dk');
  expect(run.status).toBe(0);
  const caller = await callerFromAuthorization(TEST_JWT, `Bearer ${run.stdout.trim()}`);
  expect(caller).toEqual({ kind: 'user', sub: 'developer', role: 'editor', country: 'DK' });
});

test('refuses an editor token without a country, and an unknown role', () => {
  const noCountry = token('--role', 'editor');
  expect(noCountry.status).not.toBe(0);
  expect(noCountry.stderr).toMatch(/--country/);
  const badRole = token('--role', 'superuser');
  expect(badRole.status).not.toBe(0);
  expect(badRole.stderr).toMatch(/member, editor, admin/);
});
