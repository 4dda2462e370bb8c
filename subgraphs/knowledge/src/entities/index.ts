import { ResourceEntity } from './ResourceEntity';
import { ResourceTopicEntity } from './ResourceTopicEntity';
import { SourceEntity } from './SourceEntity';
import { TopicEntity } from './TopicEntity';

export * from './ResourceEntity';
export * from './ResourceTopicEntity';
export * from './SourceEntity';
export * from './TopicEntity';

export const entities = [ResourceEntity, ResourceTopicEntity, SourceEntity, TopicEntity];
