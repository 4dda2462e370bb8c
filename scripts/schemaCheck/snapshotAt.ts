import { subgraphTeam } from '../subgraphTeam';
import type { SchemaVersion } from './checkSchemaChange';
import { gitFiles, gitShow } from './git';
import { isOperationFile, type OperationFile } from '../operations/knownOperations';

export const SUPERGRAPH_FILE = 'gateway/supergraph.graphql';

/** The graph as committed at `ref`: what the schema checks need from it. */
export interface Snapshot {
  /** Undefined when `ref` has no API schema at `apiPath`. */
  readonly version: SchemaVersion | undefined;
  readonly operations: OperationFile[];
  /** Subgraph name → team, from each `subgraphs/<name>/schema.graphql`'s @contact. */
  readonly teams: Map<string, string>;
}

export function snapshotAt(cwd: string, ref: string, apiPath: string): Snapshot {
  const apiSdl = gitShow(cwd, ref, apiPath);
  const files = gitFiles(cwd, ref, ['operations', 'subgraphs']);
  const operations = files.filter(isOperationFile).map((file) => ({ file, text: gitShow(cwd, ref, file) ?? '' }));
  const teams = new Map<string, string>();
  for (const file of files) {
    const name = /^subgraphs\/([^/]+)\/schema\.graphql$/.exec(file)?.[1];
    const team = name && subgraphTeam(gitShow(cwd, ref, file) ?? '');
    if (name && team) teams.set(name, team);
  }
  return { version: apiSdl === undefined ? undefined : { apiSdl, supergraphSdl: gitShow(cwd, ref, SUPERGRAPH_FILE) }, operations, teams };
}
