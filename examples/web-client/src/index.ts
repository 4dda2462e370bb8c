export { createHubClient, type HubClientOptions } from './createHubClient';
export { cityPage } from './cityPage';
export { cityList, type CityListPage } from './cityList';
export { searchResources } from './searchResources';
