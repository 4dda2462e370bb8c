import type { ContractAnswer } from './askContractCase';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const GENERATED_ID = '<generated id>';
const CURSOR_OF_GENERATED_ID = '<cursor holding a generated id>';

/**
 * An answer as the expected files hold it: without what each fresh database makes up, which no run
 * can repeat. Ids the database generates (`gen_random_uuid()`: memberships, participations) become
 * GENERATED_ID, and cursors whose sort key holds one (shared/src/pagination.ts: base64url of the
 * key's JSON) CURSOR_OF_GENERATED_ID. The two gateways' answers are still compared with each other
 * as they are, ids included.
 */
export function contractView(answer: ContractAnswer): ContractAnswer {
  return maskGeneratedIds(answer) as ContractAnswer;
}

function maskGeneratedIds(value: unknown): unknown {
  if (typeof value === 'string') return UUID.test(value) ? GENERATED_ID : holdsGeneratedId(value) ? CURSOR_OF_GENERATED_ID : value;
  if (Array.isArray(value)) return value.map(maskGeneratedIds);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskGeneratedIds(v)]));
  return value;
}

function holdsGeneratedId(cursor: string): boolean {
  if (!BASE64URL.test(cursor)) return false;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(key) && key.some((part) => typeof part === 'string' && UUID.test(part));
  } catch {
    return false;
  }
}
