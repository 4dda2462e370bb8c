import type { DataSource } from 'typeorm';
import {
  RequestSelection,
  collate,
  createGroupLoader,
  createKeyLoader,
  plainColumns,
  plainPartReader,
  plainRowsIn,
  plainRowsOf,
  recordsReadAlong,
  selectedColumns,
  type OrderLocale,
  type RecordsReadAlong,
} from '@nsc-hub/shared';
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
 * one statement per batch. Each row's event is read in the same statement (`events`, which hands
 * it to `eventById`), so `Participation.event` is answered without a statement or a wait of its own.
 */
function participationsBy(db: DataSource, column: 'city_id' | 'country_code', events: RecordsReadAlong<EventEntity>, selection: RequestSelection) {
  const participationOf = plainPartReader(db, ParticipationEntity, '');
  const groupKey = column === 'city_id' ? 'cityId' : 'countryCode';
  return async (keys: string[]): Promise<ParticipationEntity[]> => {
    const participationColumns = selectedColumns(db, ParticipationEntity, selection, 'Participation', [groupKey, 'eventId']);
    const rows = await db
      .getRepository(ParticipationEntity)
      .createQueryBuilder('p')
      .select(`${plainColumns(db, ParticipationEntity, 'p', '', participationColumns)}, ${events.columns('e')}`)
      .innerJoin(EventEntity, 'e', 'e.id = p.event_id')
      .where(`p.${column} = ANY(:keys)`, { keys })
      .orderBy('e.starts_on', 'DESC')
      .addOrderBy('e.id', 'ASC')
      .addOrderBy('array_position(CAST(:roles AS text[]), CAST(p.role AS text))', 'ASC')
      .addOrderBy('p.city_id', 'ASC', 'NULLS LAST')
      .addOrderBy('p.organisation', 'ASC', 'NULLS FIRST')
      .addOrderBy('p.id', 'ASC')
      .setParameter('roles', [...PARTICIPATION_ROLES])
      .getRawMany<Record<string, unknown>>();
    return rows.map((row) => {
      events.read(row);
      return participationOf(row);
    });
  };
}

/**
 * Every reference and list field goes through one of these, built fresh for each request; names
 * sort in the request's order. Events and participations are read with only the columns the
 * request's query selects (`selection`; whole rows where it is not known).
 */
export function createLoaders(db: DataSource, locale: OrderLocale, selection = new RequestSelection()) {
  const repo = db.getRepository.bind(db);
  const eventColumns = () => selectedColumns(db, EventEntity, selection, 'Event', []);
  const eventById = createKeyLoader((ids: string[]) => plainRowsIn(db, EventEntity, 'id', ids, undefined, eventColumns()), (e) => e.id);
  // Events read along with a city's or country's participations.
  const events = recordsReadAlong(db, EventEntity, 'event.', eventColumns, eventById);
  return {
    eventById,
    forumById: createKeyLoader((ids: string[]) => plainRowsIn(db, ForumEntity, 'id', ids), (f) => f.id),
    workingGroupById: createKeyLoader((ids: string[]) => plainRowsIn(db, WorkingGroupEntity, 'id', ids), (g) => g.id),
    sourceById: createKeyLoader((ids: string[]) => plainRowsIn(db, SourceEntity, 'id', ids), (s) => s.id),
    workingGroupsByForum: createGroupLoader(
      (ids: string[]) =>
        plainRowsOf(db, WorkingGroupEntity, repo(WorkingGroupEntity).createQueryBuilder('g').where('g.forumId IN (:...ids)', { ids }).orderBy(`g.name ${collate(locale)}`).addOrderBy('g.id'), 'g'),
      (g) => g.forumId,
    ),
    participationsByEvent: createGroupLoader(
      async (ids: string[]) => (await plainRowsIn(db, ParticipationEntity, 'event_id', ids)).sort(byRole),
      (p) => p.eventId,
    ),
    participationsByCity: createGroupLoader(participationsBy(db, 'city_id', events, selection), (p) => p.cityId as string),
    participationsByCountry: createGroupLoader(participationsBy(db, 'country_code', events, selection), (p) => p.countryCode as string),
    eventsByForum: createEventListLoader(db, LIST_SPECS.forum),
    eventsByCity: createEventListLoader(db, LIST_SPECS.city),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
