import { timingSafeEqual } from 'node:crypto';
import express from 'express';
import { parse } from 'graphql';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { Caller } from '../auth';
import type { EntityChange } from '../db/audit';
import { orderLocaleFromHeader, type OrderLocale } from '../orderLocale';
import { ERRORS } from '../errors';
import { resolveTotalCounts } from '../pagination';
import { SUBGRAPH_SECRET_HEADER, type SubgraphServerConfig } from '../config';
import { DatabaseOutage } from '../db/DatabaseOutage';
import { createDatabasePing } from '../db/createDatabasePing';
import { isDatabaseUnavailable } from '../db/isDatabaseUnavailable';
import { serverModeOptions, useRequestErrors, type RequestContextBase } from './errorHandling';
import { createHttpServer, listen, type Listening } from './listen';
import { assignRequestId, callerForRequest, jsonErrorHandler, onlyGetAndPost, requestIdOf, requestIdOnEveryError } from './requestContext';
import { useSchemaPrivacy } from './useSchemaPrivacy';
import { useIdempotencyKeys, type IdempotencyStore } from './useIdempotencyKeys';
import { useNoNulCharacters } from './useNoNulCharacters';
import { useChangeReport } from './useChangeReport';
import { useServiceUnavailableStatus } from './useServiceUnavailableStatus';
import { accessLog, accessLogEntryOf, useAccessLog } from './useAccessLog';
import { executionFor } from './executionFor';
import { executionGateway } from './executionGateway';
import { FRESH_CONTEXT } from './comparedExecution';
import { RequestSelection } from './RequestSelection';
import { useSelectedFields } from './useSelectedFields';
import { ServiceMetrics } from '../metrics/ServiceMetrics';
import { addDatabaseMetrics } from '../metrics/databaseMetrics';

/** What every subgraph's request context has. */
export interface SubgraphContextBase extends RequestContextBase {
  readonly caller: Caller;
  /** The alphabetical order the client asked for (`Accept-Language`, forwarded by the gateway), for lists by name. */
  readonly orderLocale: OrderLocale;
  /** Everything that logs during the request logs here: each line carries its request id. */
  readonly log: Logger;
  /** What the request changed (`appendAudit` notes it), reported to the gateway by `useChangeReport`. */
  readonly changes: EntityChange[];
  /** What the request's query selects (`useSelectedFields`), so loaders read only the columns it needs. */
  readonly selection: RequestSelection;
}

export interface SubgraphServerOptions<TContext extends SubgraphContextBase> {
  readonly config: SubgraphServerConfig;
  readonly typeDefs: string;
  readonly resolvers: GraphQLResolverMap<TContext>;
  /** Builds the per-request context (DataLoaders are created here, once per request). */
  readonly context: (args: { caller: Caller; requestId: string; log: Logger; orderLocale: OrderLocale; changes: EntityChange[]; selection: RequestSelection }) => TContext | Promise<TContext>;
  readonly log: Logger;
  /** The subgraph's database (initialised): /readyz asks it, and its outages are reported once. */
  readonly dataSource: DataSource;
  /** Where mutations with an Idempotency-Key keep their results (the subgraph's own database). */
  readonly idempotency: IdempotencyStore;
}

/** How long /readyz waits for `SELECT 1`: a probe must answer even when the database hangs. */
const READINESS_TIMEOUT_MS = 1000;

/** pg's pool, as TypeORM's postgres driver keeps it after `initialize()`. */
interface PoolEvents {
  on(event: 'error', listener: (error: unknown) => void): unknown;
  on(event: 'connect', listener: () => void): unknown;
}

export interface SubgraphServer {
  start(port: number, host: string): Promise<Listening>;
  stop(): Promise<void>;
  /** What it counts (requests, its database), for `serveMetrics` on a port of its own. */
  readonly metrics: ServiceMetrics;
}

function secretMatches(expected: Buffer, given: string | string[] | undefined): boolean {
  if (typeof given !== 'string') return false;
  const actual = Buffer.from(given);
  // Compare at constant time; length differences are not secret.
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * A subgraph as the gateway sees it: POST /graphql behind the shared-secret check, the caller
 * taken from the forwarded bearer token, errors masked outside development, a database outage
 * answered as SERVICE_UNAVAILABLE and logged once, one access line per request (also one refused
 * before GraphQL, such as a wrong secret), GET /healthz (the process answers) and /readyz (the
 * database answers and the server is not stopping).
 * No env and no listen on construction: tests build it with their own config and port 0.
 */
export function createSubgraphServer<TContext extends SubgraphContextBase>(options: SubgraphServerOptions<TContext>): SubgraphServer {
  const { config, log, dataSource } = options;
  const outage = new DatabaseOutage(log);
  const pingDatabase = createDatabasePing(dataSource, READINESS_TIMEOUT_MS);
  let stopping = false;
  const httpServer = createHttpServer();
  const metrics = new ServiceMetrics(config.name);
  addDatabaseMetrics(metrics, dataSource);
  const schema = resolveTotalCounts(buildSubgraphSchema({ typeDefs: parse(options.typeDefs), resolvers: options.resolvers as GraphQLResolverMap<unknown> }));
  const apollo = new ApolloServer<TContext>({
    // Apollo parses, validates and runs every plugin; execution is the configured executor's.
    gateway: executionGateway(schema, options.typeDefs, executionFor(config.executor, schema, log)),
    ...serverModeOptions(config.mode, { databaseOutages: true }),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Subgraphs are for the gateway, not browsers: no landing page in any mode.
      ApolloServerPluginLandingPageDisabled(),
      // Traces are for Apollo's hosted studio, which the hub does not use; nor does it use cache
      // hints. Either would wrap every field's resolver (a measurable cost on long lists).
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      useRequestErrors<TContext>(log, outage),
      useNoNulCharacters<TContext>(),
      ...(config.mode.production ? [useSchemaPrivacy<TContext>()] : []),
      useIdempotencyKeys<TContext>(options.idempotency, log),
      useChangeReport<TContext>(),
      useSelectedFields<TContext>(),
      useServiceUnavailableStatus<TContext>(),
      useAccessLog<TContext>(),
    ],
  });

  /** Why the subgraph should not get traffic now; empty when it is ready. */
  async function notReady(): Promise<string[]> {
    // From the moment the stop begins (SIGTERM), before the drain: a probe answered then must not
    // send more traffic to a server about to close its listener.
    if (stopping) return ['stopping'];
    try {
      await pingDatabase();
      outage.reachable();
      return [];
    } catch (error) {
      if (isDatabaseUnavailable(error)) outage.failed(error);
      else log.warn({ err: error }, 'readiness check failed');
      return ['database unreachable'];
    }
  }
  const expectedSecret = Buffer.from(config.subgraphSecret);
  const fromGateway = (req: express.Request) => secretMatches(expectedSecret, req.headers[SUBGRAPH_SECRET_HEADER]);
  const app = express();
  app.disable('x-powered-by');
  // No ETags: the gateway and peer subgraphs, its only callers, never revalidate an answer, and
  // Express would hash every one of them (a 100-city page's part is some 300 KB from forums).
  app.set('etag', false);
  // Unauthenticated, like any probe: they reveal nothing but whether to send traffic.
  app.get('/healthz', (_req, res) => {
    // Liveness: the process answers. The database is never asked, so an outage does not get a
    // healthy process restarted.
    res.json({ status: 'ok', subgraph: config.name });
  });
  const readiness: express.RequestHandler = async (_req, res) => {
    const reasons = await notReady();
    if (reasons.length) res.status(503).json({ status: 'not ready', subgraph: config.name, reasons });
    else res.json({ status: 'ready', subgraph: config.name });
  };
  app.get('/readyz', readiness);
  // What probes used before /readyz existed.
  app.get('/health', readiness);

  let started: Listening | undefined;
  return {
    metrics,
    async start(port, host) {
      await apollo.start();
      const pool = (dataSource.driver as unknown as { master?: PoolEvents }).master;
      // An idle connection the server closed is the first sign of an outage when no request is
      // running; a new connection made is the first sign it is over.
      pool?.on('error', (error) => {
        if (isDatabaseUnavailable(error)) outage.failed(error);
      });
      pool?.on('connect', () => outage.reachable());
      app.use(
        '/graphql',
        assignRequestId(fromGateway),
        requestIdOnEveryError(),
        accessLog(log),
        metrics.countRequests(),
        onlyGetAndPost(),
        (req, res, next) => {
          if (fromGateway(req)) return next();
          res.status(401).json({
            errors: [{ message: 'This subgraph only answers the gateway', extensions: { code: ERRORS.UNAUTHENTICATED.code, requestId: requestIdOf(res) } }],
          });
        },
        express.json({ limit: '1mb' }),
        expressMiddleware(apollo, {
          context: async ({ req, res }) => {
            // The gateway's id: assignRequestId took it from x-request-id once the secret matched.
            const requestId = requestIdOf(res);
            const caller = await callerForRequest(config.jwt, req.headers.authorization, requestId, log);
            const orderLocale = orderLocaleFromHeader(req.headers['accept-language']);
            const requestLog = log.child({ requestId });
            // The access log entry is added here, not by each subgraph's factory, so none can leave
            // its line without what GraphQL learnt.
            const build = async (): Promise<TContext> => ({
              ...(await options.context({ caller, requestId, log: requestLog, orderLocale, changes: [], selection: new RequestSelection() })),
              accessLog: accessLogEntryOf(res),
            });
            const context = await build();
            return config.executor === 'compare' ? { ...context, [FRESH_CONTEXT]: build } : context;
          },
        }),
      );
      app.use(jsonErrorHandler(log));
      httpServer.on('request', app);
      started = await listen(httpServer, port, host);
      log.info({ url: `${started.url}/graphql` }, `${config.name} subgraph ready`);
      return started;
    },
    async stop() {
      stopping = true;
      if (started) await apollo.stop();
      else httpServer.close();
    },
  };
}
