// The README's writing examples run as pasted, in order, for an admin: every id they name exists
// by then, and the two that take an id the reader copies from an earlier answer ($id) say where it
// comes from; those get it here from that answer.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { tokenFor } from '@nsc-hub/shared/src/testing';
import { startHub, type RunningHub } from './helpers/startHub';

const README = readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
/** The graphql block of "Signing in and writing": one mutation per line, comments between. */
const BLOCK = /```graphql\n(mutation \{ createCity[\s\S]*?)```/.exec(README)?.[1] ?? '';
const MUTATIONS = BLOCK.split('\n').filter((line) => line.startsWith('mutation'));

let hub: RunningHub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub?.stop());

test('every writing example of the README runs, in order, without an error', async () => {
  expect(MUTATIONS.length).toBeGreaterThanOrEqual(12);
  expect(BLOCK).not.toMatch(/…|<[a-z ]+id>/);
  const admin = await tokenFor('admin');
  const answered: Record<string, { id?: string }> = {};
  for (const line of MUTATIONS) {
    const query = line.replace(/\s+#.*$/, '');
    const field = /\{ (\w+)\(/.exec(query)![1];
    const variables = field === 'endMembership' ? { id: answered.addMembership?.id } : field === 'removeParticipation' ? { id: answered.recordParticipation?.id } : {};
    const res = await hub.query<Record<string, { id?: string }>>(query, variables, admin);
    expect({ field, errors: res.errors }).toEqual({ field, errors: undefined });
    answered[field] = res.data![field];
  }
  expect(answered.createCity).toMatchObject({ id: 'dk-odense' });
  expect(answered.createResource).toMatchObject({ id: 'example-odense-ssp-guideline' });
});
