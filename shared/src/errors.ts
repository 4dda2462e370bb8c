import { GraphQLError } from 'graphql';

/**
 * The one catalogue of error codes a client can see in `extensions.code`.
 * Code throws `ERRORS.NOT_FOUND.err('…')`; anything thrown that is not from here is masked as
 * INTERNAL_SERVER_ERROR outside development.
 */
export class ErrorCodeDefinition {
  constructor(
    readonly code: string,
    readonly description: string,
    readonly httpStatus?: number,
  ) {}

  /** `cause`, when given, stays on the server (GraphQL's `originalError`) for the log. */
  err(message: string, extensions: Record<string, unknown> = {}, cause?: Error): GraphQLError {
    return new GraphQLError(message, {
      ...(cause ? { originalError: cause } : {}),
      extensions: {
        ...extensions,
        code: this.code,
        ...(this.httpStatus ? { http: { status: this.httpStatus } } : {}),
      },
    });
  }
}

const define = (code: string, description: string, httpStatus?: number) =>
  new ErrorCodeDefinition(code, description, httpStatus);

export const ERRORS = {
  BAD_USER_INPUT: define('BAD_USER_INPUT', 'An argument or input value is invalid; the message says which and why.'),
  BAD_REQUEST: define('BAD_REQUEST', 'The HTTP request itself is malformed (body, content type, method).'),
  GRAPHQL_PARSE_FAILED: define('GRAPHQL_PARSE_FAILED', 'The query is not syntactically valid GraphQL.'),
  GRAPHQL_VALIDATION_FAILED: define('GRAPHQL_VALIDATION_FAILED', 'The query does not match the schema.'),
  OPERATION_RESOLUTION_FAILURE: define('OPERATION_RESOLUTION_FAILURE', 'The request names an operation the document does not contain.'),
  UNAUTHENTICATED: define('UNAUTHENTICATED', 'The request needs a valid token, or the token given is wrong or expired.'),
  FORBIDDEN: define('FORBIDDEN', 'The caller is known but may not do this (e.g. an editor writing another country\'s record).'),
  NOT_FOUND: define('NOT_FOUND', 'A record named by id does not exist.'),
  CONFLICT: define('CONFLICT', 'The record changed since it was read (stale expectedVersion) or would duplicate another.'),
  PERSISTED_QUERY_NOT_FOUND: define('PERSISTED_QUERY_NOT_FOUND', 'The request named a document by its hash alone and the server does not know it: send the query with its hash once (automatic persisted queries).'),
  PERSISTED_OPERATION_REQUIRED: define('PERSISTED_OPERATION_REQUIRED', 'Here callers without a role run only the trusted documents (PERSISTED_OPERATIONS=only): send one by its id, or sign in.', 400),
  QUERY_TOO_COMPLEX: define('QUERY_TOO_COMPLEX', 'The query exceeds a size, depth or cost limit.', 400),
  SUBGRAPH_UNAVAILABLE: define('SUBGRAPH_UNAVAILABLE', 'A subgraph needed for the answer is down or timed out.'),
  // No HTTP status of its own: a partial answer stays 200; useServiceUnavailableStatus makes a
  // request whose whole answer is lost to it a 503.
  SERVICE_UNAVAILABLE: define('SERVICE_UNAVAILABLE', 'A service the answer depends on (the database) is temporarily unavailable; retry shortly.'),
  INTERNAL_SERVER_ERROR: define('INTERNAL_SERVER_ERROR', 'An unexpected failure; details are in the server log, not here.'),
} as const;

export type ErrorCode = keyof typeof ERRORS;

export const ERROR_CODES: ReadonlySet<string> = new Set(Object.keys(ERRORS));

export function isCatalogued(code: unknown): code is ErrorCode {
  return typeof code === 'string' && ERROR_CODES.has(code);
}
