import { DEVELOPMENT_JWT_SECRET, signToken, type JwtConfig, type Role } from '../auth';
import { DEVELOPMENT_SUBGRAPH_SECRET } from '../config';
import { loadSubgraphExecutor, type ServiceMode, type SubgraphExecutor } from '../config';

export const TEST_JWT: JwtConfig = { secret: DEVELOPMENT_JWT_SECRET, issuer: 'nsc-hub', audience: 'nsc-hub' };
export const TEST_SUBGRAPH_SECRET = DEVELOPMENT_SUBGRAPH_SECRET;
/** As under NODE_ENV=test: errors masked, introspection on. */
export const TEST_MODE: ServiceMode = { production: false, exposeInternals: false };
export const PRODUCTION_MODE: ServiceMode = { production: true, exposeInternals: false };
/**
 * Every query a test sends a subgraph is executed twice, compiled and by graphql-js, and fails
 * where the two differ (`SUBGRAPH_EXECUTOR=compare`, which the global setup also gives every
 * process the tests start); `SUBGRAPH_EXECUTOR` set for the test run picks another executor.
 */
export const TEST_EXECUTOR: SubgraphExecutor = loadSubgraphExecutor(process.env, 'compare');

export function tokenFor(role: Role, country?: string, expiresIn: string | number = '10m'): Promise<string> {
  return signToken(TEST_JWT, { sub: `test-${role}${country ? `-${country}` : ''}`, role, country }, expiresIn);
}
