import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { DEFAULT_SUPERGRAPH_PATH } from '@nsc-hub/gateway';
import { API_SCHEMA_PATH } from './apiSchemaSdl';
import { composeSubgraphSources, composeSupergraph, type SubgraphSource } from './composeSupergraph';

/**
 * `npm run compose`: writes the supergraph the gateway serves and the public API schema
 * (schema/api.graphql); `-- --check` fails if either committed file is stale. A composition error
 * is printed with the subgraph, type and field it concerns and a hint, and the command fails.
 */
const program = new Command()
  .name('compose')
  .description('Compose every subgraph schema into the supergraph the gateway serves and the public API schema')
  .option('--check', 'exit 1 if a committed file differs from a fresh composition')
  .option('--out <path>', `where to write the supergraph (default: ${path.relative(process.cwd(), DEFAULT_SUPERGRAPH_PATH)})`)
  .option('--api-out <path>', `where to write the API schema (default: ${path.relative(process.cwd(), API_SCHEMA_PATH)})`)
  .option('--subgraphs-from <dir>', 'a trial: compose the <name>.graphql files in <dir> instead of the registered subgraphs; writes only what --out/--api-out name')
  .parse();

const opts = program.opts<{ check?: boolean; out?: string; apiOut?: string; subgraphsFrom?: string }>();
const trial = opts.subgraphsFrom !== undefined;
const result = trial ? composeSubgraphSources(filesIn(opts.subgraphsFrom!)) : composeSupergraph();
if (!result.ok) {
  console.error(`Composition failed with ${result.errors.length} error${result.errors.length === 1 ? '' : 's'}:\n`);
  console.error(result.errors.map((e, i) => `${i + 1}. ${e}`).join('\n\n'));
  process.exit(1);
}
for (const hint of result.hints) console.warn(`hint: ${hint}`);

// A trial writes nowhere unless told: the committed files describe the registered subgraphs only.
const outputs = [
  { path: opts.out ?? (trial ? undefined : DEFAULT_SUPERGRAPH_PATH), content: result.supergraphSdl },
  { path: opts.apiOut ?? (trial ? undefined : API_SCHEMA_PATH), content: result.apiSchemaSdl },
].filter((o): o is { path: string; content: string } => o.path !== undefined);

let stale = false;
for (const output of outputs) {
  const shown = path.relative(process.cwd(), output.path);
  if (opts.check) {
    if (readIfExists(output.path) !== output.content) {
      console.error(`${shown} is stale: run \`npm run compose\` and commit the result`);
      stale = true;
    } else console.log(`${shown} is current`);
  } else {
    writeFileSync(output.path, output.content);
    console.log(`wrote ${shown}`);
  }
}
if (trial && outputs.length === 0) console.log(`the subgraphs in ${opts.subgraphsFrom} compose`);
if (stale) process.exit(1);

function filesIn(dir: string): SubgraphSource[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.graphql')).sort();
  if (files.length === 0) program.error(`no <name>.graphql files in ${dir}`);
  return files.map((file, i) => ({
    name: path.basename(file, '.graphql'),
    url: `http://localhost:${4001 + i}/graphql`,
    sdl: readFileSync(path.join(dir, file), 'utf8'),
    file: path.resolve(dir, file),
  }));
}

function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
