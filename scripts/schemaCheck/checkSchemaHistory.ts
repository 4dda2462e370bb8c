import { checkSchemaChange, type SchemaCheckReport } from './checkSchemaChange';
import { ensureFullHistory, git } from './git';
import { snapshotAt } from './snapshotAt';

export interface HistoryStep {
  /** The older commit and the newer one, full hashes. */
  readonly from: string;
  readonly to: string;
  readonly report: SchemaCheckReport;
}

export interface HistoryReport {
  readonly ok: boolean;
  /** Commits that changed the API schema, oldest first. */
  readonly versions: readonly string[];
  /** One per pair of consecutive versions; only those whose schema text differs. */
  readonly steps: readonly HistoryStep[];
  /** Why the history could not be checked (a shallow clone, no git): a failure. */
  readonly error?: string;
}

export interface HistoryOptions {
  /** The repository. */
  readonly cwd: string;
  /**
   * The changelog every step is judged by: the current one (HEAD's in CI), so a change that was
   * recorded late, or an entry reworded, counts; a commit's own changelog could never be amended.
   */
  readonly changelog: string;
  readonly apiPath?: string;
}

/**
 * Every breaking change in the API schema's history, from its first committed version on: each
 * consecutive pair of versions is checked like a change under review, against the operations
 * known at the newer commit (its `operations/` and `subgraphs/<name>/operations/`).
 */
export async function checkSchemaHistory({ cwd, changelog, apiPath = 'schema/api.graphql' }: HistoryOptions): Promise<HistoryReport> {
  const unavailable = ensureFullHistory(cwd);
  if (unavailable) return { ok: false, versions: [], steps: [], error: unavailable };

  // --follow keeps a renamed file's history; --name-status gives its path at each commit. Git's
  // --follow also takes a new file for a copy of a similar one (schema/api.graphql of
  // gateway/supergraph.graphql): a copy, like an addition, is where the history starts.
  const log = git(cwd, ['log', '--follow', '--format=%H', '--name-status', '--', apiPath]);
  const versions: { commit: string; path: string }[] = [];
  let commit: string | undefined;
  for (const line of log.split('\n').map((l) => l.trim()).filter(Boolean)) {
    if (/^[0-9a-f]{40}$/.test(line)) {
      commit = line;
      continue;
    }
    if (!commit) continue;
    const [status, ...paths] = line.split('\t');
    versions.push({ commit, path: paths[paths.length - 1] });
    commit = undefined;
    if (status.startsWith('A') || status.startsWith('C')) break;
  }
  versions.reverse();

  const steps: HistoryStep[] = [];
  let previous: { commit: string; apiSdl: string; supergraphSdl?: string } | undefined;
  for (const version of versions) {
    const snapshot = snapshotAt(cwd, version.commit, version.path);
    if (!snapshot.version) continue; // the file was deleted in this commit
    if (previous && previous.apiSdl !== snapshot.version.apiSdl) {
      const report = await checkSchemaChange({
        before: previous,
        after: snapshot.version,
        operations: snapshot.operations,
        changelog,
        teams: snapshot.teams,
      });
      steps.push({ from: previous.commit, to: version.commit, report });
    }
    previous = { commit: version.commit, ...snapshot.version };
  }
  return { ok: steps.every((s) => s.report.ok), versions: versions.map((v) => v.commit), steps };
}
