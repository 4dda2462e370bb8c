import { serviceNameOf, startTracing } from '../src/tracing/startTracing';

test('a service is named in its traces after its entry point, unless OTEL_SERVICE_NAME names it', () => {
  expect(serviceNameOf({}, '/srv/nsc-hub/gateway/src/main.ts')).toBe('gateway');
  expect(serviceNameOf({}, '/srv/nsc-hub/subgraphs/forums/src/main.ts')).toBe('forums');
  expect(serviceNameOf({ OTEL_SERVICE_NAME: 'forums-eu' }, '/srv/nsc-hub/subgraphs/forums/src/main.ts')).toBe('forums-eu');
});

test('without an OTLP endpoint nothing is traced', () => {
  expect(startTracing({})).toBe(false);
});
