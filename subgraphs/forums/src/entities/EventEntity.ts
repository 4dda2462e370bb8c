import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const EVENT_KINDS = ['SIDE_EVENT', 'CONFERENCE', 'WORKING_GROUP_MEETING', 'STUDY_VISIT', 'WEBINAR', 'SUMMIT', 'OTHER'] as const;
export type EventKindValue = (typeof EVENT_KINDS)[number];
export const DATE_PRECISIONS = ['DAY', 'WEEK', 'MONTH', 'YEAR'] as const;
export type DatePrecisionValue = (typeof DATE_PRECISIONS)[number];

@Entity({ name: 'events' })
export class EventEntity {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  kind: EventKindValue;

  @Column({ type: 'text', nullable: true })
  format: string | null;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Column({ name: 'ends_on', type: 'date', nullable: true })
  endsOn: string | null;

  /** For an end known only to the month or year: the last day of that period. */
  @Column({ name: 'ends_by', type: 'date', nullable: true })
  endsBy: string | null;

  @Column({ name: 'date_precision', type: 'text', default: 'DAY' })
  datePrecision: DatePrecisionValue;

  @Column({ name: 'date_note', type: 'text', nullable: true })
  dateNote: string | null;

  /** The last day the event may have run: `ends_on`, else `ends_by`, else the end of the period `starts_on` is known to. */
  @Column({ name: 'last_day', type: 'date', insert: false, update: false })
  lastDay: string;

  @Column({ type: 'text', nullable: true })
  venue: string | null;

  @Column({ name: 'city_id', type: 'text', nullable: true })
  cityId: string | null;

  @Column({ name: 'country_code', type: 'text', nullable: true })
  countryCode: string | null;

  @Column({ name: 'forum_id', type: 'text', nullable: true })
  forumId: string | null;

  @Column({ name: 'working_group_id', type: 'text', nullable: true })
  workingGroupId: string | null;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** Resource ids of the knowledge subgraph. */
  @Column({ name: 'outcome_ids', type: 'text', array: true, default: () => "'{}'" })
  outcomeIds: string[];

  @Column({ name: 'related_ids', type: 'text', array: true, default: () => "'{}'" })
  relatedIds: string[];

  /** Country code whose editors may write the event (its host country), or SECRETARIAT. */
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
