import { parseFirst } from '@nsc-hub/shared';
import type { QueryResolvers } from '../__generated__/resolvers-types';
import { listMunicipalities } from '../data/listMunicipalities';
import { NationalBodyEntity, PoliceDistrictEntity, PreventionStructureEntity } from '../entities';
import { DANISH } from '../dbSchema';

export const Query: QueryResolvers = {
  policeDistricts: (_root, _args, { db }) =>
    db.getRepository(PoliceDistrictEntity).createQueryBuilder('d').orderBy('d.inDenmarkProper', 'DESC').addOrderBy(`d.name ${DANISH}`).getMany(),
  policeDistrict: (_root, { id }, { loaders }) => loaders.districtById.load(id),
  municipalities: (_root, { filter, first, after }, { db }) => listMunicipalities(db, filter, parseFirst(first), after),
  municipality: (_root, { code }, { loaders }) => loaders.municipalityByCode.load(code),
  preventionStructures: (_root, { kind }, { db }) => {
    const query = db.getRepository(PreventionStructureEntity).createQueryBuilder('s');
    if (kind) query.where('s.kind = :kind', { kind });
    return query.orderBy('s.kind', 'DESC').addOrderBy(`s.name ${DANISH}`).getMany();
  },
  preventionStructure: (_root, { id }, { loaders }) => loaders.structureById.load(id),
  nationalBodies: (_root, _args, { db }) => db.getRepository(NationalBodyEntity).createQueryBuilder('b').orderBy(`b.name ${DANISH}`).getMany(),
};
