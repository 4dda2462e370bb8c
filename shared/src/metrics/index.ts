export * from './ServiceMetrics';
export * from './serveMetrics';
export * from './databaseMetrics';
