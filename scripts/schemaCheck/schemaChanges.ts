import { buildSchema } from 'graphql';
import { CriticalityLevel, diff } from '@graphql-inspector/core';

/** How a change affects clients: GraphQL Inspector's criticality, NON_BREAKING shown as SAFE. */
export type ChangeLevel = 'BREAKING' | 'DANGEROUS' | 'SAFE';

export interface SchemaChange {
  readonly level: ChangeLevel;
  /** Inspector's change type, e.g. FIELD_REMOVED, ENUM_VALUE_ADDED. */
  readonly type: string;
  /** Schema path: `Type`, `Type.field`, `Type.field.argument`, `Enum.VALUE`, `Input.field`; `(schema)` for the schema itself. */
  readonly path: string;
  readonly message: string;
  readonly reason?: string;
}

const LEVELS: Record<CriticalityLevel, ChangeLevel> = {
  [CriticalityLevel.Breaking]: 'BREAKING',
  [CriticalityLevel.Dangerous]: 'DANGEROUS',
  [CriticalityLevel.NonBreaking]: 'SAFE',
};
const ORDER: ChangeLevel[] = ['BREAKING', 'DANGEROUS', 'SAFE'];

/** Every change from one API schema to the next, breaking first, then by path. */
export async function schemaChanges(beforeSdl: string, afterSdl: string): Promise<SchemaChange[]> {
  const changes = await diff(buildSchema(beforeSdl), buildSchema(afterSdl));
  return changes
    .map((c) => ({
      level: LEVELS[c.criticality.level],
      type: String(c.type),
      path: c.path ?? '(schema)',
      message: c.message,
      ...(c.criticality.reason ? { reason: c.criticality.reason } : {}),
    }))
    .sort((a, b) => ORDER.indexOf(a.level) - ORDER.indexOf(b.level) || a.path.localeCompare(b.path) || a.type.localeCompare(b.type));
}
