import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity({ name: 'cities' })
export class CityEntity {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'native_name', type: 'text', nullable: true })
  nativeName: string | null;

  @Column({ name: 'country_code', type: 'char', length: 2 })
  countryCode: string;

  @Column({ type: 'text', nullable: true })
  region: string | null;

  @Column({ type: 'integer', nullable: true })
  population: number | null;

  /** Country code of the country whose editors may write this city. */
  @Column({ type: 'text' })
  owner: string;

  @Column({ name: 'source_ids', type: 'text', array: true, default: () => "'{}'" })
  sourceIds: string[];

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
