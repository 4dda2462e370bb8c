// Tokens an attacker might try, against the hub as it runs in production: expired, forged, signed
// with another key or with no key at all, for another issuer or audience. Each is refused with 401
// UNAUTHENTICATED at the gateway before any subgraph is asked, and at a subgraph even when the
// request carries the gateway's secret.
import { SignJWT, base64url } from 'jose';
import { PRODUCTION_MODE, TEST_JWT, TEST_SUBGRAPH_SECRET, errorCodes, graphqlRequest, tokenFor } from '@nsc-hub/shared/src/testing';
import { startHub, type RunningHub } from '../helpers/startHub';
import { hubState } from '../helpers/schemaState';

let hub: RunningHub;
beforeAll(async () => {
  hub = await startHub({ mode: PRODUCTION_MODE });
});
afterAll(() => hub?.stop());

function sign(options: { secret?: string; issuer?: string; audience?: string; alg?: string; expiresIn?: string | number } = {}): Promise<string> {
  return new SignJWT({ role: 'admin' })
    .setProtectedHeader({ alg: options.alg ?? 'HS256' })
    .setSubject('attacker')
    .setIssuer(options.issuer ?? TEST_JWT.issuer)
    .setAudience(options.audience ?? TEST_JWT.audience)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '10m')
    .sign(new TextEncoder().encode(options.secret ?? TEST_JWT.secret));
}

/** An unsigned token ("alg": "none") claiming to be an admin. */
function unsigned(): string {
  const encode = (value: object) => base64url.encode(JSON.stringify(value));
  const now = Math.floor(Date.now() / 1000);
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ sub: 'attacker', role: 'admin', iss: TEST_JWT.issuer, aud: TEST_JWT.audience, iat: now, exp: now + 600 })}.`;
}

async function withForgedSignature(): Promise<string> {
  const [header, payload] = (await tokenFor('admin')).split('.');
  return `${header}.${payload}.${base64url.encode('not the signature')}`;
}

/** A member's token with its payload changed to admin, the signature kept. */
async function withTamperedPayload(): Promise<string> {
  const [header, payload, signature] = (await tokenFor('member')).split('.');
  const claims = JSON.parse(new TextDecoder().decode(base64url.decode(payload)));
  return `${header}.${base64url.encode(JSON.stringify({ ...claims, role: 'admin' }))}.${signature}`;
}

const TOKENS: [string, () => Promise<string> | string, RegExp][] = [
  ['an expired token', () => tokenFor('admin', undefined, -60), /expired/],
  ['a token with a forged signature', withForgedSignature, /not valid/],
  ["a member's token with its role changed to admin", withTamperedPayload, /not valid/],
  ['a token signed with another secret', () => sign({ secret: 'another-secret-that-is-long-enough-to-be-accepted' }), /not valid/],
  ['an unsigned token (alg none)', unsigned, /not valid/],
  ['a token signed with HS512 and the right secret', () => sign({ alg: 'HS512' }), /not valid/],
  ['a token for another issuer', () => sign({ issuer: 'someone-else' }), /not valid/],
  ['a token for another audience', () => sign({ audience: 'another-api' }), /not valid/],
  ['a token that is not a JWT', () => 'definitely-not-a-jwt', /not valid/],
];


const statementsSoFar = () => Object.values(hub.subgraphs).map((s) => s.queries.statements);

describe.each(TOKENS)('%s', (_label, token, message) => {
  test('reading at the gateway: 401 UNAUTHENTICATED, no subgraph asked', async () => {
    const statements = statementsSoFar();
    const res = await hub.query('{ city(id: "dk-copenhagen") { name contacts { email } } }', {}, await token());
    expect(res.status).toBe(401);
    expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
    expect(res.errors?.[0].message).toMatch(message);
    expect(res.errors?.[0].extensions?.requestId).toEqual(expect.any(String));
    expect(res.data ?? null).toBeNull();
    expect(statementsSoFar()).toEqual(statements);
  });

  test('writing at the gateway: 401 UNAUTHENTICATED, nothing written', async () => {
    const before = await hubState(hub);
    const res = await hub.query(
      `mutation { createCity(input: { name: "Forged", country: "DK" }) { id } createResource(input: { title: "Forged", kind: REPORT, languages: ["en"] }) { id } }`,
      {},
      await token(),
    );
    expect(res.status).toBe(401);
    expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
    expect(await hubState(hub)).toEqual(before);
  });

  test('at a subgraph, with the gateway secret: 401 UNAUTHENTICATED, no SQL run', async () => {
    const subgraph = hub.subgraphs.membership;
    const statements = subgraph.queries.statements;
    const res = await graphqlRequest(subgraph.url, '{ countries { code } }', { token: await token(), subgraphSecret: TEST_SUBGRAPH_SECRET });
    expect(res.status).toBe(401);
    expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
    expect(res.data ?? null).toBeNull();
    expect(subgraph.queries.statements).toBe(statements);
  });
});

test('the same request with a valid admin token is served, so the refusals above are about the token', async () => {
  const res = await hub.query('{ city(id: "dk-copenhagen") { name contacts { email } } }', {}, await sign());
  expect(res.errors).toBeUndefined();
  expect(res.data?.city.name).toBe('Copenhagen');
});

test.each([
  ['a Basic scheme', 'Basic YWRtaW46YWRtaW4='],
  ['a bare token without the scheme', 'TOKEN'],
  ['an empty Bearer', 'Bearer '],
])('an Authorization header with %s: 401 UNAUTHENTICATED', async (_label, header) => {
  const value = header.replace('TOKEN', await tokenFor('admin'));
  const res = await graphqlRequest(hub.url, '{ countries { code } }', { headers: { authorization: value } });
  expect(res.status).toBe(401);
  expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
});
