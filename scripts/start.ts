import path from 'node:path';
import { createLogger, getEnvNum, getEnvStr, runMain } from '@nsc-hub/shared';
import { REPO_ROOT, openHubDatabase } from './hubDatabase';
import { prepareDatabases } from './prepareDatabases';
import { SUBGRAPHS } from './subgraphs';
import { Supervisor } from './supervisor';

/**
 * `npm start`: PostgreSQL (embedded unless DATABASE_URL is set) → migrations → seed if empty →
 * every subgraph and the gateway, each its own process. Ctrl-C or SIGTERM stops all of it.
 */
runMain(async () => {
  const log = createLogger('hub');
  const env = process.env;
  const db = await openHubDatabase(env, log);
  const supervisor = new Supervisor(log);
  let stopping: Promise<void> | undefined;
  const stop = (signal: string) =>
    (stopping ??= (async () => {
      log.info({ signal }, 'stopping the hub');
      await supervisor.stopAll();
      await db.stop().catch((error: unknown) => log.warn({ err: error }, 'stopping PostgreSQL'));
      log.info('stopped');
    })());
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    // `on`, not `once`: a second Ctrl-C while stopping must not kill the runner half-way.
    process.on(signal, () => void stop(signal).then(() => process.exit(0)));
  }

  try {
    await prepareDatabases(db, SUBGRAPHS, 'if-empty', log);
    const subgraphHost = getEnvStr(env, 'SUBGRAPH_HOST', '127.0.0.1');
    const localHost = subgraphHost === '0.0.0.0' || subgraphHost === '::' ? '127.0.0.1' : subgraphHost;
    const gatewayEnv: NodeJS.ProcessEnv = { ...env };
    for (const subgraph of SUBGRAPHS) {
      const name = subgraph.name.toUpperCase();
      const port = getEnvNum(env, `${name}_PORT`, subgraph.defaultPort);
      const base = `http://${localHost}:${port}`;
      await supervisor.start({
        name: subgraph.name,
        entry: path.join(REPO_ROOT, 'subgraphs', subgraph.name, 'src', 'main.ts'),
        env: { ...env, [`${name}_DATABASE_URL`]: db.urlFor(subgraph.name) },
        healthUrl: `${base}/health`,
      });
      gatewayEnv[`${name}_URL`] = `${base}/graphql`;
    }
    const gatewayPort = getEnvNum(env, 'GATEWAY_PORT', 4000);
    const gatewayHost = getEnvStr(env, 'GATEWAY_HOST', '127.0.0.1');
    const gatewayLocal = gatewayHost === '0.0.0.0' || gatewayHost === '::' ? '127.0.0.1' : gatewayHost;
    await supervisor.start({
      name: 'gateway',
      entry: path.join(REPO_ROOT, 'gateway', 'src', 'main.ts'),
      env: gatewayEnv,
      healthUrl: `http://${gatewayLocal}:${gatewayPort}/health`,
    });
    console.log(
      [
        '',
        'nsc-hub is running:',
        `  GraphQL endpoint   http://localhost:${gatewayPort}/graphql`,
        ...SUBGRAPHS.map((s) => `  ${`${s.name} subgraph`.padEnd(18)} ${gatewayEnv[`${s.name.toUpperCase()}_URL`]} (gateway only)`),
        `  PostgreSQL         ${db.embedded ? 'embedded, data in .data/postgres' : 'DATABASE_URL'}`,
        'Press Ctrl-C to stop.',
        '',
      ].join('\n'),
    );
  } catch (error) {
    log.error({ err: error }, 'the hub could not start');
    await stop('start-up failure');
    process.exit(1);
  }
});
