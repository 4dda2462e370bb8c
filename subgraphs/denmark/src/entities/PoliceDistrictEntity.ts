import { Column, Entity, PrimaryColumn } from 'typeorm';

export const MUNICIPALITY_LIST_BASES = ['ONE_SOURCE', 'DERIVED', 'COMPILED', 'EXCERPT'] as const;
export type MunicipalityListBasisValue = (typeof MUNICIPALITY_LIST_BASES)[number];

// Column types are spelled out: tsx and esbuild emit no decorator metadata to infer them from.
@Entity({ name: 'police_districts' })
export class PoliceDistrictEntity {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'name_en', type: 'text', nullable: true })
  nameEn: string | null;

  @Column({ name: 'dagi_code', type: 'text', nullable: true })
  dagiCode: string | null;

  @Column({ name: 'in_denmark_proper', type: 'boolean' })
  inDenmarkProper: boolean;

  @Column({ name: 'country_code', type: 'text' })
  countryCode: string;

  @Column({ type: 'date', nullable: true })
  established: string | null;

  @Column({ type: 'text', nullable: true })
  headquarters: string | null;

  @Column({ name: 'state_prosecutor', type: 'text', nullable: true })
  stateProsecutor: string | null;

  @Column({ name: 'municipality_count', type: 'integer', nullable: true })
  municipalityCount: number | null;

  @Column({ name: 'municipalities_basis', type: 'text', nullable: true })
  municipalitiesBasis: MunicipalityListBasisValue | null;

  @Column({ name: 'municipalities_note', type: 'text', nullable: true })
  municipalitiesNote: string | null;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'text', nullable: true })
  url: string | null;

  @Column({ name: 'contact_email', type: 'text', nullable: true })
  contactEmail: string | null;

  @Column({ name: 'source_ids', type: 'text', array: true })
  sourceIds: string[];

  /** Danish editors write it. */
  @Column({ type: 'text' })
  owner: string;

  @Column({ type: 'integer' })
  version: number;
}
