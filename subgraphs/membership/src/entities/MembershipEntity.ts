import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const MEMBERSHIP_STATUSES = ['ACTIVE', 'FORMER', 'CANDIDATE'] as const;
export type MembershipStatusValue = (typeof MEMBERSHIP_STATUSES)[number];

@Entity({ name: 'memberships' })
export class MembershipEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'city_id', type: 'text' })
  cityId: string;

  @Column({ name: 'network_id', type: 'text' })
  networkId: string;

  @Column({ type: 'text' })
  status: MembershipStatusValue;

  @Column({ type: 'text', nullable: true })
  role: string | null;

  @Column({ type: 'date', nullable: true })
  since: string | null;

  @Column({ type: 'date', nullable: true })
  until: string | null;

  @Column({ name: 'joined_year', type: 'integer', nullable: true })
  joinedYear: number | null;

  @Column({ name: 'first_recorded_year', type: 'integer', nullable: true })
  firstRecordedYear: number | null;

  @Column({ type: 'text', nullable: true })
  evidence: string | null;

  @Column({ name: 'source_ids', type: 'text', array: true, default: () => "'{}'" })
  sourceIds: string[];

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
