import { sqlMigration } from './sqlMigration';

/**
 * The audit log is append-only for everyone who connects as the subgraph does, not only for the
 * graph: UPDATE, DELETE and TRUNCATE on it fail in the database itself. (Dropping the schema or
 * the database, as tests and an operator's reset do, still works.)
 * The SQL is exactly what the first subgraphs applied, so their databases see nothing new.
 */
export function appendOnlyAuditLogMigration(schema: string, timestamp: number) {
  return sqlMigration(
    'AppendOnlyAuditLog',
    timestamp,
    `
      CREATE FUNCTION ${schema}.refuse_audit_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the audit log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$;
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON ${schema}.audit_log
        FOR EACH ROW EXECUTE FUNCTION ${schema}.refuse_audit_log_change();
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON ${schema}.audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION ${schema}.refuse_audit_log_change();
      CREATE INDEX audit_log_actor ON ${schema}.audit_log (actor_sub);
    `,
    `
      DROP INDEX ${schema}.audit_log_actor;
      DROP TRIGGER audit_log_no_truncate ON ${schema}.audit_log;
      DROP TRIGGER audit_log_append_only ON ${schema}.audit_log;
      DROP FUNCTION ${schema}.refuse_audit_log_change();
    `,
  );
}
