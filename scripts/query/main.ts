import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SingleBar } from 'cli-progress';
import { Command, Option } from 'commander';
import { parse, print, type DocumentNode } from 'graphql';
import { getEnvNum } from '@nsc-hub/shared';
import { flattenRows, rowsOf, toCsv } from '@nsc-hub/shared/src/export';
import { followPages, type GraphQLResult, type PageProgress } from './followPages';
import { runQuery } from './runQuery';

/**
 * `npm run query -- <file.graphql>`: runs a query against the hub and writes the answer as CSV,
 * JSON or NDJSON, following every connection to its last page with `--all-pages`. A GraphQL error
 * is printed and the command fails, leaving no file behind unless `--allow-partial`.
 */
const program = new Command()
  .name('query')
  .description('Run a GraphQL query against the hub and export the answer (CSV, JSON or NDJSON)')
  .argument('<file>', 'a .graphql file with one operation')
  .option('--vars <json>', 'variables as JSON, e.g. \'{"country":"DK"}\'')
  .option('--vars-file <file>', 'variables from a JSON file')
  .addOption(new Option('--format <format>', 'what to write').choices(['csv', 'json', 'ndjson']).default('json'))
  .option('--out <file>', 'where to write (default: standard output)')
  .option('--url <url>', 'the gateway (default: http://127.0.0.1:$GATEWAY_PORT/graphql, port 4000)')
  .option('--token <jwt>', 'a bearer token (see `npm run token`)')
  .option('--all-pages', "follow every connection's pageInfo.endCursor to the last page")
  .option('--rows <path>', 'the list the rows come from, as a dotted path (default: the one root field)')
  .option('--explode <path...>', 'a list (relative to a row, e.g. node.memberships) that becomes one row per item')
  .option('--bom', 'start CSV with a byte-order mark, for Excel')
  .option('--allow-partial', 'write what came back even when the answer has errors (still exits 1)')
  .parse();

const opts = program.opts<{
  vars?: string;
  varsFile?: string;
  format: 'csv' | 'json' | 'ndjson';
  out?: string;
  url?: string;
  token?: string;
  allPages?: boolean;
  rows?: string;
  explode?: string[];
  bom?: boolean;
  allowPartial?: boolean;
}>();

function variables(): Record<string, unknown> | undefined {
  if (opts.vars && opts.varsFile) program.error('give --vars or --vars-file, not both');
  const text = opts.vars ?? (opts.varsFile ? readFileSync(opts.varsFile, 'utf8') : undefined);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    return program.error(`the variables are not JSON: ${(error as Error).message}`);
  }
}

/** Items fetched of totalCount, on stderr, for a person watching; nothing when stderr is not a terminal. */
function progressBar(): { update(progress: PageProgress): void; stop(): void } {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar({ stream: process.stderr, format: '{path} [{bar}] {value}/{total} items', hideCursor: true });
  let started = false;
  return {
    update(progress) {
      const total = progress.total ?? progress.fetched;
      if (!started) bar.start(total, progress.fetched, { path: progress.path });
      started = true;
      bar.setTotal(total);
      bar.update(progress.fetched, { path: progress.path });
    },
    stop: () => started && bar.stop(),
  };
}

function render(result: GraphQLResult): string {
  if (opts.format === 'json') return `${JSON.stringify(result.errors ? result : result.data, null, 2)}\n`;
  const rows = rowsOf(result.data, opts.rows);
  if (opts.format === 'ndjson') return rows.map((row) => `${JSON.stringify(row)}\n`).join('');
  return toCsv(flattenRows(rows, { explode: opts.explode }), { bom: opts.bom });
}

/** The whole file or nothing: written beside its place and renamed into it. */
function write(content: string): void {
  if (!opts.out) {
    process.stdout.write(content);
    return;
  }
  const partial = path.join(path.dirname(opts.out), `.${path.basename(opts.out)}.partial`);
  try {
    writeFileSync(partial, content);
    renameSync(partial, opts.out);
  } finally {
    rmSync(partial, { force: true });
  }
}

async function main(): Promise<void> {
  const [file] = program.args;
  let document: DocumentNode;
  try {
    document = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return program.error(`${file}: ${(error as Error).message}`);
  }
  const url = opts.url ?? `http://127.0.0.1:${getEnvNum(process.env, 'GATEWAY_PORT', 4000)}/graphql`;
  const vars = variables();
  const run = (doc: DocumentNode) => runQuery(url, print(doc), vars, opts.token);
  const bar = progressBar();
  let result: GraphQLResult;
  try {
    result = await run(document);
    if (opts.allPages) result = await followPages(document, result, run, (progress) => bar.update(progress));
  } finally {
    bar.stop();
  }
  const failed = (result.errors?.length ?? 0) > 0;
  if (failed) {
    for (const error of result.errors!) {
      const code = error.extensions?.code ? ` [${String(error.extensions.code)}]` : '';
      console.error(`error${code}: ${error.message}${error.path ? ` (at ${error.path.join('.')})` : ''}`);
    }
  }
  if (!failed || opts.allowPartial) write(render(result));
  if (failed) process.exit(1);
}

main().catch((error: Error) => {
  console.error(`query: ${error.message}`);
  process.exit(1);
});
