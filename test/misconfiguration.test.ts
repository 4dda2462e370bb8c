// A gateway and a subgraph that disagree on the shared secret: the subgraph refuses the gateway,
// and clients are told of an internal failure (with a request id to report), not that *they*
// failed to sign in.
import { errorCodes, tokenFor } from '@nsc-hub/shared/src/testing';
import { startHub, type RunningHub } from './helpers/startHub';

let hub: RunningHub;
beforeAll(async () => {
  hub = await startHub({ gatewaySubgraphSecret: 'a-secret-the-subgraph-does-not-know' });
});
afterAll(() => hub?.stop());

test.each([
  ['an anonymous caller', undefined],
  ['a signed-in admin', 'admin'],
] as const)('%s gets INTERNAL_SERVER_ERROR, not UNAUTHENTICATED', async (_label, role) => {
  const res = await hub.query('{ countries { code } }', {}, role ? await tokenFor(role) : undefined);
  expect(errorCodes(res)).toEqual(['INTERNAL_SERVER_ERROR']);
  expect(res.errors?.[0].extensions?.requestId).toEqual(expect.any(String));
  // The request id is random: a "401" inside it says nothing about the status.
  const { requestId: _random, ...extensions } = res.errors?.[0].extensions ?? {};
  expect(JSON.stringify({ ...res, errors: [{ ...res.errors?.[0], extensions }] })).not.toMatch(/only answers the gateway|401|127\.0\.0\.1/);
});
