import { createServer } from 'node:http';
import type { Logger } from 'pino';
import type { MetricsListen } from '../config';
import { listen, type Listening } from '../server/listen';
import type { ServiceMetrics } from './ServiceMetrics';

export interface MetricsEndpoint {
  readonly listening: Listening;
  close(): Promise<void>;
}

/**
 * `GET /metrics` in Prometheus' text format, on a port of its own: by default on loopback, apart
 * from the port clients use, so what a service counts is for the operator's scraper only. A port
 * that cannot be had costs the metrics, not the service: it is logged, and undefined returned.
 */
export async function serveMetrics(metrics: ServiceMetrics, where: MetricsListen, log: Logger): Promise<MetricsEndpoint | undefined> {
  try {
    const endpoint = await listenForMetrics(metrics, where);
    log.info({ url: `${endpoint.listening.url}/metrics` }, 'metrics ready');
    return endpoint;
  } catch (error) {
    log.warn({ err: error, port: where.port }, 'metrics endpoint not started');
    return undefined;
  }
}

async function listenForMetrics(metrics: ServiceMetrics, { host, port }: MetricsListen): Promise<MetricsEndpoint> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || new URL(req.url ?? '/', 'http://metrics').pathname !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: GET /metrics\n');
      return;
    }
    metrics.text().then(
      (text) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
      (error: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`metrics failed: ${String(error)}\n`),
    );
  });
  const listening = await listen(server, port, host);
  return {
    listening,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
