// First: traces (when OTEL_EXPORTER_OTLP_ENDPOINT is set) need to see http, undici and pg load.
import '@nsc-hub/shared/src/tracing/register';
import { createLogger, onShutdown, runMain, serveMetrics, stopTracing } from '@nsc-hub/shared';
import { loadConfig } from './config';
import { createGateway } from './createGateway';

runMain(async () => {
  const log = createLogger('gateway');
  const config = loadConfig();
  const gateway = createGateway(config, log);
  await gateway.start();
  const metrics = await serveMetrics(gateway.metrics, config.metrics, log);
  onShutdown(log, async () => {
    await metrics?.close();
    await gateway.stop();
    await stopTracing();
  });
});
