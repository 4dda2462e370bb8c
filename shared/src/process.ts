import type { Logger } from 'pino';

/** Runs a service's or script's main function; a failure prints its message and exits 1. */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

/**
 * Stops cleanly on SIGINT, SIGTERM or SIGHUP, once: Ctrl-C reaches every process of the group,
 * and the hub runner then sends SIGTERM as well, so a second signal must not start a second stop
 * (or kill the process half-way).
 */
export function onShutdown(log: Logger, stop: () => Promise<void>): void {
  let stopping: Promise<void> | undefined;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      stopping ??= (async () => {
        log.info({ signal }, 'stopping');
        try {
          await stop();
        } catch (error) {
          log.error({ err: error }, 'error while stopping');
          process.exitCode = 1;
        }
        process.exit();
      })();
    });
  }
}
