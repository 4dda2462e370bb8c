import type { AccessLogEntry, Caller, RequestContextBase } from '@nsc-hub/shared';
import type { SubgraphChanges } from './SubgraphChanges';

export interface GatewayContext extends RequestContextBase {
  readonly caller: Caller;
  /** The client's Authorization header, verified here and forwarded as is. */
  readonly authorization: string | undefined;
  /** The client's Accept-Language header, forwarded: lists by name follow its alphabetical order. */
  readonly acceptLanguage: string | undefined;
  /** The client's Idempotency-Key and a fingerprint of its whole request, forwarded to subgraphs. */
  readonly idempotency: { readonly key: string; readonly fingerprint: string } | undefined;
  /** What the request's access-log line will say, filled in as GraphQL learns it. */
  readonly accessLog: AccessLogEntry;
  /** What the subgraphs wrote during the request, as they report it: the response cache forgets answers holding it. */
  readonly changes: SubgraphChanges;
}
