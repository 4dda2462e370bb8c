/**
 * The only place that reads process.env. Every service builds its typed config from these helpers,
 * so defaults are documented once and a bad value fails at start-up, not on the first request.
 */
export type Env = Record<string, string | undefined>;

export function getEnvStr(env: Env, name: string, fallback: string): string;
export function getEnvStr(env: Env, name: string): string | undefined;
export function getEnvStr(env: Env, name: string, fallback?: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : fallback;
}

export function getEnvNum(env: Env, name: string, fallback: number): number {
  const raw = getEnvStr(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  }
  return value;
}

export function getEnvBool(env: Env, name: string, fallback: boolean): boolean {
  const raw = getEnvStr(env, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new Error(`${name} must be true or false, got "${raw}"`);
}

/** One of `choices`, else start-up fails naming them. */
export function getEnvChoice<T extends string>(env: Env, name: string, choices: readonly T[], fallback: T): T {
  const value = getEnvStr(env, name, fallback);
  if (!(choices as readonly string[]).includes(value)) throw new Error(`${name} must be one of ${choices.join(', ')}, not "${value}"`);
  return value as T;
}

export function isProduction(env: Env): boolean {
  return getEnvStr(env, 'NODE_ENV') === 'production';
}

/**
 * The prefix of a subgraph's own variables (`<NAME>_URL`, `<NAME>_PORT`, `<NAME>_DATABASE_URL`,
 * `<NAME>_TIMEOUT_MS`): its name in upper case, hyphens as underscores (`nordic-cities` → `NORDIC_CITIES`).
 */
export function envNameOf(subgraphName: string): string {
  return subgraphName.toUpperCase().replace(/-/g, '_');
}
