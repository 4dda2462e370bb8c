import { Command, InvalidArgumentError } from 'commander';
import { discoverSubgraphs } from '../discoverSubgraphs';
import { REPO_ROOT } from '../repoRoot';
import { applyWorkspaceChange } from './applyWorkspaceChange';
import { planSubgraph } from './planSubgraph';
import { Refusal } from './Refusal';

/**
 * `npm run subgraph:new -- <name> --country <CC> --team "<team>"`: a country team's subgraph in the
 * house shape, with its own tests, composed into the graph. A name, country or port that cannot be
 * used is refused in one line, and nothing is written.
 */
const program = new Command()
  .name('subgraph:new')
  .description("Scaffold a country team's subgraph under subgraphs/<name>, generate its types and compose it into the graph")
  .argument('<name>', 'lower-case kebab case, e.g. denmark')
  .requiredOption('--country <code>', 'the country that owns it: its editors write its records (e.g. DK)')
  .requiredOption('--team <name>', 'the team that owns and runs it, recorded in its schema with @contact')
  .option('--port <number>', 'its default port (default: the next one after the other subgraphs)', (value) => {
    if (!/^\d+$/.test(value)) throw new InvalidArgumentError('a port is a whole number');
    return Number(value);
  })
  .option('--entity <TypeName>', 'the GraphQL type of its first entity (default: <Name>Record)')
  .option('--dry-run', 'list what it would write, and write nothing')
  .parse();

const [name] = program.args;
const opts = program.opts<{ country: string; team: string; port?: number; entity?: string; dryRun?: boolean }>();

try {
  const plan = planSubgraph(REPO_ROOT, discoverSubgraphs(REPO_ROOT), { name, ...opts });
  if (opts.dryRun) {
    console.log(`would write ${plan.files.length} files (port ${plan.port}, entity ${plan.entity}):`);
    for (const file of plan.files) console.log(`  ${file.path}`);
    console.log(`  ${plan.folder}/src/__generated__/resolvers-types.ts (generated)`);
    console.log('and regenerate package-lock.json, gateway/supergraph.graphql and schema/api.graphql');
  } else {
    applyWorkspaceChange(REPO_ROOT, { folder: plan.folder, files: plan.files, codegen: true, say: (line) => console.log(line) });
    console.log(`\nsubgraphs/${plan.name} is ready: port ${plan.port}, entity ${plan.entity}. Next: read ${plan.folder}/README.md, then \`npm test\` and \`npm start\`.`);
  }
} catch (error) {
  if (error instanceof Refusal) {
    console.error(`subgraph:new: ${error.message}; nothing was written`);
    process.exit(1);
  }
  console.error(`subgraph:new: ${(error as Error).message}`);
  process.exit(1);
}
