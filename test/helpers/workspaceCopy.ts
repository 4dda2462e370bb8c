import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../../scripts/repoRoot';

/** A throwaway copy of the workspace, a git repository of its own, for tests that add and remove subgraphs. */
export interface WorkspaceCopy {
  readonly root: string;
  /** Runs a command in the copy; never throws, so a test can look at a refusal. */
  run(command: string, args: readonly string[], env?: NodeJS.ProcessEnv): SpawnSyncReturns<string>;
  /** `git status --porcelain` paths: what changed since the copy was made (folders listed file by file). */
  changedFiles(): string[];
  remove(): void;
}

/**
 * Copies every file git knows in this workspace (tracked, or new and not ignored) into a temporary
 * directory and commits it there. Installed packages are linked, not copied, except the workspace's
 * own (`@nsc-hub/*`), which point at the copy's folders, so nothing run in the copy writes here.
 */
export function copyWorkspace(): WorkspaceCopy {
  const root = mkdtempSync(path.join(os.tmpdir(), 'nsc-hub-workspace-'));
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO_ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    const from = path.join(REPO_ROOT, file);
    if (!existsSync(from)) continue; // deleted in the working tree
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    copyFileSync(from, path.join(root, file));
  }
  const modules = path.join(REPO_ROOT, 'node_modules');
  mkdirSync(path.join(root, 'node_modules', '@nsc-hub'), { recursive: true });
  for (const entry of readdirSync(modules)) {
    if (entry !== '@nsc-hub') symlinkSync(path.join(modules, entry), path.join(root, 'node_modules', entry));
  }
  // Relative links (`../../subgraphs/forums`): the same link in the copy points at the copy's folder.
  for (const entry of readdirSync(path.join(modules, '@nsc-hub'))) {
    const link = readlinkSync(path.join(modules, '@nsc-hub', entry));
    symlinkSync(link, path.join(root, 'node_modules', '@nsc-hub', entry));
    // A package's own installs (a version other than the hoisted one, e.g. the gateway's lru-cache).
    const own = path.resolve(modules, '@nsc-hub', link, 'node_modules');
    const target = path.join(root, path.relative(REPO_ROOT, path.resolve(modules, '@nsc-hub', link)), 'node_modules');
    if (existsSync(own) && !existsSync(target)) symlinkSync(own, target);
  }
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.org', ...args], { cwd: root, encoding: 'utf8' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'the workspace as copied');
  return {
    root,
    run: (command, args, env = process.env) => spawnSync(command, args, { cwd: root, encoding: 'utf8', env, timeout: 600_000 }),
    changedFiles: () =>
      git('status', '--porcelain', '--untracked-files=all')
        .split('\n')
        .filter(Boolean)
        .map((line) => line.slice(3))
        .sort(),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
