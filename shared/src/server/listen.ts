import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestListener } from 'node:http';

export interface Listening {
  readonly server: http.Server;
  readonly port: number;
  /** http://host:port, with a loopback or wildcard host shown as localhost. */
  readonly url: string;
}

/** Listens on `port` (0 picks a free one, as tests do) and resolves once the socket is bound. */
export async function listen(server: http.Server, port: number, host: string): Promise<Listening> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  const shownHost = ['0.0.0.0', '::', '127.0.0.1', '::1'].includes(host) ? 'localhost' : host;
  return { server, port: bound, url: `http://${shownHost}:${bound}` };
}

export function createHttpServer(handler?: RequestListener): http.Server {
  const server = http.createServer(handler);
  // Keep-alive longer than typical proxies' idle timeout avoids resets between gateway and subgraphs.
  server.keepAliveTimeout = 65_000;
  return server;
}
