import { createLogger } from '@nsc-hub/shared';
import { loadConfig } from './config';
import { createGateway } from './createGateway';

async function main() {
  const log = createLogger('gateway');
  const gateway = createGateway(loadConfig(), log);
  await gateway.start();
  let stopping = false;
  const shutdown = async (signal: string) => {
    // Ctrl-C reaches both this process and the supervisor, which then sends SIGTERM too.
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    await gateway.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
