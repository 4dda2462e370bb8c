import { envNameOf, METRICS_PORT_OFFSET } from '@nsc-hub/shared';
import { DEFAULT_GATEWAY_PORT } from '@nsc-hub/gateway';
import { SUBGRAPHS } from '../../scripts/subgraphs';

/** One service of the hub as a deployment must run it, read off the code rather than restated. */
export interface HubService {
  readonly name: string;
  /** The entry point, relative to the repository: the image's command for this service. */
  readonly entry: string;
  readonly port: number;
  readonly metricsPort: number;
  /** Variables it must be given in a deployment: where its data or its peers are. */
  readonly requiredEnv: readonly string[];
}

/** The gateway and every subgraph `subgraphs/*` holds, with the ports their code defaults to. */
export function hubServices(): HubService[] {
  return [
    ...SUBGRAPHS.map((s) => ({
      name: s.name,
      entry: `subgraphs/${s.name}/src/main.ts`,
      port: s.defaultPort,
      metricsPort: s.defaultPort + METRICS_PORT_OFFSET,
      requiredEnv: [`${envNameOf(s.name)}_DATABASE_URL`, ...Object.keys(s.peers ?? {}).map((peer) => `${envNameOf(peer)}_URL`)],
    })),
    {
      name: 'gateway',
      entry: 'gateway/src/main.ts',
      port: DEFAULT_GATEWAY_PORT,
      metricsPort: DEFAULT_GATEWAY_PORT + METRICS_PORT_OFFSET,
      requiredEnv: SUBGRAPHS.map((s) => `${envNameOf(s.name)}_URL`),
    },
  ];
}

/** The one-off job that migrates and seeds every subgraph's database before they serve. */
export const MIGRATE_JOB = {
  entry: 'scripts/migrate.ts',
  args: ['--seed'],
  requiredEnv: () => SUBGRAPHS.map((s) => `${envNameOf(s.name)}_DATABASE_URL`),
} as const;
