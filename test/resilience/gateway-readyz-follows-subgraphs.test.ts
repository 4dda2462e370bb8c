// The gateway's /readyz tells the truth about the whole hub: 200 while every subgraph's own /readyz
// answers 200, 503 naming the subgraph while one is down (its process ended), and 200 again once it
// is back on its port; /healthz (the gateway process answers) stays 200 throughout.
import { knowledgeSubgraph } from '@nsc-hub/knowledge';
import { SUBGRAPHS } from '../../scripts/subgraphs';
import { startHub, type RunningHub } from '../helpers/startHub';
import { startSubgraphProcess, type SubgraphProcess } from '../helpers/subgraphProcess';

let knowledge: SubgraphProcess;
let hub: RunningHub;
beforeAll(async () => {
  knowledge = await startSubgraphProcess(knowledgeSubgraph);
  hub = await startHub({ subgraphs: SUBGRAPHS.filter((s) => s.name !== 'knowledge'), externalSubgraphs: { knowledge: knowledge.url } });
}, 120_000);
afterAll(async () => {
  await hub?.stop();
  await knowledge?.close();
});

async function get(path: string): Promise<{ status: number; body: Record<string, any> }> {
  const res = await fetch(`${hub.origin}${path}`);
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

/** Asks /readyz until it answers `status` (its answers are kept for a second), at most 10 s. */
async function readyzUntil(status: number) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const res = await get('/readyz');
    if (res.status === status || Date.now() > deadline) return res;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

test('503 naming knowledge while it is down, 200 once it is back; /healthz 200 throughout', async () => {
  const ready = await readyzUntil(200);
  expect(ready.status).toBe(200);
  const allReady = Object.fromEntries(SUBGRAPHS.map((s) => [s.name, 'ready']));
  expect(ready.body).toEqual({ status: 'ready', supergraph: { hash: expect.stringMatching(/^[0-9a-f]{64}$/) }, subgraphs: allReady });

  await knowledge.stop();
  const down = await readyzUntil(503);
  expect(down.status).toBe(503);
  expect(down.body).toMatchObject({
    status: 'not ready',
    subgraphs: { ...allReady, knowledge: { status: 'not ready', breaker: expect.any(String) } },
  });
  expect(await get('/healthz')).toEqual({ status: 200, body: { status: 'live' } });

  await knowledge.start();
  expect((await readyzUntil(200)).status).toBe(200);
  expect((await get('/healthz')).status).toBe(200);
}, 60_000);
