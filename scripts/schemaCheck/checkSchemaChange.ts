import { buildSchema, validate } from 'graphql';
import { changelogEntries } from './changelogEntries';
import { knownOperations, type OperationFile } from '../operations/knownOperations';
import { operationCoordinates, usesPath } from './operationCoordinates';
import { schemaChanges, type SchemaChange } from './schemaChanges';
import { schemaOwners, type Owner } from './schemaOwners';

/** One version of the graph: its API schema, and the supergraph it came from (for ownership). */
export interface SchemaVersion {
  readonly apiSdl: string;
  readonly supergraphSdl?: string;
}

export interface SchemaCheckInput {
  readonly before: SchemaVersion;
  readonly after: SchemaVersion;
  /** The operations known at the new version. */
  readonly operations: readonly OperationFile[];
  /** The text of schema/CHANGELOG.md. */
  readonly changelog: string;
  /** Subgraph name → team, from each schema's @contact. */
  readonly teams?: ReadonlyMap<string, string>;
}

export interface OperationRef {
  readonly operation: string;
  readonly file: string;
}

/**
 * What the check concluded about a change:
 * - `breaks-operations`: breaking, and a known operation that uses it no longer validates. Fails.
 * - `used-unrecorded`: breaking, used by operations that still validate (e.g. a field became
 *   nullable, which changes their generated types), and not in the changelog. Fails.
 * - `used-recorded`: the same, recorded: passes, and names the operations to look at.
 * - `unused-unrecorded`: breaking, no known operation uses it, not in the changelog. Fails.
 * - `unused-recorded`: breaking, no known operation uses it, recorded. Passes.
 * - `listed`: dangerous or safe. Passes.
 */
export type Verdict = 'breaks-operations' | 'used-unrecorded' | 'used-recorded' | 'unused-unrecorded' | 'unused-recorded' | 'listed';

export interface CheckedChange extends SchemaChange {
  readonly owners: readonly Owner[];
  /** Known operations that use the changed path (read against the old and the new schema). */
  readonly usedBy: readonly OperationRef[];
  /** Those of them that no longer validate against the new schema. */
  readonly breaks: readonly OperationRef[];
  /** The changelog line recording this path, if any. */
  readonly recorded?: string;
  readonly verdict: Verdict;
  readonly ok: boolean;
}

export interface InvalidOperation extends OperationRef {
  readonly errors: readonly string[];
}

export interface SchemaCheckReport {
  readonly ok: boolean;
  readonly changes: readonly CheckedChange[];
  /** Known operations that do not validate against the new API schema: always a failure. */
  readonly invalidOperations: readonly InvalidOperation[];
  readonly operationsChecked: number;
}

/**
 * Compares two versions of the API schema and judges every change against the operations clients
 * are known to send and the changelog. Validation against the new schema is the primary test: an
 * operation that no longer validates fails the check whatever changed.
 */
export async function checkSchemaChange(input: SchemaCheckInput): Promise<SchemaCheckReport> {
  const beforeSchema = buildSchema(input.before.apiSdl);
  const afterSchema = buildSchema(input.after.apiSdl);
  const changes = await schemaChanges(input.before.apiSdl, input.after.apiSdl);
  const ownersOf = schemaOwners([input.after.supergraphSdl, input.before.supergraphSdl], input.teams);
  const recorded = changelogEntries(input.changelog);

  const operations = knownOperations(input.operations).map((op) => {
    const ref = { operation: op.name, file: op.file };
    if (!op.document) return { ref, errors: [op.parseError ?? 'does not parse'], coordinates: new Set<string>() };
    const errors = validate(afterSchema, op.document).map((e) => e.message);
    const coordinates = new Set([...operationCoordinates(beforeSchema, op.document), ...operationCoordinates(afterSchema, op.document)]);
    return { ref, errors, coordinates };
  });

  const checked = changes.map((change): CheckedChange => {
    const users = operations.filter((op) => usesPath(op.coordinates, change.path));
    const usedBy = users.map((op) => op.ref);
    const breaks = users.filter((op) => op.errors.length > 0).map((op) => op.ref);
    const entry = recorded.get(change.path);
    const verdict: Verdict =
      change.level !== 'BREAKING'
        ? 'listed'
        : breaks.length > 0
          ? 'breaks-operations'
          : usedBy.length > 0
            ? entry ? 'used-recorded' : 'used-unrecorded'
            : entry ? 'unused-recorded' : 'unused-unrecorded';
    const ok = verdict === 'listed' || verdict === 'used-recorded' || verdict === 'unused-recorded';
    return { ...change, owners: ownersOf(change.path), usedBy, breaks, ...(entry ? { recorded: entry } : {}), verdict, ok };
  });

  const invalidOperations = operations.filter((op) => op.errors.length > 0).map((op) => ({ ...op.ref, errors: op.errors }));
  return {
    ok: checked.every((c) => c.ok) && invalidOperations.length === 0,
    changes: checked,
    invalidOperations,
    operationsChecked: operations.length,
  };
}
