import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log is append-only for everyone who connects as the subgraph does, not only for the
 * graph: UPDATE, DELETE and TRUNCATE on it fail in the database itself. (Dropping the schema or
 * the database, as tests and an operator's reset do, still works.)
 */
export class AppendOnlyAuditLog1765100000001 implements MigrationInterface {
  name = 'AppendOnlyAuditLog1765100000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION knowledge.refuse_audit_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the audit log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$;
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON knowledge.audit_log
        FOR EACH ROW EXECUTE FUNCTION knowledge.refuse_audit_log_change();
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON knowledge.audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION knowledge.refuse_audit_log_change();
      CREATE INDEX audit_log_actor ON knowledge.audit_log (actor_sub);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX knowledge.audit_log_actor;
      DROP TRIGGER audit_log_no_truncate ON knowledge.audit_log;
      DROP TRIGGER audit_log_append_only ON knowledge.audit_log;
      DROP FUNCTION knowledge.refuse_audit_log_change();
    `);
  }
}
