import path from 'node:path';
import { createLogger, envNameOf, getEnvNum, getEnvStr, onShutdown, runMain } from '@nsc-hub/shared';
import { REPO_ROOT, localAddress, openHubDatabase } from './hubDatabase';
import { nodeService } from './nodeService';
import { prepareDatabases } from './prepareDatabases';
import { SUBGRAPHS } from './subgraphs';
import { Supervisor } from './supervisor';

/**
 * `npm start`: PostgreSQL (embedded unless DATABASE_URL is set) → migrations → seed if empty →
 * every subgraph and the gateway, each its own process, all kept running by the supervisor (the
 * embedded PostgreSQL included). Ctrl-C or SIGTERM stops all of it, at any moment, start-up
 * included: the services first, then the database they use.
 */
runMain(async () => {
  const log = createLogger('hub');
  const env = process.env;
  const supervisor = new Supervisor(log);
  const opening = openHubDatabase(
    env,
    SUBGRAPHS.map((s) => s.name),
    log,
  );
  let stopping: Promise<void> | undefined;
  const stopHub = () =>
    (stopping ??= (async () => {
      log.info('stopping the hub');
      await supervisor.stopAll();
      // A database still being started is waited for, then stopped: it is never left behind.
      const db = await opening.catch(() => undefined);
      await db?.stop().catch((error: unknown) => log.warn({ err: error }, 'stopping PostgreSQL'));
      log.info('stopped');
    })());
  onShutdown(log, stopHub);

  try {
    const db = await opening;
    if (db.server) supervisor.adopt(db.server.spec, db.server.process);
    await prepareDatabases(db, SUBGRAPHS, 'if-empty', log);
    const subgraphHost = localAddress(getEnvStr(env, 'SUBGRAPH_HOST', '127.0.0.1'));
    const baseOf = (subgraph: (typeof SUBGRAPHS)[number]) =>
      `http://${subgraphHost}:${getEnvNum(env, `${envNameOf(subgraph.name)}_PORT`, subgraph.defaultPort)}`;
    // Every service learns where every subgraph runs: the gateway, and subgraphs that ask others.
    const urls = Object.fromEntries(SUBGRAPHS.map((s) => [`${envNameOf(s.name)}_URL`, `${baseOf(s)}/graphql`]));
    const gatewayEnv: NodeJS.ProcessEnv = { ...env, ...urls };
    for (const subgraph of SUBGRAPHS) {
      await supervisor.start(
        nodeService({
          name: subgraph.name,
          entry: path.join(REPO_ROOT, 'subgraphs', subgraph.name, 'src', 'main.ts'),
          env: { ...env, ...urls, [`${envNameOf(subgraph.name)}_DATABASE_URL`]: db.urlFor(subgraph.name) },
          baseUrl: baseOf(subgraph),
        }),
      );
    }
    const gatewayPort = getEnvNum(env, 'GATEWAY_PORT', 4000);
    await supervisor.start(
      nodeService({
        name: 'gateway',
        entry: path.join(REPO_ROOT, 'gateway', 'src', 'main.ts'),
        env: gatewayEnv,
        baseUrl: `http://${localAddress(getEnvStr(env, 'GATEWAY_HOST', '127.0.0.1'))}:${gatewayPort}`,
      }),
    );
    console.log(
      [
        '',
        'nsc-hub is running:',
        `  ${'GraphQL endpoint'.padEnd(20)} http://localhost:${gatewayPort}/graphql`,
        ...SUBGRAPHS.map((s) => `  ${`${s.name} subgraph`.padEnd(20)} ${gatewayEnv[`${envNameOf(s.name)}_URL`]} (gateway only)`),
        `  ${'PostgreSQL'.padEnd(20)} ${db.embedded ? `embedded, data in ${path.relative(REPO_ROOT, db.dataDir ?? '') || db.dataDir}` : 'from DATABASE_URL'}`,
        'Press Ctrl-C to stop.',
        '',
      ].join('\n'),
    );
    supervisor.reportStatus();
  } catch (error) {
    if (stopping) return; // a signal during start-up: the stop under way ends the process
    log.error({ err: error }, 'the hub could not start');
    await stopHub();
    process.exit(1);
  }
});
