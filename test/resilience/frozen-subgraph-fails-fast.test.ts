// A frozen subgraph (SIGSTOP: the kernel still accepts its connections, nothing answers) costs
// clients its timeout only until its circuit breaker opens. From then on the gateway answers at
// once: that subgraph's fields null with SUBGRAPH_UNAVAILABLE naming it and saying it fails fast,
// the rest of the answer whole. Thawed (SIGCONT), it is asked again after the cooldown, and answers
// are whole again.
import { forumsSubgraph } from '@nsc-hub/forums';
import { knowledgeSubgraph } from '@nsc-hub/knowledge';
import { membershipSubgraph } from '@nsc-hub/membership';
import { DEFAULT_RESILIENCE } from '@nsc-hub/gateway';
import { errorCodes } from '@nsc-hub/shared/src/testing';
import { startHub, type RunningHub } from '../helpers/startHub';
import { startSubgraphProcess, type SubgraphProcess } from '../helpers/subgraphProcess';

const KNOWLEDGE_TIMEOUT_MS = 500;
const { breakerFailures, breakerCooldownMs } = DEFAULT_RESILIENCE;
/** Well short of the timeout: the breaker answered without asking knowledge (the message says so too). Not a speed target. */
const WITHOUT_WAITING_MS = KNOWLEDGE_TIMEOUT_MS / 2;

let knowledge: SubgraphProcess;
let hub: RunningHub;
beforeAll(async () => {
  knowledge = await startSubgraphProcess(knowledgeSubgraph);
  hub = await startHub({
    subgraphs: [membershipSubgraph, forumsSubgraph],
    externalSubgraphs: { knowledge: knowledge.url },
    // What the gateway does while knowledge is frozen, not what it kept from before.
    gateway: { subgraphTimeoutsMs: { knowledge: KNOWLEDGE_TIMEOUT_MS }, responseCache: { store: 'off' } },
  });
}, 120_000);
afterAll(async () => {
  await hub?.stop();
  await knowledge?.close();
});

// `city` (membership) and `forum` (forums) around `resource` (knowledge), a nullable root field.
const QUERY = 'query ($id: ID!) { city(id: "dk-aarhus") { name } resource(id: $id) { title } forum(id: "ran") { name } }';

async function timed(variables: Record<string, unknown>) {
  const started = performance.now();
  const res = await hub.query(QUERY, variables);
  return { res, ms: performance.now() - started };
}

test('fails fast while knowledge is frozen, with the rest of the answer whole, and heals after SIGCONT', async () => {
  const first = await hub.query('{ resources(first: 1) { edges { node { id title } } } }');
  const { id, title } = first.data!.resources.edges[0].node;
  const whole = await hub.query(QUERY, { id });
  expect(whole.errors).toBeUndefined();
  expect(whole.data).toEqual({ city: { name: expect.any(String) }, resource: { title }, forum: { name: expect.any(String) } });
  const rest = { city: whole.data!.city, forum: whole.data!.forum };

  knowledge.signal('SIGSTOP');
  try {
    // Until the breaker opens, each request waits knowledge's timeout.
    for (let i = 0; i < breakerFailures; i++) {
      const { res, ms } = await timed({ id });
      expect(ms).toBeGreaterThanOrEqual(KNOWLEDGE_TIMEOUT_MS - 50);
      expect(res.data).toEqual({ ...rest, resource: null });
      expect(errorCodes(res)).toEqual(['SUBGRAPH_UNAVAILABLE']);
      expect(res.errors?.[0].message).toBe(`The knowledge subgraph did not answer within ${KNOWLEDGE_TIMEOUT_MS} ms; try again shortly`);
    }
    // Open: answered at once, knowledge's part null, the rest whole.
    for (let i = 0; i < 5; i++) {
      const { res, ms } = await timed({ id });
      expect(ms).toBeLessThan(WITHOUT_WAITING_MS);
      expect(res.data).toEqual({ ...rest, resource: null });
      expect(errorCodes(res)).toEqual(['SUBGRAPH_UNAVAILABLE']);
      expect(res.errors?.[0].message).toMatch(/^The knowledge subgraph is failing; failing fast/);
    }
  } finally {
    knowledge.signal('SIGCONT');
  }
  const thawed = performance.now();
  // Still open until the cooldown is over: knowledge is not asked yet.
  const early = await timed({ id });
  expect(early.ms).toBeLessThan(WITHOUT_WAITING_MS);
  expect(early.res.errors?.[0].message).toMatch(/failing fast/);

  let healed: Awaited<ReturnType<typeof timed>> | undefined;
  while (performance.now() - thawed < breakerCooldownMs + 5000) {
    const attempt = await timed({ id });
    if (!attempt.res.errors) {
      healed = attempt;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(healed?.res.data).toEqual({ ...rest, resource: { title } });
  // Whole within the cooldown (counted from the breaker opening, before the thaw) and some margin.
  expect(performance.now() - thawed).toBeLessThan(breakerCooldownMs + 3000);
}, 60_000);
