import type { Caller, RequestContextBase } from '@nsc-hub/shared';

export interface GatewayContext extends RequestContextBase {
  readonly caller: Caller;
  /** The client's Authorization header, verified here and forwarded as is. */
  readonly authorization: string | undefined;
}
