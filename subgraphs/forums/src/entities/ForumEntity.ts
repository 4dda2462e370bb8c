import { Column, Entity, PrimaryColumn } from 'typeorm';

export const FORUM_KINDS = ['EU', 'UN', 'INTERGOVERNMENTAL', 'CITY_NETWORK', 'NORDIC', 'OTHER'] as const;
export type ForumKindValue = (typeof FORUM_KINDS)[number];

@Entity({ name: 'forums' })
export class ForumEntity {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  acronym: string | null;

  @Column({ type: 'text' })
  kind: ForumKindValue;

  @Column({ name: 'founded_year', type: 'integer', nullable: true })
  foundedYear: number | null;

  @Column({ name: 'founded_on', type: 'date', nullable: true })
  foundedOn: string | null;

  @Column({ type: 'text', nullable: true })
  website: string | null;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'text', nullable: true })
  founder: string | null;

  @Column({ name: 'members_scope', type: 'text', nullable: true })
  membersScope: string | null;

  @Column({ type: 'text', nullable: true })
  structure: string | null;

  @Column({ name: 'predecessor_id', type: 'text', nullable: true })
  predecessorId: string | null;

  @Column({ name: 'successor_id', type: 'text', nullable: true })
  successorId: string | null;

  /** The same body as a city network of the membership subgraph. */
  @Column({ name: 'network_id', type: 'text', nullable: true })
  networkId: string | null;

  @Column({ name: 'source_ids', type: 'text', array: true, default: () => "'{}'" })
  sourceIds: string[];
}
