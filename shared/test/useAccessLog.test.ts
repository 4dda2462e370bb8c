import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type RequestHandler } from 'express';
import { accessLog } from '../src/server/useAccessLog';
import { assignRequestId } from '../src/server/requestContext';
import { captureLog, type CapturedLog, type LogLine } from '../src/testing/captureLog';

/** `handler` behind the access log on an ephemeral loopback port, closed after `use`. */
async function withServer(captured: CapturedLog, handler: RequestHandler, use: (port: number) => Promise<void>): Promise<void> {
  const app = express();
  app.use('/graphql', assignRequestId(), accessLog(captured.log), handler);
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await use((server.address() as AddressInfo).port);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

/** The "request done" lines, once there is one (they are written when the response closes). */
async function doneLines(captured: CapturedLog): Promise<LogLine[]> {
  const deadline = Date.now() + 2000;
  const done = () => captured.lines.filter((l) => l.msg === 'request done');
  while (done().length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  return done();
}

describe('accessLog', () => {
  it('logs a request whose client went away before the answer as aborted, once', async () => {
    const captured = captureLog();
    let arrived!: () => void;
    const requestArrived = new Promise<void>((resolve) => (arrived = resolve));
    // Answers only after its client is gone, as a slow query would.
    const slow: RequestHandler = (_req, res) => {
      arrived();
      res.once('close', () => setImmediate(() => res.end()));
    };
    await withServer(captured, slow, async (port) => {
      const client = http.request({ host: '127.0.0.1', port, path: '/graphql', method: 'POST' });
      client.on('error', () => undefined);
      client.end();
      await requestArrived;
      client.destroy();
      const done = await doneLines(captured);
      expect(done).toHaveLength(1);
      expect(done[0]).toMatchObject({ aborted: true, requestId: expect.any(String), operationName: null, errorCodes: [], role: null });
    });
  });

  it('does not mark an answered request aborted', async () => {
    const captured = captureLog();
    await withServer(captured, (_req, res) => void res.json({ data: {} }), async (port) => {
      const answer = await fetch(`http://127.0.0.1:${port}/graphql`);
      expect(answer.status).toBe(200);
      const done = await doneLines(captured);
      expect(done).toHaveLength(1);
      expect(done[0]).toMatchObject({ status: 200, outcome: 'ok', requestId: answer.headers.get('x-request-id') });
      expect(done[0].aborted).toBeUndefined();
    });
  });
});
