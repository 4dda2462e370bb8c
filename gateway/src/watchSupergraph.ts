import type { SupergraphSdlHook } from '@apollo/gateway';
import type { Logger } from '@nsc-hub/shared';
import { watchFileContent } from './watchFileContent';

/**
 * The gateway's supergraph, served from `path` and swapped for the file's new content whenever it
 * changes, without a restart (see watchFileContent). A file that cannot be read, parsed or loaded
 * keeps the previous supergraph serving, and the reason is logged.
 */
export function watchSupergraph(path: string, initialSdl: string, log: Logger): SupergraphSdlHook {
  return async ({ update }) => {
    const watch = watchFileContent(path, {
      initial: initialSdl,
      what: 'supergraph',
      log,
      // Synchronous: the new schema and query planner replace the old at once, for the requests
      // that start from now on; those already executing keep the plan and schema they started with.
      apply: (sdl) => update(sdl),
    });
    return { supergraphSdl: initialSdl, cleanup: () => watch.stop() };
  };
}
