import { Column, Entity, PrimaryColumn } from 'typeorm';

export const COOPERATION_LEVELS = ['LOCAL', 'REGIONAL', 'NATIONAL'] as const;
export type CooperationLevelValue = (typeof COOPERATION_LEVELS)[number];

@Entity({ name: 'cooperation_models' })
export class CooperationModelEntity {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'native_name', type: 'text', nullable: true })
  nativeName: string | null;

  @Column({ name: 'country_code', type: 'char', length: 2 })
  countryCode: string;

  @Column({ type: 'text' })
  level: CooperationLevelValue;

  @Column({ name: 'partner_sectors', type: 'text', array: true, default: () => "'{}'" })
  partnerSectors: string[];

  @Column({ name: 'established_year', type: 'integer', nullable: true })
  establishedYear: number | null;

  @Column({ name: 'target_group', type: 'text', nullable: true })
  targetGroup: string | null;

  @Column({ name: 'prevention_role', type: 'text', nullable: true })
  preventionRole: string | null;

  @Column({ name: 'national_coordinator', type: 'text', nullable: true })
  nationalCoordinator: string | null;

  @Column({ name: 'legal_basis', type: 'text', nullable: true })
  legalBasis: string | null;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'related_ids', type: 'text', array: true, default: () => "'{}'" })
  relatedIds: string[];

  @Column({ type: 'text' })
  owner: string;

  @Column({ name: 'source_ids', type: 'text', array: true, default: () => "'{}'" })
  sourceIds: string[];
}
