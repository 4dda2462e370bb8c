import { ERRORS } from '../errors';

/** Socket errors of the connection to the database server: it is down, restarting or unreachable. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * SQLSTATEs of a server that cannot serve now, though nothing is wrong with the request: class 08
 * (connection exception), 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now
 * (starting up, shutting down, in recovery).
 */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03']);

/**
 * What pg says without a code when the connection is gone: the server closed it (`Connection
 * terminated unexpectedly`, `Connection terminated due to connection timeout`), a client that saw
 * that is reused, or pg-pool gave up waiting for a connection (`connectTimeoutMS`).
 */
const UNAVAILABLE_MESSAGES = [/^Connection terminated/, /is not queryable/, /^timeout exceeded when trying to connect/, /^Query read timeout/];

function isUnavailableItself(error: object): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  return typeof message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message));
}

/**
 * Whether an error means the database could not be reached or dropped the connection (a
 * condition worth retrying shortly), as opposed to a bug or a refused statement. Looks through
 * the wrappers the error may arrive in: TypeORM's `driverError`, `cause`, GraphQL's
 * `originalError` (and `thrownValue`, for an error graphql-js did not recognise as an Error, e.g.
 * one from another realm), and the `errors` of an AggregateError (a host with several addresses).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<object>();
  const pending: unknown[] = [error];
  while (pending.length) {
    const next = pending.pop();
    if (typeof next !== 'object' || next === null || seen.has(next)) continue;
    seen.add(next);
    if (isUnavailableItself(next)) return true;
    const { driverError, cause, originalError, thrownValue, errors } = next as { driverError?: unknown; cause?: unknown; originalError?: unknown; thrownValue?: unknown; errors?: unknown };
    pending.push(driverError, cause, originalError, thrownValue, ...(Array.isArray(errors) ? errors : []));
  }
  return false;
}

export const DATABASE_UNAVAILABLE_MESSAGE = 'The database is temporarily unavailable; try again shortly';

/**
 * The catalogued error a client gets instead of the driver's (no host, port or SQL); the driver's
 * error stays attached for the server log.
 */
export function databaseUnavailableError(cause: unknown, message = DATABASE_UNAVAILABLE_MESSAGE) {
  return ERRORS.SERVICE_UNAVAILABLE.err(message, {}, cause instanceof Error ? cause : new Error('database unavailable', { cause }));
}
