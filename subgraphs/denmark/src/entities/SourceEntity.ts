import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'sources' })
export class SourceEntity {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'text' })
  url: string;

  @Column({ type: 'text' })
  title: string;
}
