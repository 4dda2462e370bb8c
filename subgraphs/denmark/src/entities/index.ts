import { DistrictStructureEntity } from './DistrictStructureEntity';
import { MunicipalityEntity } from './MunicipalityEntity';
import { NationalBodyEntity } from './NationalBodyEntity';
import { PoliceDistrictEntity } from './PoliceDistrictEntity';
import { PreventionStructureEntity } from './PreventionStructureEntity';
import { SourceEntity } from './SourceEntity';

export * from './DistrictStructureEntity';
export * from './MunicipalityEntity';
export * from './NationalBodyEntity';
export * from './PoliceDistrictEntity';
export * from './PreventionStructureEntity';
export * from './SourceEntity';

export const entities = [SourceEntity, PoliceDistrictEntity, MunicipalityEntity, PreventionStructureEntity, DistrictStructureEntity, NationalBodyEntity];
