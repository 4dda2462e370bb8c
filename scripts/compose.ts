import { readFileSync, writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { composeSupergraph } from './composeSupergraph';
import { DEFAULT_SUPERGRAPH_PATH } from '@nsc-hub/gateway';

/** `npm run compose`: writes the supergraph; `-- --check` fails if the committed one is stale. */
const program = new Command()
  .name('compose')
  .description('Compose every subgraph schema into the supergraph the gateway serves')
  .option('--check', 'exit 1 if the committed supergraph differs from a fresh composition')
  .option('--out <path>', 'where to write the supergraph', DEFAULT_SUPERGRAPH_PATH)
  .parse();

const { check, out } = program.opts<{ check?: boolean; out: string }>();
const result = composeSupergraph();
if (!result.ok) {
  console.error(`Composition failed:\n${result.errors.map((e) => `- ${e}`).join('\n')}`);
  process.exit(1);
}
for (const hint of result.hints) console.warn(`hint: ${hint}`);
if (check) {
  const committed = readFileSync(out, 'utf8');
  if (committed !== result.supergraphSdl) {
    console.error(`${out} is stale: run \`npm run compose\` and commit the result`);
    process.exit(1);
  }
  console.log(`${out} is current`);
} else {
  writeFileSync(out, result.supergraphSdl);
  console.log(`wrote ${out}`);
}
