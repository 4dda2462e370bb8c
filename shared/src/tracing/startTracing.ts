import path from 'node:path';
import type { NodeSDK } from '@opentelemetry/sdk-node';
import type { Env } from '../env';

/** Probes and scrapes are not traced: they would bury the requests worth looking at. */
const UNTRACED = new Set(['/healthz', '/readyz', '/health', '/metrics']);

let sdk: NodeSDK | undefined;

/**
 * The service's name in its traces: `OTEL_SERVICE_NAME`, else read off its entry point
 * (`gateway/src/main.ts` is `gateway`, `subgraphs/forums/src/main.ts` is `forums`).
 */
export function serviceNameOf(env: Env, entry = process.argv[1] ?? ''): string {
  if (env.OTEL_SERVICE_NAME) return env.OTEL_SERVICE_NAME;
  const parts = path.resolve(entry).split(path.sep);
  const src = parts.lastIndexOf('src');
  return src > 0 ? parts[src - 1] : 'nsc-hub';
}

/**
 * OpenTelemetry traces over OTLP/HTTP when `OTEL_EXPORTER_OTLP_ENDPOINT` (or its traces-only
 * form) is set, and nothing otherwise. Incoming and outgoing HTTP (the W3C `traceparent` header
 * carries a trace from the gateway into each subgraph) and every SQL statement become spans.
 * Must run before `http`, `undici` and `pg` are loaded: entry points import `./register` first.
 */
export function startTracing(env: Env = process.env): boolean {
  if (sdk || !(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT)) return false;
  // Loaded only when traces are wanted: a service without them does not pay for the SDK.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { NodeSDK } = require('@opentelemetry/sdk-node') as typeof import('@opentelemetry/sdk-node');
  const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
  const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  const { PgInstrumentation } = require('@opentelemetry/instrumentation-pg') as typeof import('@opentelemetry/instrumentation-pg');
  const { UndiciInstrumentation } = require('@opentelemetry/instrumentation-undici') as typeof import('@opentelemetry/instrumentation-undici');
  /* eslint-enable @typescript-eslint/no-require-imports */
  sdk = new NodeSDK({
    serviceName: serviceNameOf(env),
    traceExporter: new OTLPTraceExporter(),
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => UNTRACED.has(new URL(req.url ?? '/', 'http://x').pathname) }),
      new UndiciInstrumentation(),
      new PgInstrumentation(),
    ],
  });
  sdk.start();
  return true;
}

/** Sends the spans not yet exported; a stopping service calls it last. */
export async function stopTracing(): Promise<void> {
  await sdk?.shutdown();
  sdk = undefined;
}
