import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { PreventionStructureEntity } from './PreventionStructureEntity';

/** A police district's kredsråd, lokalråd or infohus: the structure type, and what the sources say of it there. */
@Entity({ name: 'district_structures' })
export class DistrictStructureEntity {
  @PrimaryColumn({ name: 'police_district_id', type: 'text' })
  policeDistrictId: string;

  @PrimaryColumn({ name: 'structure_id', type: 'text' })
  structureId: string;

  /** Read with the row (one statement for both), so the structure costs no further lookup. */
  @ManyToOne(() => PreventionStructureEntity, { nullable: false })
  @JoinColumn({ name: 'structure_id' })
  structure: PreventionStructureEntity;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'source_ids', type: 'text', array: true })
  sourceIds: string[];
}
