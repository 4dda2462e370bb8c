import type { DataSource } from 'typeorm';
import { SLUG, SqlParams, containsPattern, decodeCursor, invalid, optionalText, toConnection, type Connection } from '@nsc-hub/shared';
import { MunicipalityEntity } from '../entities/MunicipalityEntity';
import type { MunicipalityFilter } from '../__generated__/resolvers-types';
import { DANISH, DB_SCHEMA } from '../dbSchema';

/** By name in Danish order, ties by code; the cursor is the last row's (name, code). */
const sortKey = (m: Pick<MunicipalityEntity, 'name' | 'code'>) => [m.name, m.code];

/** SQL conditions (on alias `m`) for a filter; every value is a parameter. */
function conditions(filter: MunicipalityFilter | null | undefined, p: SqlParams): string[] {
  const where = ['TRUE'];
  if (filter?.region) where.push(`m.region = ${p.add(filter.region)}`);
  if (filter?.policeDistrict) {
    if (!SLUG.test(filter.policeDistrict)) throw invalid('filter.policeDistrict', `"${filter.policeDistrict}" is not a police district id such as oestjyllands-politi`);
    where.push(`m.police_district_id = ${p.add(filter.policeDistrict)}`);
  }
  const text = optionalText(filter?.nameContains, 'filter.nameContains');
  if (text) where.push(`m.name ILIKE ${p.add(containsPattern(text))}`);
  return where;
}

/** One page of `Query.municipalities`; the total is counted only if the client asks for it. */
export async function listMunicipalities(db: DataSource, filter: MunicipalityFilter | null | undefined, first: number, after: string | null | undefined): Promise<Connection<MunicipalityEntity>> {
  const cursor = decodeCursor(after, ['string', 'string']);
  const p = new SqlParams();
  const where = conditions(filter, p);
  const page = [...where];
  if (cursor) page.push(`(m.name ${DANISH}, m.code) > (${p.add(cursor[0])} ${DANISH}, ${p.add(cursor[1])})`);
  const rows = await p.raw<MunicipalityEntity>(
    db,
    `SELECT m.code, m.slug, m.name, m.region, m.police_district_id AS "policeDistrictId", m.district_source_ids AS "districtSourceIds",
            m.city_id AS "cityId", m.source_ids AS "sourceIds"
       FROM ${DB_SCHEMA}.municipalities m WHERE ${page.join(' AND ')}
      ORDER BY m.name ${DANISH}, m.code LIMIT ${p.add(first + 1)}`,
  );
  const total = async () => Number((await p.raw<{ count: string }>(db, `SELECT count(*) AS count FROM ${DB_SCHEMA}.municipalities m WHERE ${where.join(' AND ')}`))[0].count);
  return toConnection(rows, first, total, sortKey);
}
