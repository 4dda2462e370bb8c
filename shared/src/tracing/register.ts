// Imported first by every entry point, before anything loads `http`, `undici` or `pg`, so their
// calls are traced when OTEL_EXPORTER_OTLP_ENDPOINT is set.
import { startTracing } from './startTracing';

startTracing();
