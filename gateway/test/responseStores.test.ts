// Both response stores keep the same promises: an answer is found under its key until it expires
// or a tag it holds is invalidated; an invalidation between a lookup and its store keeps the
// store from keeping what may be stale; clearing forgets everything. The Redis store keeps them
// across connections, as two gateways would share it.
import Redis from 'ioredis';
import { TEST_REDIS_URL, testRedisPrefix } from '@nsc-hub/shared/src/testing';
import { MemoryResponseStore } from '../src/responseCache/MemoryResponseStore';
import { RedisResponseStore } from '../src/responseCache/RedisResponseStore';
import type { ResponseStore } from '../src/responseCache/ResponseStore';

const answer = (n: number) => ({ data: { n }, storedAt: 1_000 + n });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each([
  ['in memory', async () => ({ store: new MemoryResponseStore(1024 * 1024), other: undefined, cleanUp: async () => undefined })],
  [
    'in Redis',
    async () => {
      const prefix = await testRedisPrefix('stores');
      const store = new RedisResponseStore(TEST_REDIS_URL, prefix);
      const other = new RedisResponseStore(TEST_REDIS_URL, prefix);
      await Promise.all([store.connect(), other.connect()]);
      return {
        store,
        other,
        cleanUp: async () => {
          const redis = new Redis(TEST_REDIS_URL);
          const keys = await redis.keys(`${prefix}*`);
          if (keys.length) await redis.del(...keys);
          redis.disconnect();
          await Promise.all([store.close(), other.close()]);
        },
      };
    },
  ],
] as const)('the response store %s', (_name, open) => {
  let store: ResponseStore;
  /** A second connection to the same store (Redis only): what another gateway sees. */
  let other: ResponseStore | undefined;
  let cleanUp: () => Promise<void>;
  beforeAll(async () => {
    ({ store, other, cleanUp } = await open());
  });
  afterAll(() => cleanUp());

  test('keeps an answer under its key, and finds nothing under another', async () => {
    const { invalidations } = await store.lookup('k1');
    expect(await store.store('k1', answer(1), ['e:City:dk-aarhus', 'l:membership'], 60, invalidations)).toBe(true);
    expect((await store.lookup('k1')).found).toEqual(answer(1));
    expect((await store.lookup('k2')).found).toBeUndefined();
    if (other) expect((await other.lookup('k1')).found).toEqual(answer(1));
  });

  test('an invalidated tag forgets exactly the answers holding it, wherever it is invalidated', async () => {
    const { invalidations } = await store.lookup('a');
    await store.store('a', answer(2), ['e:City:dk-vejle'], 60, invalidations);
    await store.store('b', answer(3), ['e:City:se-malmo', 'l:knowledge'], 60, invalidations);
    await store.store('c', answer(4), ['l:knowledge'], 60, invalidations);
    expect(await (other ?? store).invalidate(['e:City:dk-vejle', 't:Resource'])).toBe(1);
    expect((await store.lookup('a')).found).toBeUndefined();
    expect((await store.lookup('b')).found).toEqual(answer(3));
    expect(await store.invalidate(['l:knowledge'])).toBe(2);
    expect((await store.lookup('b')).found).toBeUndefined();
    expect((await store.lookup('c')).found).toBeUndefined();
  });

  test('an answer looked up before an invalidation is not kept after it', async () => {
    const before = await store.lookup('late');
    await (other ?? store).invalidate(['e:Event:x']);
    expect(await store.store('late', answer(5), ['e:Event:y'], 60, before.invalidations)).toBe(false);
    expect((await store.lookup('late')).found).toBeUndefined();
  });

  test('an answer expires after its time', async () => {
    const { invalidations } = await store.lookup('short');
    await store.store('short', answer(6), ['l:forums'], 1, invalidations);
    expect((await store.lookup('short')).found).toEqual(answer(6));
    await sleep(2100);
    expect((await store.lookup('short')).found).toBeUndefined();
  });

  test('clearing forgets every answer, for every connection', async () => {
    const { invalidations } = await store.lookup('x');
    await store.store('x', answer(7), ['l:membership'], 60, invalidations);
    await store.store('y', answer(8), [], 60, invalidations);
    await (other ?? store).clear();
    expect((await store.lookup('x')).found).toBeUndefined();
    expect((await store.lookup('y')).found).toBeUndefined();
    const after = await store.lookup('y');
    expect(await store.store('y', answer(9), [], 60, after.invalidations)).toBe(true);
    expect((await store.lookup('y')).found).toEqual(answer(9));
  });
});

test('the memory store keeps within its size, dropping the least recently used answers first', async () => {
  const store = new MemoryResponseStore(200);
  const big = (n: number) => ({ data: { text: String(n).repeat(60) }, storedAt: n });
  await store.store('first', big(1), ['t:A'], 60, 0);
  await store.store('second', big(2), ['t:A'], 60, 0);
  expect((await store.lookup('first')).found).toBeDefined();
  await store.store('third', big(3), ['t:A'], 60, 0);
  expect((await store.lookup('second')).found).toBeUndefined();
  expect((await store.lookup('first')).found).toBeDefined();
  expect((await store.lookup('third')).found).toBeDefined();
  // Dropped answers leave the tag index too: invalidating counts only what was still kept.
  expect(await store.invalidate(['t:A'])).toBe(2);
});

test('an answer larger than the whole memory store is not kept', async () => {
  const store = new MemoryResponseStore(50);
  expect(await store.store('huge', { data: { text: 'x'.repeat(100) }, storedAt: 0 }, ['t:A'], 60, 0)).toBe(false);
  expect((await store.lookup('huge')).found).toBeUndefined();
  expect(await store.invalidate(['t:A'])).toBe(0);
});
