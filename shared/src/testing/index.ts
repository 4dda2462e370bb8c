export * from './testDatabase';
export * from './graphqlRequest';
export * from './tokens';
export * from './startSubgraph';
export { freePort } from './globalSetup';
export * from './captureLog';
export * from './startPostgresProcess';
export * from './HubSamples';
export * from './schemaState';
