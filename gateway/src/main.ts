import { createLogger, onShutdown, runMain } from '@nsc-hub/shared';
import { loadConfig } from './config';
import { createGateway } from './createGateway';

runMain(async () => {
  const log = createLogger('gateway');
  const gateway = createGateway(loadConfig(), log);
  await gateway.start();
  onShutdown(log, () => gateway.stop());
});
