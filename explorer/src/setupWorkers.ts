/**
 * Monaco's editors run their language services in workers: served by the gateway next to the
 * page (built by `build/buildExplorer.ts`), never fetched from a CDN.
 */
export function setupWorkers(assets: string): void {
  const url = (name: string) => new URL(`${assets}${name}.worker.js`, document.baseURI);
  (globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
    getWorker(_workerId: string, label: string): Worker {
      if (label === 'json') return new Worker(url('json'));
      if (label === 'graphql') return new Worker(url('graphql'));
      return new Worker(url('editor'));
    },
  };
}
