import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A city recorded as running a cooperation model, with what the source says. */
@Entity({ name: 'city_cooperation_models' })
export class CityCooperationModelEntity {
  @PrimaryColumn({ name: 'city_id', type: 'text' })
  cityId: string;

  @PrimaryColumn({ name: 'model_id', type: 'text' })
  modelId: string;

  @Column({ type: 'text', nullable: true })
  evidence: string | null;

  @Column({ name: 'source_ids', type: 'text', array: true, default: () => "'{}'" })
  sourceIds: string[];
}
