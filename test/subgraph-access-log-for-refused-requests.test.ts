// A subgraph writes its access line ("request done") also for a request it refuses before GraphQL:
// a wrong subgraph secret (401) or malformed JSON (400) leaves one line with the status, the error
// code, `outcome: 'failed'` and the id the answer carries. A caller without the secret cannot choose
// that id; with it (the gateway), its `x-request-id` is the id. No line holds the secret, the
// token or the query text.
import { membershipSubgraph } from '@nsc-hub/membership';
import { REQUEST_ID_HEADER, SUBGRAPH_SECRET_HEADER } from '@nsc-hub/shared';
import { TEST_SUBGRAPH_SECRET, captureLog, startSubgraph, tokenFor, type CapturedLog, type LogLine, type RunningSubgraph } from '@nsc-hub/shared/src/testing';

let subgraph: RunningSubgraph;
let captured: CapturedLog;
beforeAll(async () => {
  captured = captureLog();
  subgraph = await startSubgraph(membershipSubgraph, { seed: false, log: captured.log });
});
afterAll(() => subgraph?.stop());

/** The "request done" line of `requestId`, waiting briefly: it is written once the answer is sent. */
async function accessLine(requestId: string): Promise<LogLine> {
  const deadline = Date.now() + 2000;
  for (;;) {
    const found = captured.lines.filter((l) => l.msg === 'request done' && l.requestId === requestId);
    if (found.length > 0 || Date.now() > deadline) {
      expect(found).toHaveLength(1);
      return found[0];
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const QUERY = '{ countries { code } }';

async function post(body: string, headers: Record<string, string>) {
  const res = await fetch(subgraph.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const answer = (await res.json()) as { errors: { extensions: { code: string; requestId: string } }[] };
  return { status: res.status, header: res.headers.get(REQUEST_ID_HEADER), error: answer.errors[0].extensions };
}

test('a wrong subgraph secret: a 401 line under the id of the answer, not one the caller chose, and no secret', async () => {
  const token = await tokenFor('admin');
  const wrongSecret = 'x'.repeat(TEST_SUBGRAPH_SECRET.length);
  const res = await post(JSON.stringify({ query: QUERY, operationName: 'Countries' }), {
    [SUBGRAPH_SECRET_HEADER]: wrongSecret,
    [REQUEST_ID_HEADER]: 'chosen-by-the-caller',
    authorization: `Bearer ${token}`,
  });
  expect(res.status).toBe(401);
  expect(res.error.code).toBe('UNAUTHENTICATED');
  expect(res.error.requestId).not.toBe('chosen-by-the-caller');
  expect(res.header).toBe(res.error.requestId);

  // Its body is never read: operationName is null.
  const line = await accessLine(res.error.requestId);
  expect(line).toMatchObject({ level: 30, status: 401, outcome: 'failed', errorCodes: ['UNAUTHENTICATED'], role: null, operationName: null, durationMs: expect.any(Number) });
  expect(line.aborted).toBeUndefined();
  expect(captured.lines.filter((l) => l.requestId === 'chosen-by-the-caller')).toEqual([]);
  const everything = JSON.stringify(captured.lines);
  for (const secret of [wrongSecret, TEST_SUBGRAPH_SECRET, token, QUERY]) expect(everything).not.toContain(secret);
});

test("malformed JSON from the gateway: a 400 line under the gateway's request id", async () => {
  const requestId = 'gateway-request-1';
  const res = await post(`{"query": "${QUERY}"`, { [SUBGRAPH_SECRET_HEADER]: TEST_SUBGRAPH_SECRET, [REQUEST_ID_HEADER]: requestId });
  expect(res.status).toBe(400);
  expect(res.error).toMatchObject({ code: 'BAD_REQUEST', requestId });
  expect(await accessLine(requestId)).toMatchObject({ status: 400, outcome: 'failed', errorCodes: ['BAD_REQUEST'], role: null, operationName: null });
  expect(JSON.stringify(captured.lines)).not.toContain(TEST_SUBGRAPH_SECRET);
});
