import { EventEntity } from './EventEntity';
import { ForumEntity } from './ForumEntity';
import { ParticipationEntity } from './ParticipationEntity';
import { SourceEntity } from './SourceEntity';
import { WorkingGroupEntity } from './WorkingGroupEntity';

export * from './EventEntity';
export * from './ForumEntity';
export * from './ParticipationEntity';
export * from './SourceEntity';
export * from './WorkingGroupEntity';

export const entities = [EventEntity, ForumEntity, ParticipationEntity, SourceEntity, WorkingGroupEntity];
