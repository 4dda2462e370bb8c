// The gateway process hands Apollo's gateway @apollo/federation-internals with its exports as plain
// values rather than the getters TypeScript compiled its re-exports into (see
// plainFederationInternals.ts). Checked in a Node process of its own, loading the gateway's modules
// in the order its entry point does: Jest keeps a module registry of its own.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const REPO = path.resolve(__dirname, '..', '..');

/** Where each helper Apollo's result shaping calls most is defined in the package. */
const DEFINED_IN = { isListType: 'definitions', isNonNullType: 'definitions', isCompositeType: 'definitions', assert: 'utils', ERRORS: 'error' };

/** How those helpers are exported by the package's index once `modules` have loaded: `value` (its own, plain) or `getter`. */
function exportsAfterLoading(modules: readonly string[]): Record<string, string> {
  const script = `
    for (const m of ${JSON.stringify(modules)}) require(m);
    const internals = require('@apollo/federation-internals');
    const kinds = {};
    for (const [name, file] of Object.entries(${JSON.stringify(DEFINED_IN)})) {
      const d = Object.getOwnPropertyDescriptor(internals, name);
      kinds[name] = d.get ? 'getter' : d.value === require('@apollo/federation-internals/dist/' + file)[name] ? 'value' : 'another value';
    }
    process.stdout.write(JSON.stringify(kinds));`;
  return JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: REPO, encoding: 'utf8', timeout: 60_000 }));
}

it('hands the gateway the package’s own helpers as plain values when loaded as the entry point loads it', () => {
  const kinds = exportsAfterLoading(['@nsc-hub/shared/src/tracing/register', '@nsc-hub/shared', './gateway/src/config', './gateway/src/createGateway']);
  expect(kinds).toEqual({ isListType: 'value', isNonNullType: 'value', isCompositeType: 'value', assert: 'value', ERRORS: 'value' });
});

it('leaves the package as it is where Apollo’s gateway was loaded first, as stock Apollo in the benchmark is', () => {
  const kinds = exportsAfterLoading(['@apollo/gateway', './gateway/src/createGateway']);
  expect(kinds.isListType).toBe('getter');
});
