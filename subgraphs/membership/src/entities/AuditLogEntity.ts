import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only: one row per record a mutation changed, written in the mutation's transaction. */
@Entity({ name: 'audit_log' })
export class AuditLogEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  @Column({ name: 'actor_sub', type: 'text', nullable: true })
  actorSub: string | null;

  @Column({ name: 'actor_role', type: 'text' })
  actorRole: string;

  @Column({ name: 'actor_country', type: 'text', nullable: true })
  actorCountry: string | null;

  @Column({ name: 'entity_type', type: 'text' })
  entityType: string;

  @Column({ name: 'entity_id', type: 'text' })
  entityId: string;

  @Column({ type: 'text' })
  operation: 'CREATE' | 'UPDATE' | 'DELETE';

  @Column({ type: 'jsonb', nullable: true })
  before: unknown;

  @Column({ type: 'jsonb', nullable: true })
  after: unknown;

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId: string | null;
}
