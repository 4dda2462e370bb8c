import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A public source that seeded facts cite (url and title as published). */
@Entity({ name: 'sources' })
export class SourceEntity {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'text' })
  url: string;

  @Column({ type: 'text' })
  title: string;
}
