import { sqlMigration } from './sqlMigration';

/**
 * The audit log table, as the first subgraphs created it in their first migration (they keep that
 * migration; a new subgraph includes this one instead). `appendOnlyAuditLogMigration` follows it.
 */
// The schema name is checked by defineSubgraph (lower case, digits, underscores), so it needs no quoting.
export function createAuditLogMigration(schema: string, timestamp: number) {
  return sqlMigration(
    'CreateAuditLog',
    timestamp,
    `
      CREATE TABLE ${schema}.audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_sub text,
        actor_role text NOT NULL,
        actor_country text,
        entity_type text NOT NULL,
        entity_id text NOT NULL,
        operation text NOT NULL CHECK (operation IN ('CREATE', 'UPDATE', 'DELETE')),
        before jsonb,
        after jsonb,
        request_id text
      );
      CREATE INDEX audit_log_entity ON ${schema}.audit_log (entity_type, entity_id);
    `,
    `DROP TABLE ${schema}.audit_log;`,
  );
}
