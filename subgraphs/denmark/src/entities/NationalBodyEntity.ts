import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'national_bodies' })
export class NationalBodyEntity {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'name_en', type: 'text', nullable: true })
  nameEn: string | null;

  @Column({ type: 'text', nullable: true })
  abbreviation: string | null;

  @Column({ type: 'text' })
  kind: string;

  @Column({ name: 'parent_id', type: 'text', nullable: true })
  parentId: string | null;

  @Column({ name: 'parent_name', type: 'text', nullable: true })
  parentName: string | null;

  @Column({ type: 'text', nullable: true })
  established: string | null;

  @Column({ type: 'text', nullable: true })
  announced: string | null;

  @Column({ name: 'opened_publicly', type: 'text', nullable: true })
  openedPublicly: string | null;

  @Column({ name: 'merged_or_dissolved', type: 'text', nullable: true })
  mergedOrDissolved: string | null;

  @Column({ name: 'secretariat_provided_by_id', type: 'text', nullable: true })
  secretariatProvidedById: string | null;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'country_code', type: 'text' })
  countryCode: string;

  @Column({ name: 'source_ids', type: 'text', array: true })
  sourceIds: string[];
}
