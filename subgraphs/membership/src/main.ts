// First: traces (when OTEL_EXPORTER_OTLP_ENDPOINT is set) need to see http, undici and pg load.
import '@nsc-hub/shared/src/tracing/register';
import { runSubgraph } from '@nsc-hub/shared';
import { membershipSubgraph } from './index';

runSubgraph(membershipSubgraph);
