import { createHash } from 'node:crypto';
import { ERRORS } from '../errors';

/** The client's header: a repeat of a mutation with the same key returns the first result. */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
/** What the gateway sends with the key: a hash of the client's whole request, to tell a different body. */
export const IDEMPOTENCY_FINGERPRINT_HEADER = 'x-nsc-idempotency-fingerprint';
/** How long a key is remembered; after that the same key is a new request. */
export const IDEMPOTENCY_KEY_HOURS = 24;

const KEY = /^[\x21-\x7E]{1,255}$/;

/**
 * The Idempotency-Key header, checked: 1 to 255 visible ASCII characters (a UUID is typical).
 * Undefined when there is none.
 */
export function parseIdempotencyKey(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (typeof header !== 'string' || !KEY.test(header)) {
    throw ERRORS.BAD_USER_INPUT.err('The Idempotency-Key header must be 1 to 255 visible ASCII characters, e.g. a UUID', {
      field: 'Idempotency-Key',
      http: { status: 400 },
    });
  }
  return header;
}

/** A hash of one GraphQL request as sent: query, operation name and variables. */
export function requestFingerprint(request: { query?: string | null; operationName?: string | null; variables?: unknown }): string {
  return createHash('sha256')
    .update(JSON.stringify([request.query ?? null, request.operationName ?? null, request.variables ?? null]))
    .digest('base64url');
}
