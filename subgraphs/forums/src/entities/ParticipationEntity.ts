import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const PARTICIPATION_ROLES = ['HOST', 'ORGANISER', 'SPEAKER', 'DELEGATE', 'OBSERVER'] as const;
export type ParticipationRoleValue = (typeof PARTICIPATION_ROLES)[number];

@Entity({ name: 'participations' })
export class ParticipationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'event_id', type: 'text' })
  eventId: string;

  @Column({ name: 'city_id', type: 'text', nullable: true })
  cityId: string | null;

  /** The country; for a city, the city's country. */
  @Column({ name: 'country_code', type: 'text', nullable: true })
  countryCode: string | null;

  @Column({ type: 'text', nullable: true })
  organisation: string | null;

  @Column({ name: 'forum_id', type: 'text', nullable: true })
  forumId: string | null;

  @Column({ name: 'network_id', type: 'text', nullable: true })
  networkId: string | null;

  @Column({ type: 'text' })
  role: ParticipationRoleValue;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** Country code whose editors may change it (the participant's country, else the event's owner), or SECRETARIAT. */
  @Column({ type: 'text' })
  owner: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
