export { createGateway, type Gateway } from './createGateway';
export { loadConfig, subgraphNamesIn, timeoutsFor, DEFAULT_GATEWAY_PORT, DEFAULT_SUPERGRAPH_PATH, DEFAULT_RESILIENCE, type GatewayConfig, type ResponseCacheConfig, type SubgraphTimeouts } from './config';
export { DEFAULT_LIMITS, loadRequestLimits, type RequestLimits, type LimitName } from './requestLimits';
export { queryCost, ASSUMED_LIST_SIZE } from './queryCost';
export { supergraphJoins, type SupergraphJoins } from './supergraphJoins';
