import { Column, Entity, PrimaryColumn } from 'typeorm';

export const DANISH_REGIONS = ['HOVEDSTADEN', 'MIDTJYLLAND', 'NORDJYLLAND', 'SJAELLAND', 'SYDDANMARK'] as const;
export type DanishRegionValue = (typeof DANISH_REGIONS)[number];

@Entity({ name: 'municipalities' })
export class MunicipalityEntity {
  /** The 4-digit kommunekode. */
  @PrimaryColumn({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  slug: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  region: DanishRegionValue;

  @Column({ name: 'police_district_id', type: 'text' })
  policeDistrictId: string;

  /** The sources placing it in its police district. */
  @Column({ name: 'district_source_ids', type: 'text', array: true })
  districtSourceIds: string[];

  /** The membership subgraph's id of the hub city it is, if any. */
  @Column({ name: 'city_id', type: 'text', nullable: true })
  cityId: string | null;

  @Column({ name: 'source_ids', type: 'text', array: true })
  sourceIds: string[];
}
