import { createHash } from 'node:crypto';
import { unwatchFile, watchFile } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { SupergraphSdlHook } from '@apollo/gateway';
import type { Logger } from '@nsc-hub/shared';

/** How often the file's metadata is looked at: one `stat` each time, nothing read unless it changed. */
export const SUPERGRAPH_POLL_MS = 250;
/** A file being written (or several files of a ConfigMap being swapped) settles before it is read. */
export const SUPERGRAPH_DEBOUNCE_MS = 200;

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const reasonOf = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);

/**
 * The gateway's supergraph, served from `path` and swapped for the file's new content whenever it
 * changes, without a restart. A file that cannot be read, parsed or loaded keeps the previous
 * supergraph serving, and the reason is logged; content already tried (the same hash) is not tried again.
 *
 * The file is polled (`fs.watchFile`, a `stat` every SUPERGRAPH_POLL_MS) rather than watched with
 * inotify (`fs.watch`): `stat` follows symlinks however deep, so a Kubernetes ConfigMap (the path
 * is a symlink through `..data`, itself swapped atomically for a new directory) and a file replaced
 * by rename are seen just like one written in place, whatever directory holds the real file; it
 * survives the directory being replaced and works where inotify does not (network and some overlay
 * file systems). A watch on the file's inode would go deaf once the file is replaced, and one on
 * its directory would miss a change behind a symlink pointing elsewhere.
 *
 * Reloads run one at a time; a change while one runs reads the file again afterwards, so the last
 * write wins.
 */
export function watchSupergraph(path: string, initialSdl: string, log: Logger): SupergraphSdlHook {
  return async ({ update }) => {
    let tried = sha256(initialSdl);
    let stopped = false;
    let debounce: NodeJS.Timeout | undefined;
    let running: Promise<void> | undefined;
    let again = false;

    const reload = async (): Promise<void> => {
      let sdl: string;
      try {
        sdl = await readFile(path, 'utf8');
      } catch (error) {
        log.error({ path, reason: reasonOf(error) }, 'supergraph not reloaded: the file cannot be read; the previous supergraph is still served');
        return;
      }
      const hash = sha256(sdl);
      if (hash === tried || stopped) return;
      tried = hash;
      try {
        // Synchronous: the new schema and query planner replace the old at once, for the requests
        // that start from now on; those already executing keep the plan and schema they started with.
        update(sdl);
        log.info({ path, supergraph: { hash } }, 'supergraph reloaded');
      } catch (error) {
        log.error({ path, supergraph: { hash }, reason: reasonOf(error) }, 'supergraph not reloaded: the file is not a valid supergraph; the previous supergraph is still served');
      }
    };

    const run = (): void => {
      if (running) {
        again = true;
        return;
      }
      running = (async () => {
        do {
          again = false;
          await reload();
        } while (again && !stopped);
      })().finally(() => {
        running = undefined;
      });
    };

    const changed = (): void => {
      clearTimeout(debounce);
      // Unref'd like the watcher: a reload waiting to start never keeps the process alive by itself.
      if (!stopped) debounce = setTimeout(run, SUPERGRAPH_DEBOUNCE_MS).unref();
    };

    // Not persistent: the watcher alone never keeps the process alive.
    watchFile(path, { interval: SUPERGRAPH_POLL_MS, persistent: false }, changed);
    // A change between reading the file at start-up and this watch starting is not missed.
    changed();
    return {
      supergraphSdl: initialSdl,
      cleanup: async () => {
        stopped = true;
        clearTimeout(debounce);
        unwatchFile(path, changed);
        await running;
      },
    };
  };
}
