export { createGateway, type Gateway } from './createGateway';
export { loadConfig, subgraphNamesIn, DEFAULT_SUPERGRAPH_PATH, type GatewayConfig } from './config';
