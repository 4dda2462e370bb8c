import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const RESOURCE_KINDS = ['GUIDELINE', 'TOOLKIT', 'GOOD_PRACTICE', 'REPORT', 'RECOMMENDATION', 'ACTION_PLAN', 'TRAINING', 'RESEARCH'] as const;
export type ResourceKindValue = (typeof RESOURCE_KINDS)[number];
export const AUDIENCES = [
  'POLICE',
  'TEACHERS',
  'SOCIAL_WORKERS',
  'HEALTH',
  'PRISON_PROBATION',
  'YOUTH_WORKERS',
  'CIVIL_SOCIETY',
  'RESEARCHERS',
  'POLICYMAKERS',
  'LOCAL_AUTHORITIES',
] as const;
export type AudienceValue = (typeof AUDIENCES)[number];
export const PUBLISHER_TYPES = ['FORUM', 'NETWORK', 'CITY'] as const;
export type PublisherTypeValue = (typeof PUBLISHER_TYPES)[number];

@Entity({ name: 'resources' })
export class ResourceEntity {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ name: 'title_local', type: 'text', nullable: true })
  titleLocal: string | null;

  @Column({ type: 'text', nullable: true })
  summary: string | null;

  @Column({ type: 'text' })
  kind: ResourceKindValue;

  @Column({ type: 'text' })
  language: string;

  @Column({ type: 'text', array: true })
  languages: string[];

  /** Language of the summary (the seed's summaries are English paraphrases); null: `language`. */
  @Column({ name: 'summary_language', type: 'text', nullable: true })
  summaryLanguage: string | null;

  @Column({ type: 'text', nullable: true })
  url: string | null;

  @Column({ name: 'published_on', type: 'date', nullable: true })
  publishedOn: string | null;

  @Column({ name: 'published_year', type: 'integer', nullable: true })
  publishedYear: number | null;

  /** Publication date for ordering and filtering: the date, else 1 January of the year, else 0001-01-01. */
  @Column({ name: 'sort_date', type: 'date', insert: false, update: false })
  sortDate: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  audiences: AudienceValue[];

  @Column({ name: 'publisher_type', type: 'text', nullable: true })
  publisherType: PublisherTypeValue | null;

  @Column({ name: 'publisher_id', type: 'text', nullable: true })
  publisherId: string | null;

  @Column({ name: 'publisher_name', type: 'text', nullable: true })
  publisherName: string | null;

  @Column({ name: 'country_codes', type: 'text', array: true, default: () => "'{}'" })
  countryCodes: string[];

  @Column({ name: 'city_ids', type: 'text', array: true, default: () => "'{}'" })
  cityIds: string[];

  /** Country code whose editors may write the resource, or SECRETARIAT. */
  @Column({ type: 'text' })
  owner: string;

  @Column({ name: 'source_ids', type: 'text', array: true, default: () => "'{}'" })
  sourceIds: string[];

  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt: Date | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
