import path from 'node:path';

/** The repository's root directory: the scripts resolve every committed file from here. */
export const REPO_ROOT = path.resolve(__dirname, '..');
