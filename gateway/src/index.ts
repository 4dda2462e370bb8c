export { createGateway, type Gateway } from './createGateway';
export { loadConfig, subgraphNamesIn, DEFAULT_SUPERGRAPH_PATH, type GatewayConfig } from './config';
export { DEFAULT_LIMITS, loadRequestLimits, type RequestLimits, type LimitName } from './requestLimits';
export { queryCost, ASSUMED_LIST_SIZE } from './queryCost';
