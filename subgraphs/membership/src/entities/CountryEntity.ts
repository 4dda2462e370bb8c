import { Column, Entity, PrimaryColumn } from 'typeorm';

export interface NativeName {
  language: string;
  name: string;
}

@Entity({ name: 'countries' })
export class CountryEntity {
  @PrimaryColumn({ type: 'char', length: 2 })
  code: string;

  @Column({ type: 'char', length: 3, nullable: true })
  alpha3: string | null;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'native_names', type: 'jsonb', default: () => "'[]'" })
  nativeNames: NativeName[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  languages: string[];

  @Column({ type: 'text', nullable: true })
  status: string | null;

  @Column({ name: 'sovereign_code', type: 'char', length: 2, nullable: true })
  sovereignCode: string | null;

  @Column({ name: 'source_ids', type: 'text', array: true, default: () => "'{}'" })
  sourceIds: string[];
}
