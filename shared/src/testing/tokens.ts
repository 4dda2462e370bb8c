import { DEVELOPMENT_JWT_SECRET, signToken, type JwtConfig, type Role } from '../auth';
import { DEVELOPMENT_SUBGRAPH_SECRET } from '../config';
import type { ServiceMode } from '../config';

export const TEST_JWT: JwtConfig = { secret: DEVELOPMENT_JWT_SECRET, issuer: 'nsc-hub', audience: 'nsc-hub' };
export const TEST_SUBGRAPH_SECRET = DEVELOPMENT_SUBGRAPH_SECRET;
/** As under NODE_ENV=test: errors masked, introspection on. */
export const TEST_MODE: ServiceMode = { production: false, exposeInternals: false };
export const PRODUCTION_MODE: ServiceMode = { production: true, exposeInternals: false };

export function tokenFor(role: Role, country?: string, expiresIn: string | number = '10m'): Promise<string> {
  return signToken(TEST_JWT, { sub: `test-${role}${country ? `-${country}` : ''}`, role, country }, expiresIn);
}
