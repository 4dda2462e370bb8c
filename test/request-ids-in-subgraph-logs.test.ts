// The requestId a client gets in `extensions` leads to every subgraph line that explains its
// answer: each subgraph the gateway asked logs one access line with that id (operation, status,
// outcome, duration, error codes, caller role), also when the error is the client's own
// (BAD_USER_INPUT) or a peer subgraph was down (SUBGRAPH_UNAVAILABLE), and a subgraph that was not
// asked logs nothing with it. No line holds the token or the query text.
import { captureLog, errorCodes, tokenFor, type CapturedLog, type LogLine } from '@nsc-hub/shared/src/testing';
import { startHub, type RunningHub } from './helpers/startHub';

let hub: RunningHub;
const logs: Record<string, CapturedLog> = {};
let member: string;
let editor: string;

const withRequestId = (service: string, requestId: string): LogLine[] => logs[service].lines.filter((l) => l.requestId === requestId);

beforeAll(async () => {
  hub = await startHub({ log: (service) => (logs[service] = captureLog()).log });
  member = await tokenFor('member');
  editor = await tokenFor('editor', 'DK');
});
afterAll(() => hub?.stop());

test('a BAD_USER_INPUT answer: its requestId is on the access line of each subgraph asked', async () => {
  // Cities come from membership; their resources from knowledge, which refuses `first` over 100.
  const query = 'query CityResources { cities(first: 2) { edges { node { id resources(first: 1000) { totalCount } } } } }';
  const res = await hub.query(query, {}, member);
  expect(errorCodes(res)).toContain('BAD_USER_INPUT');
  const requestId = res.errors![0].extensions!.requestId as string;
  expect(typeof requestId).toBe('string');
  expect(new Set(res.errors!.map((e) => e.extensions!.requestId))).toEqual(new Set([requestId]));

  const [membershipLine] = withRequestId('membership', requestId).filter((l) => l.msg === 'request done');
  expect(membershipLine).toMatchObject({ level: 30, operationName: expect.stringContaining('CityResources'), status: 200, outcome: 'ok', errorCodes: [], role: 'member', durationMs: expect.any(Number) });
  const knowledgeLines = withRequestId('knowledge', requestId).filter((l) => l.msg === 'request done');
  expect(knowledgeLines).toHaveLength(1);
  expect(knowledgeLines[0]).toMatchObject({ errorCodes: ['BAD_USER_INPUT'], role: 'member', durationMs: expect.any(Number) });
  expect(withRequestId('forums', requestId)).toEqual([]);

  const everything = JSON.stringify(Object.values(logs).flatMap((l) => l.lines));
  expect(everything).not.toContain(member);
  expect(everything).not.toContain('resources(first: 1000)');
});

test('a SUBGRAPH_UNAVAILABLE answer: the writing subgraph logs why under the requestId', async () => {
  await hub.subgraphs.membership.stop();
  const res = await hub.query(
    'mutation { recordParticipation(input: { event: "scn-5th-global-summit-2024", city: "dk-copenhagen", role: DELEGATE }) { id } }',
    {},
    editor,
  );
  expect(errorCodes(res)).toEqual(['SUBGRAPH_UNAVAILABLE']);
  const requestId = res.errors![0].extensions!.requestId as string;

  const lines = withRequestId('forums', requestId);
  expect(lines.find((l) => l.msg === 'peer subgraph unreachable')).toMatchObject({ level: 40, peer: 'membership' });
  expect(lines.find((l) => l.msg === 'request done')).toMatchObject({ errorCodes: ['SUBGRAPH_UNAVAILABLE'], role: 'editor' });
  expect(JSON.stringify(lines)).not.toContain(editor);
});
