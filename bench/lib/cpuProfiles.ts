import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Where each process the bench starts writes its V8 CPU profile (`--cpu-prof`), one directory per
 * phase of the run and process: `<dir>/<phase>/<process>/CPU.<date>.<time>.<pid>.<thread>.<n>.cpuprofile`.
 * Node writes the profile when the process exits normally, which every bench process does on SIGTERM.
 */
export interface CpuProfiles {
  /** Undefined when not profiling. */
  readonly dir: string | undefined;
  /** The Node options that make the process `name` of `phase` write its profile. */
  nodeArgs(phase: string, name: string): string[];
  /** `<phase>/<process>` of every profiled process that wrote no profile. */
  missing(): string[];
}

export const NO_PROFILES: CpuProfiles = { dir: undefined, nodeArgs: () => [], missing: () => [] };

export function cpuProfiles(dir: string): CpuProfiles {
  const asked = new Set<string>();
  return {
    dir,
    nodeArgs(phase, name) {
      const at = path.join(dir, phase, name);
      mkdirSync(at, { recursive: true });
      asked.add(path.join(phase, name));
      return ['--cpu-prof', '--cpu-prof-dir', at];
    },
    missing: () => [...asked].filter((at) => !readdirSync(path.join(dir, at)).some((f) => f.endsWith('.cpuprofile'))),
  };
}
