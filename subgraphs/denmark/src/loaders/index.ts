import { In, type DataSource } from 'typeorm';
import { createGroupLoader, createKeyLoader } from '@nsc-hub/shared';
import { DistrictStructureEntity, MunicipalityEntity, NationalBodyEntity, PoliceDistrictEntity, PreventionStructureEntity, SourceEntity } from '../entities';
import { DANISH, DB_SCHEMA } from '../dbSchema';

/**
 * Every reference and list field goes through one of these, built fresh for each request: one
 * statement per batch, so a page of 98 municipalities with their districts costs what 10 do.
 */
export function createLoaders(db: DataSource) {
  const repo = db.getRepository.bind(db);
  /** Rows of `table` whose `column` is one of `keys`, in Danish name order. */
  const byColumn = <T extends object>(entity: new () => T, column: string) => (keys: string[]) =>
    repo(entity)
      .createQueryBuilder('t')
      .where(`t.${column} IN (:...keys)`, { keys })
      .orderBy(`t.name ${DANISH}`)
      .getMany();
  return {
    sourceById: createKeyLoader((ids: string[]) => repo(SourceEntity).findBy({ id: In(ids) }), (s) => s.id),
    districtById: createKeyLoader((ids: string[]) => repo(PoliceDistrictEntity).findBy({ id: In(ids) }), (d) => d.id),
    districtsByCountry: createGroupLoader(
      (codes: string[]) =>
        repo(PoliceDistrictEntity)
          .createQueryBuilder('t')
          .where('t.countryCode IN (:...codes)', { codes })
          .orderBy('t.inDenmarkProper', 'DESC')
          .addOrderBy(`t.name ${DANISH}`)
          .getMany(),
      (d) => d.countryCode,
    ),
    municipalityByCode: createKeyLoader((codes: string[]) => repo(MunicipalityEntity).findBy({ code: In(codes) }), (m) => m.code),
    municipalityByCity: createKeyLoader((cities: string[]) => repo(MunicipalityEntity).findBy({ cityId: In(cities) }), (m) => m.cityId!),
    municipalitiesByDistrict: createGroupLoader(byColumn(MunicipalityEntity, 'policeDistrictId'), (m) => m.policeDistrictId),
    districtStructuresByDistrict: createGroupLoader(
      (ids: string[]) => repo(DistrictStructureEntity).find({ where: { policeDistrictId: In(ids) }, relations: { structure: true } }),
      (s) => s.policeDistrictId,
    ),
    structureById: createKeyLoader((ids: string[]) => repo(PreventionStructureEntity).findBy({ id: In(ids) }), (s) => s.id),
    structuresByMunicipality: createGroupLoader(byColumn(PreventionStructureEntity, 'municipalityCode'), (s) => s.municipalityCode!),
    structuresByDistrict: createGroupLoader(byColumn(PreventionStructureEntity, 'policeDistrictId'), (s) => s.policeDistrictId!),
    instancesByType: createGroupLoader(byColumn(PreventionStructureEntity, 'typeId'), (s) => s.typeId!),
    structureIdsByCooperationModel: createGroupLoader(
      (models: string[]): Promise<{ model: string; id: string }[]> =>
        db.query(
          `SELECT c.cooperation_model_id AS model, c.structure_id AS id FROM ${DB_SCHEMA}.cooperation_model_structures c
             JOIN ${DB_SCHEMA}.prevention_structures s ON s.id = c.structure_id
            WHERE c.cooperation_model_id = ANY($1) ORDER BY s.name ${DANISH}`,
          [models],
        ),
      (row) => row.model,
    ),
    nationalBodyById: createKeyLoader((ids: string[]) => repo(NationalBodyEntity).findBy({ id: In(ids) }), (b) => b.id),
    nationalBodiesByCountry: createGroupLoader(byColumn(NationalBodyEntity, 'countryCode'), (b) => b.countryCode),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
