import Redis from 'ioredis';
import type { Lookup, ResponseStore, StoredResponse } from './ResponseStore';

/**
 * Each step is one Lua script, so it is atomic in Redis: no gateway sees half a store or half an
 * invalidation. State (`<prefix>state`): `invalidations` counts invalidations; `generation` is
 * raised by `clear`, and an answer kept under an earlier one is not found. An answer is
 * `<prefix>r:<key>` = `<generation>|<json>`, with its TTL; a tag is `<prefix>t:<tag>`, a sorted set
 * of answer keys scored by when they expire, pruned as it is written, so it holds live answers only.
 */
const LOOKUP = `
local state = redis.call('HMGET', KEYS[1], 'invalidations', 'generation')
return {state[1] or '0', state[2] or '0', redis.call('GET', KEYS[2]) or ''}
`;

const STORE = `
local state = redis.call('HMGET', KEYS[1], 'invalidations', 'generation')
if (state[1] or '0') ~= ARGV[1] then return 0 end
local ttl = tonumber(ARGV[3])
local now = redis.call('TIME')[1]
redis.call('SET', KEYS[2], (state[2] or '0') .. '|' .. ARGV[2], 'EX', ttl)
for i = 3, #KEYS do
  redis.call('ZADD', KEYS[i], now + ttl, KEYS[2])
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now)
  if redis.call('TTL', KEYS[i]) < ttl then redis.call('EXPIRE', KEYS[i], ttl) end
end
return 1
`;

const INVALIDATE = `
redis.call('HINCRBY', KEYS[1], 'invalidations', 1)
local forgotten = 0
for i = 2, #KEYS do
  for _, key in ipairs(redis.call('ZRANGE', KEYS[i], 0, -1)) do forgotten = forgotten + redis.call('DEL', key) end
  redis.call('DEL', KEYS[i])
end
return forgotten
`;

const CLEAR = `
redis.call('HINCRBY', KEYS[1], 'invalidations', 1)
redis.call('HINCRBY', KEYS[1], 'generation', 1)
return 1
`;

interface Scripts {
  nscLookup(numKeys: number, ...args: string[]): Promise<[string, string, string]>;
  nscStore(numKeys: number, ...args: (string | number)[]): Promise<number>;
  nscInvalidate(numKeys: number, ...args: string[]): Promise<number>;
  nscClear(numKeys: number, ...args: string[]): Promise<number>;
}

/** How long a cache command may take before the request goes on without the cache. */
const COMMAND_TIMEOUT_MS = 500;

/**
 * Answers kept in Redis, shared by every gateway that uses the same server and key prefix, so a
 * write through one gateway evicts what all of them serve. Single-node Redis: the scripts name
 * keys they compute. Redis's own `maxmemory` policy bounds it; every key expires.
 */
export class RedisResponseStore implements ResponseStore {
  private readonly redis: Redis & Scripts;
  private readonly state: string;

  constructor(url: string, private readonly prefix: string) {
    const redis = new Redis(url, {
      lazyConnect: true,
      // A cache that is down must not hold requests: commands fail at once instead of queueing.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: COMMAND_TIMEOUT_MS,
      connectionName: 'nsc-hub-gateway',
    });
    redis.defineCommand('nscLookup', { lua: LOOKUP });
    redis.defineCommand('nscStore', { lua: STORE });
    redis.defineCommand('nscInvalidate', { lua: INVALIDATE });
    redis.defineCommand('nscClear', { lua: CLEAR });
    // Reconnecting is ioredis's; failed commands are reported by the caller.
    redis.on('error', () => {});
    this.redis = redis as Redis & Scripts;
    this.state = `${prefix}state`;
  }

  /** Connects; a Redis that is down now is retried in the background while requests go on without it. */
  async connect(): Promise<void> {
    await this.redis.connect();
  }

  async lookup(key: string): Promise<Lookup> {
    const [invalidations, generation, value] = await this.redis.nscLookup(2, this.state, this.answerKey(key));
    const separator = value.indexOf('|');
    const found = separator > 0 && value.slice(0, separator) === generation ? (JSON.parse(value.slice(separator + 1)) as StoredResponse) : undefined;
    return { found, invalidations: Number(invalidations) };
  }

  async store(key: string, response: StoredResponse, tags: readonly string[], ttlSeconds: number, invalidationsAtLookup: number): Promise<boolean> {
    const keys = [this.state, this.answerKey(key), ...tags.map((tag) => this.tagKey(tag))];
    const stored = await this.redis.nscStore(keys.length, ...keys, String(invalidationsAtLookup), JSON.stringify(response), Math.max(1, Math.round(ttlSeconds)));
    return stored === 1;
  }

  async invalidate(tags: readonly string[]): Promise<number> {
    const keys = [this.state, ...tags.map((tag) => this.tagKey(tag))];
    return this.redis.nscInvalidate(keys.length, ...keys);
  }

  async clear(): Promise<void> {
    await this.redis.nscClear(1, this.state);
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }

  private answerKey(key: string): string {
    return `${this.prefix}r:${key}`;
  }

  private tagKey(tag: string): string {
    return `${this.prefix}t:${tag}`;
  }
}
