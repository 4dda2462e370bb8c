import path from 'node:path';
import { DEFAULT_PERSISTED_OPERATIONS_PATH, DEFAULT_RESILIENCE, RESPONSE_CACHE_MEMORY_BYTES, loadConfig, timeoutsFor } from '../src/config';

test('without settings: 3 s for queries, 10 s for mutations, a breaker of 5 failures and 2 s', () => {
  const config = loadConfig({});
  expect(DEFAULT_RESILIENCE).toEqual({ subgraphTimeoutMs: 3000, mutationTimeoutMs: 10_000, breakerFailures: 5, breakerCooldownMs: 2000, readinessTimeoutMs: 1000 });
  expect(timeoutsFor(config, 'knowledge')).toEqual({ queryMs: 3000, mutationMs: 10_000 });
  expect(config.breaker).toEqual({ failures: 5, cooldownMs: 2000 });
  expect(config.readinessTimeoutMs).toBe(1000);
});

test('<NAME>_TIMEOUT_MS for a subgraph the supergraph joins, SUBGRAPH_TIMEOUT_MS for the others', () => {
  const config = loadConfig({ SUBGRAPH_TIMEOUT_MS: '2000', KNOWLEDGE_TIMEOUT_MS: '500', FORUMS_TIMEOUT_MS: '15000', SUBGRAPH_MUTATION_TIMEOUT_MS: '8000', UNKNOWN_TIMEOUT_MS: 'x' });
  expect(timeoutsFor(config, 'knowledge')).toEqual({ queryMs: 500, mutationMs: 8000 });
  expect(timeoutsFor(config, 'membership')).toEqual({ queryMs: 2000, mutationMs: 8000 });
  // A mutation never gets less time than the subgraph's queries.
  expect(timeoutsFor(config, 'forums')).toEqual({ queryMs: 15_000, mutationMs: 15_000 });
});

test.each([
  ['KNOWLEDGE_TIMEOUT_MS', '0', /KNOWLEDGE_TIMEOUT_MS must be at least 1/],
  ['SUBGRAPH_TIMEOUT_MS', 'soon', /SUBGRAPH_TIMEOUT_MS must be a non-negative integer/],
  ['BREAKER_FAILURES', '0', /BREAKER_FAILURES must be at least 1/],
  ['BREAKER_COOLDOWN_MS', '-5', /BREAKER_COOLDOWN_MS must be a non-negative integer/],
  ['READINESS_TIMEOUT_MS', '0', /READINESS_TIMEOUT_MS must be at least 1/],
])('refuses to start with %s=%s', (name, value, message) => {
  expect(() => loadConfig({ [name]: value })).toThrow(message);
});

test('trusted documents: allowed beside others in development, the only ones for anonymous callers in production, and the mode checked', () => {
  const production = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), SUBGRAPH_SECRET: 'y'.repeat(40) };
  expect(loadConfig({}).persistedOperations).toEqual({ mode: 'allow', path: DEFAULT_PERSISTED_OPERATIONS_PATH });
  expect(loadConfig(production).persistedOperations.mode).toBe('only');
  expect(loadConfig({ ...production, PERSISTED_OPERATIONS: 'allow' }).persistedOperations.mode).toBe('allow');
  expect(loadConfig({ PERSISTED_OPERATIONS_PATH: 'elsewhere.json' }).persistedOperations.path).toBe(path.resolve('elsewhere.json'));
  expect(() => loadConfig({ PERSISTED_OPERATIONS: 'some' })).toThrow('PERSISTED_OPERATIONS must be one of off, allow, only, not "some"');
});

test('the response cache: in this process by default, in Redis with REDIS_URL, off with RESPONSE_CACHE=off', () => {
  expect(loadConfig({}).responseCache).toEqual({ store: 'memory', maxBytes: RESPONSE_CACHE_MEMORY_BYTES });
  expect(loadConfig({ REDIS_URL: 'redis://cache.internal:6379/2' }).responseCache).toEqual({ store: 'redis', url: 'redis://cache.internal:6379/2', keyPrefix: 'nsc-hub:' });
  expect(loadConfig({ REDIS_URL: 'rediss://cache.internal', REDIS_KEY_PREFIX: 'staging:' }).responseCache).toMatchObject({ keyPrefix: 'staging:' });
  expect(loadConfig({ RESPONSE_CACHE: 'off', REDIS_URL: 'redis://cache.internal' }).responseCache).toEqual({ store: 'off' });
  expect(() => loadConfig({ REDIS_URL: 'http://cache.internal' })).toThrow('REDIS_URL must be a redis:// or rediss:// address, not "http://cache.internal"');
  expect(() => loadConfig({ RESPONSE_CACHE: 'sometimes' })).toThrow('RESPONSE_CACHE must be true or false, got "sometimes"');
});

test('metrics: GET /metrics on loopback port 9464 unless METRICS_HOST or METRICS_PORT say otherwise', () => {
  expect(loadConfig({}).metrics).toEqual({ host: '127.0.0.1', port: 9464 });
  expect(loadConfig({ METRICS_HOST: '0.0.0.0', METRICS_PORT: '9100', GATEWAY_PORT: '8080' }).metrics).toEqual({ host: '0.0.0.0', port: 9100 });
  expect(() => loadConfig({ METRICS_PORT: 'nine' })).toThrow(/METRICS_PORT/);
});
