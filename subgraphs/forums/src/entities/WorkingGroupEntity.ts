import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'working_groups' })
export class WorkingGroupEntity {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ name: 'forum_id', type: 'text' })
  forumId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  acronym: string | null;

  @Column({ type: 'text', nullable: true })
  focus: string | null;

  @Column({ type: 'text', nullable: true })
  period: string | null;

  @Column({ type: 'text', nullable: true })
  status: string | null;

  @Column({ name: 'source_ids', type: 'text', array: true, default: () => "'{}'" })
  sourceIds: string[];
}
