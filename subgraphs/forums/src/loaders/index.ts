import { In, type DataSource } from 'typeorm';
import { collate, createGroupLoader, createKeyLoader, type OrderLocale } from '@nsc-hub/shared';
import { EventEntity, ForumEntity, ParticipationEntity, SourceEntity, WorkingGroupEntity, PARTICIPATION_ROLES } from '../entities';
import { LIST_SPECS, createEventListLoader } from './eventLists';

/** Hosts and organisers first, then speakers, delegates and observers; then cities before organisations. */
const byRole = (a: ParticipationEntity, b: ParticipationEntity) =>
  PARTICIPATION_ROLES.indexOf(a.role) - PARTICIPATION_ROLES.indexOf(b.role) ||
  (a.cityId ?? '\uffff').localeCompare(b.cityId ?? '\uffff') ||
  (a.organisation ?? '').localeCompare(b.organisation ?? '') ||
  a.id.localeCompare(b.id);

/**
 * Participations of the given cities or countries, newest event first, and within one event as
 * `byRole` orders them (not by their generated ids, which differ from one database to the next):
 * one statement per batch.
 */
function participationsBy(db: DataSource, column: 'city_id' | 'country_code') {
  return (keys: string[]): Promise<ParticipationEntity[]> =>
    db
      .getRepository(ParticipationEntity)
      .createQueryBuilder('p')
      .innerJoin(EventEntity, 'e', 'e.id = p.event_id')
      .where(`p.${column} = ANY(:keys)`, { keys })
      .orderBy('e.starts_on', 'DESC')
      .addOrderBy('e.id', 'ASC')
      .addOrderBy('array_position(CAST(:roles AS text[]), CAST(p.role AS text))', 'ASC')
      .addOrderBy('p.city_id', 'ASC', 'NULLS LAST')
      .addOrderBy('p.organisation', 'ASC', 'NULLS FIRST')
      .addOrderBy('p.id', 'ASC')
      .setParameter('roles', [...PARTICIPATION_ROLES])
      .getMany();
}

/** Every reference and list field goes through one of these, built fresh for each request; names sort in the request's order. */
export function createLoaders(db: DataSource, locale: OrderLocale) {
  const repo = db.getRepository.bind(db);
  const eventById = createKeyLoader((ids: string[]) => repo(EventEntity).findBy({ id: In(ids) }), (e) => e.id);
  return {
    eventById,
    forumById: createKeyLoader((ids: string[]) => repo(ForumEntity).findBy({ id: In(ids) }), (f) => f.id),
    workingGroupById: createKeyLoader((ids: string[]) => repo(WorkingGroupEntity).findBy({ id: In(ids) }), (g) => g.id),
    sourceById: createKeyLoader((ids: string[]) => repo(SourceEntity).findBy({ id: In(ids) }), (s) => s.id),
    workingGroupsByForum: createGroupLoader(
      (ids: string[]) =>
        repo(WorkingGroupEntity).createQueryBuilder('g').where('g.forumId IN (:...ids)', { ids }).orderBy(`g.name ${collate(locale)}`).addOrderBy('g.id').getMany(),
      (g) => g.forumId,
    ),
    participationsByEvent: createGroupLoader(
      async (ids: string[]) => (await repo(ParticipationEntity).findBy({ eventId: In(ids) })).sort(byRole),
      (p) => p.eventId,
    ),
    participationsByCity: createGroupLoader(participationsBy(db, 'city_id'), (p) => p.cityId as string),
    participationsByCountry: createGroupLoader(participationsBy(db, 'country_code'), (p) => p.countryCode as string),
    eventsByForum: createEventListLoader(db, LIST_SPECS.forum),
    eventsByCity: createEventListLoader(db, LIST_SPECS.city),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
