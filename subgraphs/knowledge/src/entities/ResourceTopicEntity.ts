import { Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'resource_topics' })
export class ResourceTopicEntity {
  @PrimaryColumn({ name: 'resource_id', type: 'text' })
  resourceId: string;

  @PrimaryColumn({ name: 'topic_id', type: 'text' })
  topicId: string;
}
