import { errors, request } from 'undici';
import { freePort } from '@nsc-hub/shared/src/testing';
import { isRefusedBeforeSending } from '../src/subgraphFetcher';

const netError = (code: string, syscall: string) => Object.assign(new Error(`${syscall} ${code}`), { code, syscall });

test('a connection refused by the subgraph: the request was never sent', async () => {
  const refused = await request(`http://127.0.0.1:${await freePort()}/graphql`, { method: 'POST', body: '{}' }).catch((e: unknown) => e);
  expect(isRefusedBeforeSending(refused)).toBe(true);
  expect(isRefusedBeforeSending(netError('ECONNRESET', 'connect'))).toBe(true);
  expect(isRefusedBeforeSending(new errors.SocketError('other side closed', { bytesWritten: 0 } as never))).toBe(true);
  expect(isRefusedBeforeSending(new AggregateError([netError('ECONNREFUSED', 'connect'), netError('ECONNREFUSED', 'connect')]))).toBe(true);
});

test('a connection that failed once the request may have been sent is not a refusal', () => {
  expect(isRefusedBeforeSending(netError('ECONNRESET', 'read'))).toBe(false);
  expect(isRefusedBeforeSending(new errors.SocketError('other side closed', { bytesWritten: 412 } as never))).toBe(false);
  expect(isRefusedBeforeSending(new errors.HeadersTimeoutError())).toBe(false);
  expect(isRefusedBeforeSending(new AggregateError([netError('ECONNREFUSED', 'connect'), netError('ETIMEDOUT', 'connect')]))).toBe(false);
});
