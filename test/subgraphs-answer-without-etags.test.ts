// A subgraph's answers carry no ETag: its callers (the gateway, a peer subgraph) never revalidate
// one, and hashing each answer (a 100-city page's part is hundreds of KB) would be work for nothing.
// The gateway's own answers to GET queries still have theirs (http-caching-follows-the-schema-hints).
import { SUBGRAPH_SECRET_HEADER } from '@nsc-hub/shared';
import { TEST_SUBGRAPH_SECRET } from '@nsc-hub/shared/src/testing';
import { startHub, type RunningHub } from './helpers/startHub';

let hub: RunningHub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub?.stop());

it('answers the gateway without an ETag, whichever subgraph', async () => {
  for (const [name, subgraph] of Object.entries(hub.subgraphs)) {
    const res = await fetch(subgraph.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SUBGRAPH_SECRET_HEADER]: TEST_SUBGRAPH_SECRET },
      body: JSON.stringify({ query: '{ _service { sdl } }' }),
    });
    expect({ name, status: res.status, etag: res.headers.get('etag') }).toEqual({ name, status: 200, etag: null });
    expect((await res.json()).data._service.sdl.length).toBeGreaterThan(100);
  }
});
