// First: Apollo's gateway is to receive @apollo/federation-internals with plain exports.
import './plainFederationInternals';
import cors from 'cors';
import express from 'express';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import {
  accessLog,
  accessLogEntryOf,
  assignRequestId,
  callerForRequest,
  createHttpServer,
  envNameOf,
  jsonErrorHandler,
  requestIdOf,
  listen,
  serverModeOptions,
  IDEMPOTENCY_KEY_HEADER,
  onlyGetAndPost,
  parseIdempotencyKey,
  requestFingerprint,
  requestIdOnEveryError,
  useNoNulCharacters,
  useRequestErrors,
  useSchemaPrivacy,
  useAccessLog,
  useServiceUnavailableStatus,
  type Listening,
  type Logger,
} from '@nsc-hub/shared';
import { acceptGraphQLClientGets } from './acceptGraphQLClientGets';
import { AuthenticatedDataSource } from './AuthenticatedDataSource';
import { CircuitBreaker } from './CircuitBreaker';
import { Readiness } from './Readiness';
import { createSubgraphFetcher } from './subgraphFetcher';
import { SubgraphUnavailable } from './SubgraphUnavailable';
import { watchSupergraph } from './watchSupergraph';
import { CacheHints, CachePolicies } from './cachePolicy';
import { ResponseCache } from './responseCache/ResponseCache';
import { SubgraphChanges } from './SubgraphChanges';
import { GatewayMetrics } from './GatewayMetrics';
import { useHttpCaching } from './plugins/useHttpCaching';
import { useResponseCache } from './plugins/useResponseCache';
import { useQueryCost } from './plugins/useQueryCost';
import { useSignedInIntrospection } from './plugins/useSignedInIntrospection';
import { useOperationResolution } from './plugins/useOperationResolution';
import { serveExplorer } from './serveExplorer';
import { servePersistedOperations } from './servePersistedOperations';
import { limitValidationRules, restoreLimitError } from './requestLimits';
import { subgraphNamesIn, timeoutsFor, type GatewayConfig } from './config';
import type { GatewayContext } from './GatewayContext';

export interface Gateway {
  start(): Promise<Listening>;
  stop(): Promise<void>;
  /** What it counts, for `serveMetrics` on a port of its own. */
  readonly metrics: GatewayMetrics;
}

/**
 * The one endpoint: POST/GET /graphql over the composed supergraph; GET /healthz (live) and
 * /readyz (ready to serve; /health is the same).
 */
export function createGateway(config: GatewayConfig, log: Logger): Gateway {
  const httpServer = createHttpServer();
  const names = subgraphNamesIn(config.supergraphSdl);
  const subgraphHttp = createSubgraphFetcher(Math.min(...names.map((name) => timeoutsFor(config, name).queryMs)));
  const breakers = new Map(names.map((name) => [name, new CircuitBreaker(config.breaker)]));
  /** Where each subgraph ever loaded is called; `subgraphUrls` holds those of the supergraph served now, for /readyz. */
  const targets = new Map<string, string>();
  const subgraphUrls: Record<string, string> = {};
  const unavailable = new SubgraphUnavailable(config.supergraphSdl);
  const responseCache = config.responseCache.store === 'off' ? undefined : ResponseCache.create(config.responseCache, config.supergraphSdl, log);
  const metrics = new GatewayMetrics(breakers, () => responseCache?.counts);
  const gateway = new ApolloGateway({
    // Swapped for the file's new content when it changes; the watch ends with `gateway.stop()`.
    supergraphSdl: watchSupergraph(config.supergraphPath, config.supergraphSdl, log),
    // Called for every subgraph a (re)loaded supergraph names, once per name and URL: a subgraph that
    // first appears in a reloaded supergraph gets its breaker and URL here too.
    buildService: ({ name, url }) => {
      const target = config.subgraphUrls[name] ?? url;
      if (!target) throw new Error(`No URL for subgraph "${name}": set ${envNameOf(name)}_URL`);
      targets.set(name, target);
      const breaker = breakers.get(name) ?? new CircuitBreaker(config.breaker);
      breakers.set(name, breaker);
      return new AuthenticatedDataSource(name, target, config.subgraphSecret, timeoutsFor(config, name), subgraphHttp, breaker, unavailable, metrics);
    },
  });
  const readiness = new Readiness({
    subgraphUrls,
    breakerState: (name) => breakers.get(name)?.state ?? 'closed',
    probeTimeoutMs: config.readinessTimeoutMs,
  });
  let cacheHints = CacheHints.fromSupergraph(config.supergraphSdl);
  const policies = new CachePolicies(() => cacheHints);
  gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => {
    cacheHints = CacheHints.fromSupergraph(coreSupergraphSdl);
    responseCache?.supergraphLoaded(coreSupergraphSdl);
    readiness.supergraphLoaded(coreSupergraphSdl);
    unavailable.supergraphLoaded(coreSupergraphSdl);
    // /readyz asks the subgraphs this supergraph joins, not one an earlier supergraph joined. A
    // subgraph dropped and joined again at the same URL gets no new data source: its target is kept.
    for (const name of Object.keys(subgraphUrls)) delete subgraphUrls[name];
    for (const name of subgraphNamesIn(coreSupergraphSdl)) {
      const target = targets.get(name);
      if (target) subgraphUrls[name] = target;
    }
  });
  const persisted = servePersistedOperations(config.persistedOperations, log);
  const modeOptions = serverModeOptions(config.mode);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    ...modeOptions,
    // Production too: useSignedInIntrospection refuses it to anonymous callers there.
    introspection: true,
    formatError: (formatted, error) => modeOptions.formatError(restoreLimitError(formatted, error, config.limits)),
    parseOptions: { maxTokens: config.limits.tokens },
    validationRules: limitValidationRules(config.limits),
    // Automatic persisted queries are Apollo Server's, in its bounded in-memory cache (30 MiB,
    // least recently used out first); the trusted documents are servePersistedOperations'.
    // One operation per HTTP request: a JSON array of operations is refused (Apollo's default, kept on purpose).
    allowBatchedHttpRequests: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // The hub's own explorer (serveExplorer) is the page a browser gets, in every mode.
      ApolloServerPluginLandingPageDisabled(),
      // The schema's hints become HTTP caching in useHttpCaching, computed once per document.
      ApolloServerPluginCacheControlDisabled(),
      useRequestErrors<GatewayContext>(log),
      useNoNulCharacters<GatewayContext>(),
      useOperationResolution(),
      useQueryCost<GatewayContext>(config.limits.cost),
      ...(config.mode.production ? [useSignedInIntrospection(), useSchemaPrivacy<GatewayContext>()] : []),
      useServiceUnavailableStatus<GatewayContext>(),
      useHttpCaching(policies),
      ...(responseCache ? [useResponseCache(responseCache, policies)] : []),
      useAccessLog<GatewayContext>(),
    ],
  });

  const explorer = serveExplorer({ dir: config.explorerDir, introspection: config.mode.production ? 'signed-in' : 'everyone', log });
  const app = express();
  app.disable('x-powered-by');
  app.use(explorer.router);
  // Live: the process answers. Nothing else is asked, so a restart is never caused by a subgraph.
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'live' });
  });
  // Ready: serve traffic here. /health is kept for what already polls it.
  app.get(['/readyz', '/health'], async (_req, res) => {
    const { ready, body } = await readiness.check();
    res.status(ready ? 200 : 503).json(body);
  });

  return {
    metrics,
    async start() {
      await responseCache?.connect();
      await apollo.start();
      app.use(
        '/graphql',
        explorer.forBrowsers,
        assignRequestId(),
        requestIdOnEveryError(),
        accessLog(log),
        metrics.countRequests(),
        cors({ origin: config.corsOrigins === '*' ? '*' : [...config.corsOrigins], maxAge: 600 }),
        onlyGetAndPost(),
        acceptGraphQLClientGets(),
        express.json({ limit: config.limits.bodyBytes }),
        persisted.resolveIds,
        expressMiddleware(apollo, {
          context: async ({ req, res }) => {
            // Clients do not choose request ids: every request got a fresh one on arrival.
            const requestId = requestIdOf(res);
            const authorization = req.headers.authorization;
            const caller = await callerForRequest(config.jwt, authorization, requestId, log);
            persisted.admit(req, caller, requestId);
            const key = parseIdempotencyKey(req.headers[IDEMPOTENCY_KEY_HEADER]);
            const idempotency = key ? { key, fingerprint: requestFingerprint(req.body ?? {}) } : undefined;
            const acceptLanguage = req.headers['accept-language'];
            return { caller, authorization, acceptLanguage, requestId, idempotency, accessLog: accessLogEntryOf(res), changes: new SubgraphChanges() };
          },
        }),
      );
      app.use(jsonErrorHandler(log));
      httpServer.on('request', app);
      const listening = await listen(httpServer, config.port, config.host);
      log.info({ url: `${listening.url}/graphql` }, 'gateway ready');
      return listening;
    },
    async stop() {
      // Not ready from the first moment, while open connections drain.
      await readiness.stop();
      await apollo.stop();
      await subgraphHttp.close();
      await persisted.stop();
      await responseCache?.close();
    },
  };
}
