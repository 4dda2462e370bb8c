import { CHANGELOG_PATH } from './changelogEntries';
import type { CheckedChange, OperationRef, SchemaCheckReport } from './checkSchemaChange';
import type { Owner } from './schemaOwners';

const ops = (refs: readonly OperationRef[], max = Infinity) => {
  const shown = refs.slice(0, max).map((r) => `${r.operation} (${r.file})`).join(', ');
  return refs.length > max ? `${shown} and ${refs.length - max} more` : shown;
};
const owner = (o: Owner) => `${o.subgraph}${o.team ? ` (${o.team})` : ''}`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const INDENT = ' '.repeat(11);

function verdictLine(change: CheckedChange): string | undefined {
  switch (change.verdict) {
    case 'breaks-operations':
      return `✗ breaks ${plural(change.breaks.length, 'known operation')}: ${ops(change.breaks)}`;
    case 'used-unrecorded':
      return `✗ used by ${ops(change.usedBy)}, which still validate but will see the change; not recorded in ${CHANGELOG_PATH}`;
    case 'used-recorded':
      return `✓ recorded in ${CHANGELOG_PATH}; used by ${ops(change.usedBy)}, which still validate`;
    case 'unused-unrecorded':
      return `✗ no known operation uses it, but it is not recorded in ${CHANGELOG_PATH}`;
    case 'unused-recorded':
      return `✓ unused, recorded in ${CHANGELOG_PATH}`;
    case 'listed':
      return change.usedBy.length ? `used by ${ops(change.usedBy, 3)}` : undefined;
  }
}

/** The report for a person: every change with its level, path, owner and verdict, then what fails and what to do. */
export function formatSchemaCheckReport(report: SchemaCheckReport): string {
  const lines: string[] = [];
  const count = (level: string) => report.changes.filter((c) => c.level === level).length;
  lines.push(
    report.changes.length === 0
      ? 'No changes to the API schema.'
      : `${plural(report.changes.length, 'change')}: ${count('BREAKING')} breaking, ${count('DANGEROUS')} dangerous, ${count('SAFE')} safe`,
  );
  for (const change of report.changes) {
    lines.push('', `${change.level.padEnd(INDENT.length - 1)} ${change.path} — ${change.message}`);
    lines.push(`${INDENT}owner: ${change.owners.length ? change.owners.map(owner).join(', ') : 'unknown'}`);
    const verdict = verdictLine(change);
    if (verdict) lines.push(`${INDENT}${verdict}`);
  }
  const valid = report.operationsChecked - report.invalidOperations.length;
  lines.push('', `${plural(report.operationsChecked, 'known operation')} checked against the new API schema: ${valid} valid.`);
  for (const op of report.invalidOperations) {
    lines.push(`  ✗ ${op.operation} (${op.file}):`, ...op.errors.map((e) => `      ${e}`));
  }

  const failing = report.changes.filter((c) => !c.ok);
  if (report.ok) {
    lines.push('', 'Schema check passed.');
    return lines.join('\n');
  }
  lines.push('', 'Schema check FAILED:');
  for (const change of failing) {
    if (change.verdict === 'breaks-operations') {
      lines.push(`  - ${change.path} breaks ${ops(change.breaks)}: keep the old path (deprecate it first), or change those operations in the same commit.`);
    } else {
      lines.push(`  - ${change.path} is breaking and not recorded. If it is intended, add a line to ${CHANGELOG_PATH}, e.g.`, `      - \`${change.path}\` ${describe(change)}: <why, and what clients do instead>`);
    }
  }
  const unattributed = report.invalidOperations.filter((op) => !failing.some((c) => c.breaks.some((b) => b.file === op.file && b.operation === op.operation)));
  for (const op of unattributed) lines.push(`  - ${op.operation} (${op.file}) does not validate against the new API schema: fix the operation or the schema.`);
  return lines.join('\n');
}

function describe(change: CheckedChange): string {
  if (change.type.endsWith('_REMOVED')) return 'removed';
  if (change.type.endsWith('_TYPE_CHANGED')) return 'changed type';
  if (change.type.endsWith('_ADDED')) return 'added (required)';
  return change.type.toLowerCase().replace(/_/g, ' ');
}
