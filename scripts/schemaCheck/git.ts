import { execFileSync } from 'node:child_process';

/** Runs git in `cwd` and returns its standard output; throws with git's message on failure. */
export function git(cwd: string, args: readonly string[]): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim();
    throw new Error(`git ${args.join(' ')}: ${stderr || (error as Error).message}`);
  }
}

/** A file's content at a commit, or undefined if it did not exist there. */
export function gitShow(cwd: string, ref: string, file: string): string | undefined {
  try {
    return git(cwd, ['show', `${ref}:${file}`]);
  } catch {
    return undefined;
  }
}

/** Every file under `dirs` at a commit, repository-relative. */
export function gitFiles(cwd: string, ref: string, dirs: readonly string[]): string[] {
  return git(cwd, ['ls-tree', '-r', '--name-only', ref, '--', ...dirs])
    .split('\n')
    .filter(Boolean);
}

/**
 * Makes sure the whole history is there: a shallow clone (as CI checkouts often are) is deepened
 * with `git fetch --unshallow`. Returns why the history is unavailable, or undefined when it is.
 */
export function ensureFullHistory(cwd: string): string | undefined {
  let shallow: string;
  try {
    shallow = git(cwd, ['rev-parse', '--is-shallow-repository']).trim();
  } catch (error) {
    return `not a git repository with history (${(error as Error).message})`;
  }
  if (shallow !== 'true') return undefined;
  try {
    git(cwd, ['fetch', '--unshallow', '--quiet']);
  } catch (error) {
    return `the clone is shallow and \`git fetch --unshallow\` failed (${(error as Error).message}). Clone with full history (e.g. actions/checkout with fetch-depth: 0) to run the history check`;
  }
  return git(cwd, ['rev-parse', '--is-shallow-repository']).trim() === 'true'
    ? 'the clone is still shallow after `git fetch --unshallow`: clone with full history to run the history check'
    : undefined;
}
