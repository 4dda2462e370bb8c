import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { API_SCHEMA_PATH } from '../apiSchemaSdl';
import { composeSupergraph } from '../composeSupergraph';
import { REPO_ROOT } from '../repoRoot';
import { subgraphSdl } from '../subgraphSdl';
import { subgraphTeam } from '../subgraphTeam';
import { SUBGRAPHS } from '../subgraphs';
import { CHANGELOG_PATH } from './changelogEntries';
import { checkSchemaChange } from './checkSchemaChange';
import { checkSchemaHistory } from './checkSchemaHistory';
import { formatSchemaCheckReport } from './formatSchemaCheckReport';
import { git } from './git';
import { operationFilesIn } from '../operations/knownOperations';
import { snapshotAt } from './snapshotAt';

/**
 * `npm run schema:check`: composes the working tree and judges every change of its API schema
 * against the base's (`--base <ref>`, default HEAD), the known operations and schema/CHANGELOG.md.
 * `--history` checks every consecutive pair of committed versions instead (CI). Offline.
 */
const program = new Command()
  .name('schema:check')
  .description("List the API schema's changes as BREAKING, DANGEROUS or SAFE and fail on breaking changes that break known operations or are not recorded")
  .option('--base <ref>', 'the git commit, branch or tag whose schema/api.graphql to compare with', 'HEAD')
  .option('--history', 'check every change in the history of schema/api.graphql instead of the working tree')
  .option('--json', 'print the report as JSON')
  .parse();
const opts = program.opts<{ base: string; history?: boolean; json?: boolean }>();

const API_FILE = path.relative(REPO_ROOT, API_SCHEMA_PATH).split(path.sep).join('/');
const changelog = readFileSync(path.join(REPO_ROOT, CHANGELOG_PATH), 'utf8');

async function main(): Promise<boolean> {
  if (opts.history) {
    const history = await checkSchemaHistory({ cwd: REPO_ROOT, changelog, apiPath: API_FILE });
    if (opts.json) console.log(JSON.stringify({ mode: 'history', ...history }, null, 2));
    else console.log(formatHistory(history));
    return history.ok;
  }

  const composition = composeSupergraph();
  if (!composition.ok) {
    const message = `Composition failed: fix it first (\`npm run compose\` prints the same):\n\n${composition.errors.join('\n\n')}`;
    if (opts.json) console.log(JSON.stringify({ mode: 'base', base: opts.base, ok: false, error: message }, null, 2));
    else console.error(message);
    return false;
  }
  const base = snapshotAt(REPO_ROOT, opts.base, API_FILE);
  if (!base.version) {
    const message = `${opts.base} has no ${API_FILE} to compare with`;
    if (opts.json) console.log(JSON.stringify({ mode: 'base', base: opts.base, ok: false, error: message }, null, 2));
    else console.error(message);
    return false;
  }
  const teams = new Map(base.teams);
  for (const subgraph of SUBGRAPHS) {
    const team = subgraphTeam(subgraphSdl(subgraph));
    if (team) teams.set(subgraph.name, team);
  }
  const report = await checkSchemaChange({
    before: base.version,
    after: { apiSdl: composition.apiSchemaSdl, supergraphSdl: composition.supergraphSdl },
    operations: operationFilesIn(REPO_ROOT),
    changelog,
    teams,
  });
  if (opts.json) console.log(JSON.stringify({ mode: 'base', base: opts.base, ...report }, null, 2));
  else console.log(`Schema check: the working tree's API schema against ${opts.base}:${API_FILE}\n\n${formatSchemaCheckReport(report)}`);
  return report.ok;
}

function formatHistory(history: Awaited<ReturnType<typeof checkSchemaHistory>>): string {
  if (history.error) return `Schema history check FAILED: ${history.error}`;
  const short = (commit: string) => commit.slice(0, 10);
  const subject = (commit: string) => git(REPO_ROOT, ['log', '-1', '--format=%s', commit]).trim();
  const lines = [
    `Schema history check: ${history.versions.length} committed version${history.versions.length === 1 ? '' : 's'} of ${API_FILE}, ${history.steps.length} change${history.steps.length === 1 ? '' : 's'} between consecutive versions,`,
    `each against the operations known at the newer commit and ${CHANGELOG_PATH} as it is now.`,
  ];
  for (const step of history.steps) {
    lines.push('', `${step.report.ok ? '✓' : '✗'} ${short(step.from)} → ${short(step.to)} ${subject(step.to)}`);
    lines.push(...formatSchemaCheckReport(step.report).split('\n').map((l) => (l ? `    ${l}` : l)));
  }
  lines.push('', history.ok ? 'Schema history check passed.' : 'Schema history check FAILED: see the steps marked ✗ above.');
  return lines.join('\n');
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
