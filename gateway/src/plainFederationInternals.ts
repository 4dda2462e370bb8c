/**
 * Apollo's gateway reaches every helper of `@apollo/federation-internals` (`isListType`, `assert`,
 * `ERRORS`, …) through that package's index, whose re-exports TypeScript compiled into getters.
 * Shaping a 100-city answer calls them some 300,000 times: in a CPU profile of the gateway under
 * that load, the getters alone took a fifteenth of its time. Imported before anything that loads
 * `@apollo/gateway`, this module gives the package's entry in the module cache a copy of its
 * exports as plain values, which the gateway's modules then receive. Nothing is lost by the copy:
 * each of the package's exports is assigned once, when its own module loads, which has happened by
 * then. Modules that loaded the package earlier keep the original, which works the same. If the
 * gateway is already loaded, nothing is changed.
 */
const gatewayLoaded = Boolean(require.cache[require.resolve('@apollo/gateway')]);
const internals = require('@apollo/federation-internals') as Record<string, unknown>;
const cached = require.cache[require.resolve('@apollo/federation-internals')];
if (!gatewayLoaded && cached) {
  const plain: Record<string, unknown> = { ...internals };
  Object.defineProperty(plain, '__esModule', { value: true });
  cached.exports = plain;
}
