import { createHash } from 'node:crypto';
import { unwatchFile, watchFile } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Logger } from '@nsc-hub/shared';

/** How often a watched file's metadata is looked at: one `stat` each time, nothing read unless it changed. */
export const FILE_POLL_MS = 250;
/** A file being written (or several files of a ConfigMap being swapped) settles before it is read. */
export const FILE_DEBOUNCE_MS = 200;

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const reasonOf = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);

export interface FileContentWatch {
  /** Stops watching; resolves once a reload under way has finished. */
  stop(): Promise<void>;
}

export interface FileContentWatchOptions {
  /** The content in use now (read at start-up): the same content read again is not applied again. */
  readonly initial: string;
  /** What the file holds, for the log lines (`supergraph`, `persisted operations`). */
  readonly what: string;
  /** Puts the new content in use; throws, leaving the previous content in use, when it is not valid. */
  apply(content: string): void;
  readonly log: Logger;
}

/**
 * Applies a file's new content whenever it changes, without a restart. A file that cannot be read
 * or applied keeps the previous content in use, and the reason is logged; content already tried
 * (the same hash) is not tried again.
 *
 * The file is polled (`fs.watchFile`, a `stat` every FILE_POLL_MS) rather than watched with
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
export function watchFileContent(path: string, options: FileContentWatchOptions): FileContentWatch {
  const { what, log } = options;
  let tried = sha256(options.initial);
  let stopped = false;
  let debounce: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;

  const reload = async (): Promise<void> => {
    let content: string;
    try {
      content = await readFile(path, 'utf8');
    } catch (error) {
      log.error({ path, reason: reasonOf(error) }, `${what} not reloaded: the file cannot be read; the previous ${what} is still used`);
      return;
    }
    const hash = sha256(content);
    if (hash === tried || stopped) return;
    tried = hash;
    try {
      options.apply(content);
      log.info({ path, hash }, `${what} reloaded`);
    } catch (error) {
      log.error({ path, hash, reason: reasonOf(error) }, `${what} not reloaded: the file is not valid; the previous ${what} is still used`);
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
    if (!stopped) debounce = setTimeout(run, FILE_DEBOUNCE_MS).unref();
  };

  // Not persistent: the watcher alone never keeps the process alive.
  watchFile(path, { interval: FILE_POLL_MS, persistent: false }, changed);
  // A change between reading the file at start-up and this watch starting is not missed.
  changed();
  return {
    async stop() {
      stopped = true;
      clearTimeout(debounce);
      unwatchFile(path, changed);
      await running;
    },
  };
}
