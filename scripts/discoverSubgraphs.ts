import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isSubgraphModule, type SubgraphModule } from '@nsc-hub/shared';

/**
 * Every subgraph of the workspace: each `subgraphs/<folder>` package whose entry point exports one
 * made by `defineSubgraph`, in port order (the order they start in). Adding or removing a subgraph
 * is adding or removing its folder; nothing else lists them. Two that claim one name, port or
 * Postgres schema are refused here, naming both, so `npm start` and `npm run compose` stop early.
 */
export function discoverSubgraphs(root: string): SubgraphModule[] {
  const base = path.join(root, 'subgraphs');
  const found: { folder: string; module: SubgraphModule }[] = [];
  for (const folder of readdirSync(base).sort()) {
    const packageFile = path.join(base, folder, 'package.json');
    if (!existsSync(packageFile)) continue;
    const { main = 'index.js' } = JSON.parse(readFileSync(packageFile, 'utf8')) as { main?: string };
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded by path: the folder is the registration
    const exported = require(path.join(base, folder, main)) as Record<string, unknown>;
    const modules = Object.values(exported).filter(isSubgraphModule);
    if (modules.length !== 1) {
      throw new Error(`subgraphs/${folder}: its ${main} must export exactly one subgraph made by defineSubgraph (found ${modules.length})`);
    }
    found.push({ folder, module: modules[0] });
  }
  assertNoClashes(found);
  return found.sort((a, b) => a.module.defaultPort - b.module.defaultPort || a.module.name.localeCompare(b.module.name)).map((f) => f.module);
}

/** Subgraphs share nothing: a second claim on a name, a port or a Postgres schema is an error naming both. */
export function assertNoClashes(subgraphs: readonly { folder: string; module: SubgraphModule }[]): void {
  const claims: [string, (m: SubgraphModule) => string | number][] = [
    ['the name', (m) => m.name],
    ['port', (m) => m.defaultPort],
    ['the Postgres schema', (m) => m.dbSchema],
  ];
  const problems: string[] = [];
  for (const [what, claimOf] of claims) {
    const owners = new Map<string | number, string>();
    for (const { folder, module } of subgraphs) {
      const claim = claimOf(module);
      const first = owners.get(claim);
      if (first) problems.push(`subgraphs/${first} and subgraphs/${folder} both claim ${what} ${claim}`);
      else owners.set(claim, folder);
    }
  }
  if (problems.length) throw new Error(problems.join('; '));
}
