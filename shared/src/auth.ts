import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { ERRORS } from './errors';
import { getEnvStr, isProduction, type Env } from './env';

export const ROLES = ['member', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Owner of records that belong to no single country (networks, the shared catalogue). */
export const SECRETARIAT = 'SECRETARIAT';

export type Caller =
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'user'; readonly sub: string; readonly role: Role; readonly country: string | null };

export const ANONYMOUS: Caller = { kind: 'anonymous' };

export interface JwtConfig {
  readonly secret: string;
  readonly issuer: string;
  readonly audience: string;
}

/** Development only: `NODE_ENV=production` refuses to start with it. */
export const DEVELOPMENT_JWT_SECRET = 'nsc-hub-development-jwt-secret-do-not-use-in-production';

export function loadJwtConfig(env: Env): JwtConfig {
  const secret = getEnvStr(env, 'JWT_SECRET', DEVELOPMENT_JWT_SECRET);
  if (isProduction(env) && secret === DEVELOPMENT_JWT_SECRET) {
    throw new Error('JWT_SECRET must be set to a secret of your own when NODE_ENV=production');
  }
  if (secret.length < 32) throw new Error('JWT_SECRET must be at least 32 characters');
  return {
    secret,
    issuer: getEnvStr(env, 'JWT_ISSUER', 'nsc-hub'),
    audience: getEnvStr(env, 'JWT_AUDIENCE', 'nsc-hub'),
  };
}

const COUNTRY_CODE = /^[A-Z]{2}$/;

export interface TokenClaims {
  sub: string;
  role: Role;
  country?: string;
}

export async function signToken(config: JwtConfig, claims: TokenClaims, expiresIn: string | number = '8h'): Promise<string> {
  return new SignJWT({ role: claims.role, ...(claims.country ? { country: claims.country } : {}) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setIssuer(config.issuer)
    .setAudience(config.audience)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(config.secret));
}

/**
 * Turns an Authorization header into a caller. No header is an anonymous caller;
 * a header that is present but wrong (malformed, forged, expired, bad claims) is UNAUTHENTICATED,
 * never silently anonymous.
 */
export async function callerFromAuthorization(config: JwtConfig, header: string | undefined): Promise<Caller> {
  if (header === undefined || header.trim() === '') return ANONYMOUS;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>"');
  let payload;
  try {
    ({ payload } = await jwtVerify(match[1], new TextEncoder().encode(config.secret), {
      algorithms: ['HS256'],
      issuer: config.issuer,
      audience: config.audience,
      requiredClaims: ['sub', 'exp'],
    }));
  } catch (error) {
    const expired = error instanceof joseErrors.JWTExpired;
    throw unauthenticated(expired ? 'The token has expired' : 'The token is not valid');
  }
  const role = payload.role;
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
    throw unauthenticated(`The token's role must be one of ${ROLES.join(', ')}`);
  }
  const country = typeof payload.country === 'string' ? payload.country.toUpperCase() : null;
  if (country !== null && !COUNTRY_CODE.test(country)) throw unauthenticated("The token's country must be an ISO 3166-1 alpha-2 code");
  if (role === 'editor' && country === null) throw unauthenticated('An editor token must name its country');
  return { kind: 'user', sub: payload.sub as string, role: role as Role, country };
}

function unauthenticated(message: string) {
  return ERRORS.UNAUTHENTICATED.err(message, { http: { status: 401 } });
}

export function isSignedIn(caller: Caller): caller is Extract<Caller, { kind: 'user' }> {
  return caller.kind === 'user';
}

/** Personal data (contact persons) is for signed-in callers only. */
export function assertSignedIn(caller: Caller, what: string): asserts caller is Extract<Caller, { kind: 'user' }> {
  if (!isSignedIn(caller)) throw ERRORS.UNAUTHENTICATED.err(`Sign in to see ${what}`);
}

/**
 * Only editors and admins write: anonymous callers and members are turned away before any input
 * is looked at or any record loaded.
 */
export function assertWriter(caller: Caller, what: string): asserts caller is Extract<Caller, { kind: 'user' }> {
  if (!isSignedIn(caller)) throw ERRORS.UNAUTHENTICATED.err(`Sign in to change ${what}`);
  if (caller.role === 'member') throw ERRORS.FORBIDDEN.err(`Members may read but not change ${what}`);
}

/** The audit log and other secretariat tools: admins only. */
export function assertAdmin(caller: Caller, what: string): void {
  if (!isSignedIn(caller)) throw ERRORS.UNAUTHENTICATED.err(`Sign in as an admin to see ${what}`);
  if (caller.role !== 'admin') throw ERRORS.FORBIDDEN.err(`Only admins may see ${what}`);
}

/**
 * Writes: admins write everything; an editor writes records owned by its own country;
 * members and anonymous callers write nothing.
 */
export function assertCanWrite(caller: Caller, owner: string, what: string): void {
  assertWriter(caller, what);
  if (caller.role === 'admin') return;
  if (caller.role === 'editor' && owner !== SECRETARIAT && caller.country === owner) return;
  const scope = caller.role === 'editor' ? `an editor for ${caller.country}` : `a ${caller.role}`;
  throw ERRORS.FORBIDDEN.err(`${what} is owned by ${owner}; ${scope} may not change it`);
}

/** A description of the caller for the audit log. */
export function auditActor(caller: Caller): { sub: string | null; role: string; country: string | null } {
  return isSignedIn(caller)
    ? { sub: caller.sub, role: caller.role, country: caller.country }
    : { sub: null, role: 'anonymous', country: null };
}
