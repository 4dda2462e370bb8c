import { spawn } from 'node:child_process';
import { httpProbe } from './httpProbe';
import { SERVICE_NODE_ARGS } from '@nsc-hub/shared';
import { stopChild, type ServiceSpec } from './supervisor';

export interface NodeServiceOptions {
  readonly name: string;
  /** TypeScript entry point, run with Node and the tsx loader. */
  readonly entry: string;
  readonly env: NodeJS.ProcessEnv;
  /** Where the service listens, e.g. `http://127.0.0.1:4001`: probed at `/healthz` and `/readyz`. */
  readonly baseUrl: string;
}

/** A hub service (a subgraph or the gateway): its own Node process, live at /healthz, ready at /readyz. */
export function nodeService(options: NodeServiceOptions): ServiceSpec {
  return {
    name: options.name,
    // Node itself, not npm or tsx's CLI: the supervisor's pid is the service's, so a kill reaches it.
    launch: async () => spawn(process.execPath, [...SERVICE_NODE_ARGS, options.entry], { env: options.env, stdio: 'inherit' }),
    probe: (kind, timeoutMs) => httpProbe(`${options.baseUrl}/${kind === 'live' ? 'healthz' : 'readyz'}`, timeoutMs),
    stop: (child) => stopChild(child),
  };
}
