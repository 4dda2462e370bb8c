// One subgraph asking another (forums asking membership whether a city exists) gets the owner's
// records in order, null for the ones it does not have; an owner that is down, slow or failing is
// SUBGRAPH_UNAVAILABLE naming it, never its host or port; a peer that refuses the request (wrong
// secret) is a configuration error, not the caller's.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { GraphQLError } from 'graphql';
import { createPeerSubgraph } from '../src/server/PeerSubgraph';
import { REQUEST_ID_HEADER, SUBGRAPH_SECRET_HEADER } from '../src/config';
import { freePort } from '../src/testing/globalSetup';

const SECRET = 'peer-test-secret';
const log = pino({ level: 'silent' });
type Handler = (body: { query: string; variables: { representations: { __typename: string; id: string }[] } }, req: http.IncomingMessage, res: http.ServerResponse) => void;

let server: http.Server;
let url: string;
let handler: Handler;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => handler(JSON.parse(text), req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const json = (res: http.ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

async function failure(promise: Promise<unknown>): Promise<GraphQLError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GraphQLError);
  return error as GraphQLError;
}

test('asks _entities with the shared secret and the request id, and returns the answers in order', async () => {
  const seen: { secret?: string | string[]; requestId?: string | string[]; query?: string } = {};
  handler = (body, req, res) => {
    Object.assign(seen, { secret: req.headers[SUBGRAPH_SECRET_HEADER], requestId: req.headers[REQUEST_ID_HEADER], query: body.query });
    json(res, 200, { data: { _entities: body.variables.representations.map((r) => (r.id === 'dk-aarhus' ? { id: r.id, country: { code: 'DK' } } : null)) } });
  };
  const peer = createPeerSubgraph({ name: 'membership', url, secret: SECRET });
  const found = await peer.entities(
    [
      { __typename: 'City', id: 'dk-nowhere' },
      { __typename: 'City', id: 'dk-aarhus' },
    ],
    '... on City { id country { code } }',
    { requestId: 'req-1', log },
  );
  expect(found).toEqual([null, { id: 'dk-aarhus', country: { code: 'DK' } }]);
  expect(seen).toEqual({ secret: SECRET, requestId: 'req-1', query: expect.stringContaining('_entities(representations: $representations) { ... on City { id country { code } } }') });
});

test('asks nothing for no representations', async () => {
  handler = () => {
    throw new Error('must not be called');
  };
  await expect(createPeerSubgraph({ name: 'membership', url, secret: SECRET }).entities([], '... on City { id }', { requestId: 'req-2', log })).resolves.toEqual([]);
});

test.each([
  ['answers 503', (_body: unknown, _req: unknown, res: http.ServerResponse) => json(res, 503, { errors: [{ message: 'connect ECONNREFUSED 10.0.0.7:5432' }] })],
  ['answers with something that is not JSON', (_body: unknown, _req: unknown, res: http.ServerResponse) => res.end('<html>bad gateway</html>')],
])('a peer that %s is SUBGRAPH_UNAVAILABLE naming it, without host, port or its message', async (_name, respond) => {
  handler = respond as Handler;
  const error = await failure(createPeerSubgraph({ name: 'membership', url, secret: SECRET }).entities([{ __typename: 'City', id: 'dk-aarhus' }], '... on City { id }', { requestId: 'r', log }));
  expect(error.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'membership' });
  expect(error.message).toMatch(/membership/);
  expect(JSON.stringify({ message: error.message, extensions: error.extensions })).not.toMatch(/127\.0\.0\.1|localhost|5432|ECONNREFUSED|\d{4,5}/);
});

test('a peer that does not answer in time is SUBGRAPH_UNAVAILABLE', async () => {
  handler = () => {
    /* never answers */
  };
  const error = await failure(
    createPeerSubgraph({ name: 'knowledge', url, secret: SECRET, timeoutMs: 200 }).entities([{ __typename: 'Resource', id: 'x' }], '... on Resource { id }', { requestId: 'r', log }),
  );
  expect(error.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'knowledge' });
});

test('a peer nobody listens on, or with no URL configured, is SUBGRAPH_UNAVAILABLE', async () => {
  const closed = `http://127.0.0.1:${await freePort()}/graphql`;
  for (const peerUrl of [closed, undefined]) {
    const error = await failure(createPeerSubgraph({ name: 'membership', url: peerUrl, secret: SECRET }).entities([{ __typename: 'City', id: 'a' }], '... on City { id }', { requestId: 'r', log }));
    expect(error.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'membership' });
    expect(error.message).not.toMatch(/127\.0\.0\.1|localhost|\d{4,5}/);
  }
});

test('a peer that refuses the request (a wrong shared secret) is an internal error, not the caller\'s', async () => {
  handler = (_body, _req, res) => json(res, 401, { errors: [{ message: 'This subgraph only answers the gateway', extensions: { code: 'UNAUTHENTICATED' } }] });
  const error = await createPeerSubgraph({ name: 'membership', url, secret: 'wrong' })
    .entities([{ __typename: 'City', id: 'a' }], '... on City { id }', { requestId: 'r', log })
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  expect(error).toBeInstanceOf(Error);
  expect(error).not.toBeInstanceOf(GraphQLError);
  expect(String(error)).toMatch(/membership subgraph refused/);
});
