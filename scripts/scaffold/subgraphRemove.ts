import path from 'node:path';
import { Command } from 'commander';
import { discoverSubgraphs } from '../discoverSubgraphs';
import { REPO_ROOT } from '../repoRoot';
import { applyWorkspaceChange } from './applyWorkspaceChange';
import { subgraphReferences } from './subgraphReferences';

/**
 * `npm run subgraph:remove -- <name>`: takes a subgraph out of the graph (its folder, its lock file
 * entry, its part of the supergraph and API schema). Refused while other subgraphs reference its
 * types. Its data stays in its Postgres schema until someone drops it.
 */
const program = new Command()
  .name('subgraph:remove')
  .description('Remove a subgraph from the workspace and compose the graph without it')
  .argument('<name>', 'the subgraph, e.g. testland')
  .option('--dry-run', 'say what it would remove, and remove nothing')
  .parse();

const [name] = program.args;
const { dryRun } = program.opts<{ dryRun?: boolean }>();

function refuse(reason: string): never {
  console.error(`subgraph:remove: ${reason}; nothing was changed`);
  process.exit(1);
}

try {
  const subgraphs = discoverSubgraphs(REPO_ROOT);
  const subgraph = subgraphs.find((s) => s.name === name);
  if (!subgraph) refuse(`no subgraph is named "${name}" (there are ${subgraphs.map((s) => s.name).join(', ')})`);
  const references = subgraphReferences(subgraphs, name);
  if (references.size > 0) {
    const who = [...references].map(([other, types]) => `${other} (${types.join(', ')})`).join('; ');
    refuse(`other subgraphs still reference its types: ${who}`);
  }
  const folder = path.relative(REPO_ROOT, subgraph.dir);
  if (dryRun) {
    console.log(`would remove ${folder}/ and regenerate package-lock.json, gateway/supergraph.graphql and schema/api.graphql`);
  } else {
    applyWorkspaceChange(REPO_ROOT, { folder, remove: true, codegen: false, say: (line) => console.log(line) });
    console.log(`\nremoved ${folder}. Its data is still in the Postgres schema "${subgraph.dbSchema}": drop it there when it is no longer wanted.`);
  }
} catch (error) {
  console.error(`subgraph:remove: ${(error as Error).message}`);
  process.exit(1);
}
