import { Column, Entity, PrimaryColumn } from 'typeorm';

export type PreventionStructureKindValue = 'STRUCTURE_TYPE' | 'LOCAL_INSTANCE';
export type PreventionLevelValue = 'POLICE_DISTRICT' | 'MUNICIPALITY';

@Entity({ name: 'prevention_structures' })
export class PreventionStructureEntity {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'name_en', type: 'text', nullable: true })
  nameEn: string | null;

  @Column({ type: 'text' })
  kind: PreventionStructureKindValue;

  @Column({ type: 'text' })
  level: PreventionLevelValue;

  @Column({ name: 'type_id', type: 'text', nullable: true })
  typeId: string | null;

  /** A year or a date, as the sources give it. */
  @Column({ type: 'text', nullable: true })
  established: string | null;

  @Column({ name: 'legal_basis', type: 'text', nullable: true })
  legalBasis: string | null;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'integer', nullable: true })
  count: number | null;

  @Column({ name: 'municipality_code', type: 'text', nullable: true })
  municipalityCode: string | null;

  @Column({ name: 'police_district_id', type: 'text', nullable: true })
  policeDistrictId: string | null;

  @Column({ type: 'text', nullable: true })
  url: string | null;

  @Column({ name: 'contact_email', type: 'text', nullable: true })
  contactEmail: string | null;

  @Column({ name: 'source_ids', type: 'text', array: true })
  sourceIds: string[];

  @Column({ type: 'text' })
  owner: string;

  @Column({ type: 'integer' })
  version: number;
}
