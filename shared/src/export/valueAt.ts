/** A JSON object (not an array, not null). */
export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value at a path of keys through objects; undefined where the path leaves them. */
export const valueAt = (value: unknown, keys: readonly string[]): unknown => keys.reduce<unknown>((v, key) => (isRecord(v) ? v[key] : undefined), value);
