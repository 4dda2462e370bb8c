import { SignJWT } from 'jose';
import { ANONYMOUS, callerFromAuthorization, signToken, type JwtConfig, type Role } from '../src/auth';
import { graphqlRejectionFrom } from './errorAssertions';

const CONFIG: JwtConfig = { secret: 'unit-test-secret-that-is-at-least-32-characters', issuer: 'nsc-hub-test', audience: 'nsc-hub-test-api' };

/** Signs arbitrary claims with CONFIG's secret, issuer and audience, bypassing signToken's typing. */
function signRaw(claims: Record<string, unknown>, options: { alg?: string; expiresIn?: string | null; sub?: string } = {}): Promise<string> {
  let jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: options.alg ?? 'HS256' })
    .setSubject(options.sub ?? 'raw-user')
    .setIssuer(CONFIG.issuer)
    .setAudience(CONFIG.audience)
    .setIssuedAt();
  if (options.expiresIn !== null) jwt = jwt.setExpirationTime(options.expiresIn ?? '5m');
  return jwt.sign(new TextEncoder().encode(CONFIG.secret));
}

async function expectUnauthenticated(header: string, message?: RegExp): Promise<void> {
  const error = await graphqlRejectionFrom(callerFromAuthorization(CONFIG, header));
  expect(error.extensions).toMatchObject({ code: 'UNAUTHENTICATED', http: { status: 401 } });
  if (message) expect(error.message).toMatch(message);
}

describe('callerFromAuthorization', () => {
  it.each<[Role, string | undefined]>([
    ['member', undefined],
    ['member', 'SE'],
    ['editor', 'DK'],
    ['admin', undefined],
  ])('round-trips a %s token (country %s) signed by signToken', async (role, country) => {
    const token = await signToken(CONFIG, { sub: `user-${role}`, role, country });
    await expect(callerFromAuthorization(CONFIG, `Bearer ${token}`)).resolves.toEqual({
      kind: 'user',
      sub: `user-${role}`,
      role,
      country: country ?? null,
    });
  });

  it('accepts the scheme case-insensitively and surrounding whitespace', async () => {
    const token = await signToken(CONFIG, { sub: 'u1', role: 'admin' });
    await expect(callerFromAuthorization(CONFIG, `  bearer   ${token}  `)).resolves.toMatchObject({ kind: 'user', role: 'admin' });
  });

  it('treats a missing header as the anonymous caller', async () => {
    await expect(callerFromAuthorization(CONFIG, undefined)).resolves.toBe(ANONYMOUS);
  });

  it('treats a blank header as the anonymous caller', async () => {
    await expect(callerFromAuthorization(CONFIG, '   ')).resolves.toEqual({ kind: 'anonymous' });
  });

  it.each(['Basic x', 'Bearer', 'Bearer   ', 'Token abc', 'Bearer a b'])('rejects the malformed header %j with UNAUTHENTICATED', async (header) => {
    await expectUnauthenticated(header, /Bearer <token>/);
  });

  it('rejects a token that is not a JWT with UNAUTHENTICATED', async () => {
    await expectUnauthenticated('Bearer not.a.jwt', /not valid/);
  });

  it('rejects an expired token with UNAUTHENTICATED and says it has expired', async () => {
    const token = await signToken(CONFIG, { sub: 'u1', role: 'admin' }, '-1m');
    await expectUnauthenticated(`Bearer ${token}`, /expired/);
  });

  it('rejects a token signed with another secret with UNAUTHENTICATED', async () => {
    const token = await signToken({ ...CONFIG, secret: 'another-secret-that-is-also-32-characters-long' }, { sub: 'u1', role: 'admin' });
    await expectUnauthenticated(`Bearer ${token}`, /not valid/);
  });

  it('rejects a token whose signature was tampered with with UNAUTHENTICATED', async () => {
    const token = await signToken(CONFIG, { sub: 'u1', role: 'member' });
    const [header, , signature] = token.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ sub: 'u1', role: 'admin', iss: CONFIG.issuer, aud: CONFIG.audience, exp: 9999999999 })).toString('base64url');
    await expectUnauthenticated(`Bearer ${header}.${forgedPayload}.${signature}`, /not valid/);
  });

  it('rejects a token from another issuer with UNAUTHENTICATED', async () => {
    const token = await signToken({ ...CONFIG, issuer: 'someone-else' }, { sub: 'u1', role: 'admin' });
    await expectUnauthenticated(`Bearer ${token}`, /not valid/);
  });

  it('rejects a token for another audience with UNAUTHENTICATED', async () => {
    const token = await signToken({ ...CONFIG, audience: 'another-api' }, { sub: 'u1', role: 'admin' });
    await expectUnauthenticated(`Bearer ${token}`, /not valid/);
  });

  it('rejects a token signed with an algorithm other than HS256 with UNAUTHENTICATED', async () => {
    const token = await signRaw({ role: 'admin' }, { alg: 'HS512' });
    await expectUnauthenticated(`Bearer ${token}`, /not valid/);
  });

  it('rejects a token without an expiry with UNAUTHENTICATED', async () => {
    const token = await signRaw({ role: 'admin' }, { expiresIn: null });
    await expectUnauthenticated(`Bearer ${token}`, /not valid/);
  });

  it('rejects a token with an unknown role with UNAUTHENTICATED', async () => {
    const token = await signToken(CONFIG, { sub: 'u1', role: 'superuser' as Role });
    await expectUnauthenticated(`Bearer ${token}`, /role must be one of member, editor, admin/);
  });

  it('rejects a token without a role with UNAUTHENTICATED', async () => {
    const token = await signRaw({});
    await expectUnauthenticated(`Bearer ${token}`, /role/);
  });

  it('rejects an editor token without a country with UNAUTHENTICATED', async () => {
    const token = await signToken(CONFIG, { sub: 'u1', role: 'editor' });
    await expectUnauthenticated(`Bearer ${token}`, /editor token must name its country/);
  });

  it.each(['DNK', 'D', '12', 'SECRETARIAT'])('rejects a token whose country %j is not an alpha-2 code with UNAUTHENTICATED', async (country) => {
    const token = await signRaw({ role: 'editor', country });
    await expectUnauthenticated(`Bearer ${token}`, /country/);
  });

  it('upper-cases a lower-case country claim', async () => {
    const token = await signToken(CONFIG, { sub: 'u1', role: 'editor', country: 'dk' });
    await expect(callerFromAuthorization(CONFIG, `Bearer ${token}`)).resolves.toEqual({ kind: 'user', sub: 'u1', role: 'editor', country: 'DK' });
  });
});
