/**
 * How every service's Node process is started (`node <these> <entry>`): by the runner, the
 * container image, the benchmark and the tests alike.
 *
 * - `--max-semi-space-size=32`: V8's young generation at 32 MiB a half instead of Node 20's 16.
 *   A subgraph answering a list page allocates hundreds of thousands of short-lived objects (rows,
 *   resolved fields, promises); with the default, a quarter of its CPU went to scavenges. The
 *   larger nursery collects the same garbage a third less often: about a fifth less CPU per
 *   request on the heaviest shape, for at most 48 MiB more memory.
 * - `--import tsx`: TypeScript runs as written.
 */
export const SERVICE_NODE_ARGS: readonly string[] = ['--max-semi-space-size=32', '--import', 'tsx'];
