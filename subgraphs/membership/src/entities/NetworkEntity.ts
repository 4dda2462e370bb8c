import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'networks' })
export class NetworkEntity {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'short_name', type: 'text', nullable: true })
  shortName: string | null;

  @Column({ type: 'integer', nullable: true })
  founded: number | null;

  @Column({ type: 'text', nullable: true })
  website: string | null;

  @Column({ type: 'text', nullable: true })
  scope: string | null;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'text' })
  owner: string;

  @Column({ name: 'source_ids', type: 'text', array: true, default: () => "'{}'" })
  sourceIds: string[];
}
