import { DEVELOPMENT_JWT_SECRET } from '../src/auth';
import { DEVELOPMENT_SUBGRAPH_SECRET, databaseUrlFor, loadServiceMode, loadSubgraphConfig, loadSubgraphSecret } from '../src/config';

const PRODUCTION_SECRETS = {
  NODE_ENV: 'production',
  SUBGRAPH_SECRET: 'our-own-subgraph-secret',
  JWT_SECRET: 'our-own-jwt-secret-of-at-least-32-characters',
};

describe('loadSubgraphSecret', () => {
  it('uses the development default outside production', () => {
    expect(loadSubgraphSecret({})).toBe(DEVELOPMENT_SUBGRAPH_SECRET);
    expect(loadSubgraphSecret({ NODE_ENV: 'test' })).toBe(DEVELOPMENT_SUBGRAPH_SECRET);
  });

  it('refuses the development default in production, whether unset or set explicitly', () => {
    expect(() => loadSubgraphSecret({ NODE_ENV: 'production' })).toThrow(/SUBGRAPH_SECRET must be set/);
    expect(() => loadSubgraphSecret({ NODE_ENV: 'production', SUBGRAPH_SECRET: DEVELOPMENT_SUBGRAPH_SECRET })).toThrow(/SUBGRAPH_SECRET must be set/);
  });

  it('accepts a secret of its own in production', () => {
    expect(loadSubgraphSecret({ NODE_ENV: 'production', SUBGRAPH_SECRET: 'our-own-subgraph-secret' })).toBe('our-own-subgraph-secret');
  });
});

describe('loadSubgraphConfig', () => {
  it('falls back to the default port, loopback host, pool of 5 and development secrets', () => {
    expect(loadSubgraphConfig('membership', 4001, {})).toEqual({
      name: 'membership',
      host: '127.0.0.1',
      port: 4001,
      databaseUrl: undefined,
      poolSize: 5,
      subgraphSecret: DEVELOPMENT_SUBGRAPH_SECRET,
      jwt: { secret: DEVELOPMENT_JWT_SECRET, issuer: 'nsc-hub', audience: 'nsc-hub' },
      mode: { production: false, exposeInternals: true },
      peerUrls: {},
      metrics: { host: '127.0.0.1', port: 9465 },
      executor: 'compiled',
    });
  });

  it('executes compiled unless SUBGRAPH_EXECUTOR names graphql-js or compare, and refuses anything else', () => {
    expect(loadSubgraphConfig('membership', 4001, { SUBGRAPH_EXECUTOR: 'graphql-js' }).executor).toBe('graphql-js');
    expect(loadSubgraphConfig('membership', 4001, { SUBGRAPH_EXECUTOR: 'compare' }).executor).toBe('compare');
    expect(() => loadSubgraphConfig('membership', 4001, { SUBGRAPH_EXECUTOR: 'jit' })).toThrow('SUBGRAPH_EXECUTOR must be one of compiled, graphql-js, compare, not "jit"');
  });

  it('serves metrics at <NAME>_METRICS_PORT, by default its default port + 5464, on METRICS_HOST', () => {
    expect(loadSubgraphConfig('forums', 4003, {}).metrics).toEqual({ host: '127.0.0.1', port: 9467 });
    // Its own port moved, its metrics stay where the operator's scraper looks for them.
    expect(loadSubgraphConfig('forums', 4003, { FORUMS_PORT: '5003' }).metrics.port).toBe(9467);
    expect(loadSubgraphConfig('forums', 4003, { FORUMS_METRICS_PORT: '9100', METRICS_PORT: '9200', METRICS_HOST: '0.0.0.0' }).metrics).toEqual({ host: '0.0.0.0', port: 9100 });
  });

  it('finds the subgraphs it asks at <PEER>_URL, else on their default port on this machine', () => {
    const peers = { membership: 4001, knowledge: 4002 };
    expect(loadSubgraphConfig('forums', 4003, { MEMBERSHIP_URL: 'http://members.internal:8080/graphql' }, peers).peerUrls).toEqual({
      membership: 'http://members.internal:8080/graphql',
      knowledge: 'http://127.0.0.1:4002/graphql',
    });
    expect(loadSubgraphConfig('forums', 4003, { KNOWLEDGE_PORT: '5002' }, peers).peerUrls.knowledge).toBe('http://127.0.0.1:5002/graphql');
    expect(() => loadSubgraphConfig('forums', 4003, { KNOWLEDGE_URL: 'not a url' }, peers)).toThrow();
  });

  it('reads the port from <NAME>_PORT and ignores other subgraphs\' ports', () => {
    expect(loadSubgraphConfig('membership', 4001, { MEMBERSHIP_PORT: '5001', CASES_PORT: '6001' }).port).toBe(5001);
    expect(loadSubgraphConfig('membership', 4001, { CASES_PORT: '6001' }).port).toBe(4001);
  });

  it('rejects a <NAME>_PORT that is not a non-negative integer', () => {
    expect(() => loadSubgraphConfig('membership', 4001, { MEMBERSHIP_PORT: 'http' })).toThrow(/MEMBERSHIP_PORT/);
  });

  it('uses DATABASE_URL when there is no <NAME>_DATABASE_URL', () => {
    expect(loadSubgraphConfig('membership', 4001, { DATABASE_URL: 'postgres://shared/hub' }).databaseUrl).toBe('postgres://shared/hub');
  });

  it('lets <NAME>_DATABASE_URL override DATABASE_URL', () => {
    const env = { DATABASE_URL: 'postgres://shared/hub', MEMBERSHIP_DATABASE_URL: 'postgres://own/membership' };
    expect(loadSubgraphConfig('membership', 4001, env).databaseUrl).toBe('postgres://own/membership');
    expect(databaseUrlFor('cases', env)).toBe('postgres://shared/hub');
  });

  it('reads SUBGRAPH_HOST and DB_POOL_SIZE', () => {
    const config = loadSubgraphConfig('membership', 4001, { SUBGRAPH_HOST: '0.0.0.0', DB_POOL_SIZE: '12' });
    expect(config.host).toBe('0.0.0.0');
    expect(config.poolSize).toBe(12);
  });

  it('refuses to load in production without secrets of its own', () => {
    expect(() => loadSubgraphConfig('membership', 4001, { NODE_ENV: 'production' })).toThrow(/SECRET must be set/);
  });

  it('loads in production with secrets of its own and masks internals', () => {
    const config = loadSubgraphConfig('membership', 4001, PRODUCTION_SECRETS);
    expect(config.subgraphSecret).toBe('our-own-subgraph-secret');
    expect(config.jwt.secret).toBe(PRODUCTION_SECRETS.JWT_SECRET);
    expect(config.mode).toEqual({ production: true, exposeInternals: false });
  });
});

describe('loadServiceMode', () => {
  it('exposes internals when NODE_ENV is unset or blank', () => {
    expect(loadServiceMode({})).toEqual({ production: false, exposeInternals: true });
    expect(loadServiceMode({ NODE_ENV: ' ' })).toEqual({ production: false, exposeInternals: true });
  });

  it('exposes internals when NODE_ENV is development', () => {
    expect(loadServiceMode({ NODE_ENV: 'development' })).toEqual({ production: false, exposeInternals: true });
  });

  it('hides internals but is not production when NODE_ENV is test', () => {
    expect(loadServiceMode({ NODE_ENV: 'test' })).toEqual({ production: false, exposeInternals: false });
  });

  it('hides internals and flags production when NODE_ENV is production', () => {
    expect(loadServiceMode({ NODE_ENV: 'production' })).toEqual({ production: true, exposeInternals: false });
  });
});
