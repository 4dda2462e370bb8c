import { randomUUID } from 'node:crypto';
import net from 'node:net';

/** The Redis that tests of the shared response cache use: `NSC_HUB_TEST_REDIS_URL`, else the machine's. */
export const TEST_REDIS_URL = process.env.NSC_HUB_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * A key prefix of the test's own on the test Redis, after checking that it answers: the tests of
 * the shared cache need a real one, and say so plainly when there is none.
 */
export async function testRedisPrefix(label: string): Promise<string> {
  const { hostname, port } = new URL(TEST_REDIS_URL);
  const answered = await new Promise<string>((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379) }, () => socket.write('PING\r\n'));
    socket.setTimeout(2000, () => socket.destroy());
    socket.once('data', (data) => {
      resolve(data.toString());
      socket.end();
    });
    socket.once('error', () => resolve(''));
    socket.once('close', () => resolve(''));
  });
  if (!answered.startsWith('+PONG')) {
    throw new Error(`These tests need a Redis server at ${TEST_REDIS_URL} (set NSC_HUB_TEST_REDIS_URL for another); none answered PING`);
  }
  return `nsc-hub-test:${label}:${randomUUID()}:`;
}
