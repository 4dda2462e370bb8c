import { readFileSync } from 'node:fs';
import type { Request, RequestHandler } from 'express';
import { ERRORS, type Caller, type Logger } from '@nsc-hub/shared';
import type { GatewayConfig } from './config';
import { PersistedOperations } from './PersistedOperations';
import { watchFileContent, type FileContentWatch } from './watchFileContent';

/** What a request asks to run: a document's text, or an id (APQ's hash, or `documentId`). */
interface RequestedOperation {
  readonly query?: string;
  readonly id?: string;
}

/** `sha256:abc…` (GraphQL over HTTP's persisted documents) and a bare hash name the same id. */
const bareId = (id: string): string => id.replace(/^sha256:/, '');

function jsonParam(value: string | null): Record<string, unknown> | undefined {
  if (!value) return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function hashIn(extensions: unknown): string | undefined {
  const persisted = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery;
  return typeof persisted?.sha256Hash === 'string' ? persisted.sha256Hash : undefined;
}

/** The document text or id a request names, from a POST body or a GET's query string. */
export function requestedOperation(req: Request): RequestedOperation {
  if (req.method === 'POST') {
    const body = (req.body ?? {}) as { query?: unknown; documentId?: unknown; extensions?: unknown };
    const query = typeof body.query === 'string' && body.query !== '' ? body.query : undefined;
    const id = typeof body.documentId === 'string' ? bareId(body.documentId) : hashIn(body.extensions);
    return { query, id };
  }
  const params = new URL(req.originalUrl, 'http://gateway').searchParams;
  const documentId = params.get('documentId');
  return { query: params.get('query') || undefined, id: documentId ? bareId(documentId) : hashIn(jsonParam(params.get('extensions'))) };
}

export interface PersistedOperationsGate {
  /** Express middleware: a request naming a listed document by id, without its text, gets the text. */
  readonly resolveIds: RequestHandler;
  /** Throws PERSISTED_OPERATION_REQUIRED when `only` is in force and the caller may not run this document. */
  admit(req: Request, caller: Caller, requestId: string): void;
  stop(): Promise<void>;
}

/**
 * The trusted documents at the gateway: loaded from the manifest at start and again whenever the
 * file changes. Listed documents run by id (`extensions.persistedQuery.sha256Hash` without a
 * query, or `documentId`, in a POST body or the URL of a GET); with `only`, a caller without a
 * role runs nothing else. Automatic persisted queries (Apollo Server's own, for any caller
 * allowed to send the document) work beside it.
 */
export function servePersistedOperations(config: GatewayConfig['persistedOperations'], log: Logger): PersistedOperationsGate {
  if (config.mode === 'off') {
    return { resolveIds: (_req, _res, next) => next(), admit: () => undefined, stop: async () => undefined };
  }
  let initial = '';
  let list = new PersistedOperations({ format: 'apollo-persisted-query-manifest', version: 1, operations: [] });
  try {
    initial = readFileSync(config.path, 'utf8');
    list = PersistedOperations.parse(initial);
  } catch (error) {
    // Refusing everything anonymous because the list is missing would be an outage: fail at start.
    if (config.mode === 'only') throw new Error(`PERSISTED_OPERATIONS=only needs the list at ${config.path}: ${(error as Error).message}`);
    log.warn({ path: config.path, reason: (error as Error).message }, 'no persisted operations: documents run by their text only until the file is there');
  }
  log.info({ path: config.path, operations: list.size, mode: config.mode }, 'persisted operations loaded');
  const watch: FileContentWatch = watchFileContent(config.path, {
    initial,
    what: 'persisted operations',
    log,
    apply: (text) => {
      list = PersistedOperations.parse(text);
    },
  });

  const resolveIds: RequestHandler = (req, _res, next) => {
    const { query, id } = requestedOperation(req);
    const body = id && !query ? list.body(id) : undefined;
    if (body === undefined) return next();
    if (req.method === 'POST') {
      (req.body as { query?: string }).query = body;
    } else {
      const url = new URL(req.url, 'http://gateway');
      url.searchParams.set('query', body);
      req.url = `${url.pathname}${url.search}`;
    }
    next();
  };

  return {
    resolveIds,
    admit(req, caller, requestId) {
      if (config.mode !== 'only' || caller.kind !== 'anonymous') return;
      const { query, id } = requestedOperation(req);
      // Neither: not a GraphQL request Apollo will run; it says so itself.
      if (query === undefined && id === undefined) return;
      if (query !== undefined ? list.lists(query) : list.body(id!) !== undefined) return;
      throw ERRORS.PERSISTED_OPERATION_REQUIRED.err(
        'Only the trusted documents run here without signing in: send a listed document by its id (extensions.persistedQuery.sha256Hash or documentId), or a token',
        { requestId },
      );
    },
    stop: () => watch.stop(),
  };
}
