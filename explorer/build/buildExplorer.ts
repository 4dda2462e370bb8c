import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import path from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { readExamples } from './readExamples';

/**
 * Bundles the explorer for the gateway to serve: GraphiQL, React, the Monaco editor and its
 * workers, styles and fonts all end up in `dist/`, so the page loads nothing from anywhere else.
 */
export const DIST_DIR = path.resolve(__dirname, '../dist');

/** The Monaco workers the page starts, by the names `src/setupWorkers.ts` asks for. */
const WORKERS = {
  'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
  'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
  'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
};

export async function buildExplorer(outdir = DIST_DIR): Promise<void> {
  rmSync(outdir, { recursive: true, force: true });
  const common: BuildOptions = {
    bundle: true,
    minify: true,
    outdir,
    logLevel: 'warning',
    legalComments: 'linked',
    define: { 'process.env.NODE_ENV': '"production"' },
    // The editors' icon font: a file of its own next to the styles that name it.
    loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file' },
    assetNames: '[name]-[hash]',
  };
  await build({
    ...common,
    entryPoints: { explorer: path.resolve(__dirname, '../src/main.tsx') },
    format: 'esm',
    target: ['es2022'],
    jsx: 'automatic',
    // The CSV writer's browser build: the same code with Node's Buffer provided.
    alias: { 'csv-stringify/sync': 'csv-stringify/browser/esm/sync' },
    define: { ...common.define, EXPLORER_EXAMPLES: JSON.stringify(readExamples()) },
  });
  await build({ ...common, entryPoints: WORKERS, format: 'iife', target: ['es2022'] });
  compressAll(outdir);
}

/** Every script, style and font also as `.br` and `.gz`, for the gateway to serve by Accept-Encoding. */
function compressAll(dir: string): void {
  for (const file of readdirSync(dir)) {
    if (!/\.(js|css|ttf|woff2?)$/.test(file)) continue;
    const content = readFileSync(path.join(dir, file));
    writeFileSync(path.join(dir, `${file}.br`), brotliCompressSync(content, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 9 } }));
    writeFileSync(path.join(dir, `${file}.gz`), gzipSync(content, { level: 9 }));
  }
}

if (require.main === module) {
  const started = Date.now();
  buildExplorer().then(
    () => console.log(`explorer built in ${Date.now() - started} ms: ${path.relative(process.cwd(), DIST_DIR)}`),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
