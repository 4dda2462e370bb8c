import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import { Kind, type FormattedExecutionResult, type OperationDefinitionNode } from 'graphql';
import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { isSignedIn, type Caller } from '../auth';
import { ERRORS } from '../errors';
import { quoteIdentifier } from '../db/createDataSource';
import { databaseUnavailableError, isDatabaseUnavailable } from '../db/isDatabaseUnavailable';
import { requestLogger, type RequestContextBase } from './errorHandling';
import { IDEMPOTENCY_FINGERPRINT_HEADER, IDEMPOTENCY_KEY_HEADER, IDEMPOTENCY_KEY_HOURS, parseIdempotencyKey, requestFingerprint } from './idempotency';

export interface IdempotencyStore {
  readonly dataSource: DataSource;
  /** The PostgreSQL schema holding the subgraph's `idempotency_keys` table. */
  readonly schema: string;
}

type Claim = { readonly kind: 'run'; readonly key: string; readonly caller: string; readonly fetch: string; readonly operation: OperationDefinitionNode } | { readonly kind: 'replay'; readonly result: FormattedExecutionResult };

/**
 * Something may have been written unless every root mutation field failed in its own resolver
 * (an error at exactly its path). A field that answered, or failed only below its root (after its
 * write), counts as written, even where null bubbling has left `data` null.
 */
function mayHaveWritten(operation: OperationDefinitionNode, result: FormattedExecutionResult): boolean {
  if (!result.data && !result.errors?.some((e) => e.path)) return false;
  const failed = new Set((result.errors ?? []).filter((e) => e.path?.length === 1).map((e) => e.path![0]));
  return operation.selectionSet.selections.some((s) => s.kind !== Kind.FIELD || !failed.has((s.alias ?? s.name).value));
}

/**
 * `Idempotency-Key` on a mutation: the first request with a key runs and its result is kept for
 * 24 hours; a repeat from the same caller with the same key and the same request gets that result
 * back and runs nothing; the same key with a different request is BAD_USER_INPUT; a repeat while
 * the first is still running (or whose first answer could not be kept) is CONFLICT. A request that
 * wrote nothing (every mutation failed in its resolver) leaves no trace, so the client may fix it
 * and send it again under the same key.
 *
 * The gateway forwards the key with a fingerprint of the client's whole request; one client
 * request may reach this subgraph as several requests (mutations in other subgraphs between
 * them), each kept by its own hash.
 */
export function useIdempotencyKeys<TContext extends RequestContextBase & { readonly caller: Caller }>(store: IdempotencyStore, log: Logger): ApolloServerPlugin<TContext> {
  const table = `${quoteIdentifier(store.schema)}.idempotency_keys`;

  async function claim(caller: string, key: string, fingerprint: string, fetch: string, operation: OperationDefinitionNode): Promise<Claim> {
    try {
      return await claimOnce(caller, key, fingerprint, fetch, operation);
    } catch (error) {
      // Nothing was claimed: the key stays free for the client's retry.
      if (isDatabaseUnavailable(error)) throw databaseUnavailableError(error, 'The database is temporarily unavailable, so nothing was run; try again shortly with the same Idempotency-Key');
      throw error;
    }
  }

  async function claimOnce(caller: string, key: string, fingerprint: string, fetch: string, operation: OperationDefinitionNode): Promise<Claim> {
    return store.dataSource.transaction(async (m) => {
      // One claim at a time per caller and key, so two different requests cannot both pass the check.
      await m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`${store.schema}\n${caller}\n${key}`]);
      await m.query(`DELETE FROM ${table} WHERE caller = $1 AND key = $2 AND created_at < now() - make_interval(hours => $3)`, [caller, key, IDEMPOTENCY_KEY_HOURS]);
      const rows: { fetch_hash: string; fingerprint: string; response: FormattedExecutionResult | null }[] = await m.query(
        `SELECT fetch_hash, fingerprint, response FROM ${table} WHERE caller = $1 AND key = $2`,
        [caller, key],
      );
      if (rows.some((row) => row.fingerprint !== fingerprint)) {
        throw ERRORS.BAD_USER_INPUT.err('This Idempotency-Key was already used for a different request; use a new key for a new request', {
          field: 'Idempotency-Key',
          http: { status: 400 },
        });
      }
      const mine = rows.find((row) => row.fetch_hash === fetch);
      if (mine?.response) return { kind: 'replay', result: mine.response };
      if (mine) throw ERRORS.CONFLICT.err('A request with this Idempotency-Key is still running; wait for its answer', { http: { status: 409 } });
      await m.query(`INSERT INTO ${table} (caller, key, fetch_hash, fingerprint) VALUES ($1, $2, $3, $4)`, [caller, key, fetch, fingerprint]);
      return { kind: 'run', key, caller, fetch, operation };
    });
  }

  return {
    async requestDidStart({ request }) {
      let claimed: Claim | undefined;
      return {
        async didResolveOperation({ operation, contextValue }) {
          const key = parseIdempotencyKey(request.http?.headers.get(IDEMPOTENCY_KEY_HEADER));
          // Queries are idempotent anyway; anonymous callers cannot write.
          if (!key || operation?.operation !== 'mutation' || !isSignedIn(contextValue.caller)) return;
          const fetch = requestFingerprint(request);
          const fingerprint = request.http?.headers.get(IDEMPOTENCY_FINGERPRINT_HEADER) ?? fetch;
          claimed = await claim(contextValue.caller.sub, key, fingerprint, fetch, operation);
        },
        async responseForOperation(): Promise<GraphQLResponse | null> {
          if (claimed?.kind !== 'replay') return null;
          return { http: { status: 200, headers: new HeaderMap() }, body: { kind: 'single', singleResult: claimed.result } };
        },
        async willSendResponse({ response, contextValue }) {
          if (claimed?.kind !== 'run') return;
          const { caller, key, fetch, operation } = claimed;
          const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
          try {
            if (result && mayHaveWritten(operation, result)) {
              await store.dataSource.query(`UPDATE ${table} SET response = $4, completed_at = now() WHERE caller = $1 AND key = $2 AND fetch_hash = $3`, [caller, key, fetch, JSON.stringify(result)]);
            } else {
              await store.dataSource.query(`DELETE FROM ${table} WHERE caller = $1 AND key = $2 AND fetch_hash = $3`, [caller, key, fetch]);
            }
          } catch (error) {
            // The claim stays: a repeat is refused as still running, never run a second time.
            requestLogger(log, contextValue).error({ err: error }, 'could not keep the result of an idempotent request');
          }
        },
      };
    },
  };
}
