import { loadRequired } from '@nsc-hub/shared';
import type { WorkingGroupResolvers } from '../__generated__/resolvers-types';
import { sourcesOf } from './shared';

export const WorkingGroup: WorkingGroupResolvers = {
  forum: (group, _args, { loaders }) => loadRequired(loaders.forumById, group.forumId, 'Forum'),
  sources: sourcesOf,
};
