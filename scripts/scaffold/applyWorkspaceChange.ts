import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PlannedFile } from './planSubgraph';

export interface WorkspaceChange {
  /** The subgraph folder the change adds or removes (relative to the root). */
  readonly folder: string;
  /** Files to write (adding a subgraph), or none (removing its folder). */
  readonly files?: readonly PlannedFile[];
  readonly remove?: boolean;
  /** Whether the subgraphs' resolver types must be generated again. */
  readonly codegen: boolean;
  /** Progress for a person (`console.log`), or silence. */
  readonly say?: (line: string) => void;
}

/** What regenerating may rewrite outside the subgraph's folder; restored as it was if a step fails. */
function regeneratedFiles(root: string): string[] {
  const generated = readdirSync(path.join(root, 'subgraphs')).map((folder) => `subgraphs/${folder}/src/__generated__/resolvers-types.ts`);
  return ['package-lock.json', 'gateway/supergraph.graphql', 'schema/api.graphql', ...generated].filter((file) => existsSync(path.join(root, file)));
}

/**
 * Adds or removes a subgraph's folder, then regenerates what derives from the set of subgraphs:
 * the lock file's workspace entry, the resolver types, the supergraph and the API schema. If any
 * step fails, the workspace is put back as it was (the folder and every regenerated file).
 */
export function applyWorkspaceChange(root: string, change: WorkspaceChange): void {
  const say = change.say ?? (() => undefined);
  const folder = path.join(root, change.folder);
  const saved = new Map(regeneratedFiles(root).map((file) => [file, readFileSync(path.join(root, file))]));
  const removedFiles = change.remove ? readTree(folder) : new Map<string, Buffer>();
  try {
    if (change.remove) rmSync(folder, { recursive: true, force: true });
    for (const file of change.files ?? []) {
      const full = path.join(root, file.path);
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, file.content);
    }
    // Only the lock file: a workspace's packages are the root's already, and node_modules may be shared.
    run(root, say, 'package-lock.json', ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund']);
    if (change.codegen) run(root, say, 'resolver types', ['run', '--silent', 'codegen']);
    run(root, say, 'supergraph and API schema', ['run', '--silent', 'compose']);
  } catch (error) {
    if (!change.remove) rmSync(folder, { recursive: true, force: true });
    for (const [file, content] of removedFiles) {
      mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
      writeFileSync(path.join(folder, file), content);
    }
    for (const [file, content] of saved) writeFileSync(path.join(root, file), content);
    throw error;
  }
}

function run(root: string, say: (line: string) => void, what: string, args: string[]): void {
  say(`regenerating ${what} (npm ${args.join(' ')})`);
  const result = spawnSync('npm', args, { cwd: root, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
    throw new Error(`npm ${args.join(' ')} failed, so nothing was changed:\n${output}`);
  }
}

/** Every file under `dir`, by path relative to it. */
function readTree(dir: string, base = dir): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  if (!existsSync(dir)) return files;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) for (const [file, content] of readTree(full, base)) files.set(file, content);
    else if (entry.isFile()) files.set(path.relative(base, full), readFileSync(full));
  }
  return files;
}
