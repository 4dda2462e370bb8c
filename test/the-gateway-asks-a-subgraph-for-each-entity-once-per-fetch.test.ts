// The gateway asks a subgraph for each entity once per fetch: where an entity appears in many
// places of the answer so far (the network or forum that published many of the resources on a
// page), Apollo's gateway would send its representation once per place; the hub's sends each
// distinct one once and gives every place its entity back, so the answer is the same and the
// subgraph resolves each entity once.
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { membershipSubgraph } from '@nsc-hub/membership';
import { startSubgraph, type RunningSubgraph } from '@nsc-hub/shared/src/testing';
import { SUBGRAPHS } from '../scripts/subgraphs';
import { startHub, type RunningHub } from './helpers/startHub';

/** What membership was asked: the representations of each `_entities` request. */
const asked: unknown[][] = [];
let membership: RunningSubgraph;
let proxy: Server;
let hub: RunningHub;

beforeAll(async () => {
  membership = await startSubgraph(membershipSubgraph);
  const target = new URL(membership.url);
  // Passes every request on to membership, noting the representations it carries.
  proxy = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const representations = (JSON.parse(body.toString()) as { variables?: { representations?: unknown[] } }).variables?.representations;
      if (representations) asked.push(representations);
      const forward = httpRequest({ host: target.hostname, port: target.port, path: target.pathname, method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  hub = await startHub({
    subgraphs: SUBGRAPHS.filter((s) => s.name !== 'membership'),
    externalSubgraphs: { membership: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/graphql` },
    gateway: { responseCache: { store: 'off' } },
  });
});
afterAll(async () => {
  await hub?.stop();
  await new Promise((resolve) => proxy?.close(resolve));
  await membership?.stop();
});

const PUBLISHERS = `{
  resources(first: 100) {
    edges { node { id publisher { __typename ... on Network { id name } ... on City { id name } ... on Forum { id name } } } }
  }
}`;

interface Publisher {
  __typename: string;
  id: string;
  name: string;
}

test('publishers named many times are asked for once each, and every resource gets its own', async () => {
  asked.length = 0;
  const answer = await hub.query<{ resources: { edges: { node: { id: string; publisher: Publisher | null } }[] } }>(PUBLISHERS);
  expect(answer.errors).toBeUndefined();
  const fromMembership = answer.data!.resources.edges.flatMap(({ node }) => (node.publisher && node.publisher.__typename !== 'Forum' ? [node.publisher] : []));
  const distinct = new Set(fromMembership.map((p) => `${p.__typename}:${p.id}`));
  // The seed's resources share publishers: there is something to ask once.
  expect(fromMembership.length).toBeGreaterThan(distinct.size);

  const sent = asked.flat().map((r) => JSON.stringify(r));
  expect(sent.length).toBe(distinct.size);
  expect(new Set(sent).size).toBe(sent.length);
  // Each place got its own publisher's name, as membership holds it.
  const names = await membership.dataSource.query(`SELECT 'Network:' || id AS key, name FROM membership.networks UNION ALL SELECT 'City:' || id, name FROM membership.cities`);
  const nameOf = new Map(names.map((n: { key: string; name: string }) => [n.key, n.name]));
  for (const publisher of fromMembership) expect(publisher.name).toBe(nameOf.get(`${publisher.__typename}:${publisher.id}`));
});
