import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import dockerignore from '@balena/dockerignore';
import { DockerfileParser, type Copy, type Instruction } from 'dockerfile-ast';
import { build, type Plugin } from 'esbuild';
import { SERVICE_NODE_ARGS } from '@nsc-hub/shared';
import { DOCKER_DIR } from '../helpers/deployFiles';
import { hubServices, MIGRATE_JOB } from '../helpers/hubServices';

/**
 * No Docker engine runs here, so the image is checked by what decides whether its services can run:
 * the Dockerfile's stages, the files its context keeps, and whether `npm ci --omit=dev` (its final
 * stage) installs every package the services' code loads. A package moved to devDependencies, or a
 * data file a service reads left out of the build context, fails here instead of in a deployment.
 */
const ROOT = path.join(__dirname, '..', '..');
const DOCKERFILE = path.join(DOCKER_DIR, 'Dockerfile');
const ENTRIES = [...hubServices().map((s) => s.entry), MIGRATE_JOB.entry];

function stages(): Instruction[][] {
  const instructions = DockerfileParser.parse(readFileSync(DOCKERFILE, 'utf8')).getInstructions();
  const result: Instruction[][] = [];
  for (const instruction of instructions) {
    if (instruction.getKeyword() === 'FROM') result.push([]);
    result.at(-1)?.push(instruction);
  }
  return result;
}
const keyword = (stage: Instruction[], word: string) => stage.filter((i) => i.getKeyword() === word);
const jsonArgs = (instruction: Instruction) => JSON.parse(instruction.getRawArgumentsContent() ?? '[]') as string[];

/** Every module the entry points load, by esbuild following their imports (the workspace's own packages included). */
async function loadedModules(): Promise<{ files: string[]; packages: Map<string, string> }> {
  const packages = new Map<string, string>(); // package name → a file that imports it
  const followWorkspace: Plugin = {
    name: 'packages',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith('@nsc-hub/')) return { path: require.resolve(args.path, { paths: [args.resolveDir] }) };
        const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
        if (!builtinModules.includes(name.replace(/^node:/, '')) && !name.startsWith('node:')) packages.set(name, path.relative(ROOT, args.importer));
        return { path: args.path, external: true };
      });
    },
  };
  const result = await build({
    entryPoints: ENTRIES.map((e) => path.join(ROOT, e)),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    metafile: true,
    outdir: path.join(ROOT, '.unused'),
    logLevel: 'silent',
    plugins: [followWorkspace],
  });
  return { files: Object.keys(result.metafile.inputs), packages };
}

/** The packages `npm ci --omit=dev` installs where the root and each workspace resolve them. */
function productionPackages(): Set<string> {
  const out = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return new Set(
    out
      .split('\n')
      .filter(Boolean)
      .map((p) => path.relative(ROOT, p))
      .filter((p) => /^(?:[^/]+\/)*?node_modules\/(?:@[^/]+\/)?[^/]+$/.test(p))
      .map((p) => p.replace(/^.*?node_modules\//, '')),
  );
}

describe('the image holds what every service loads', () => {
  it('builds in stages and runs as an unprivileged user with only runtime dependencies installed', () => {
    const all = stages();
    expect(all.length).toBeGreaterThanOrEqual(2);
    const final = all.at(-1)!;
    const runs = keyword(final, 'RUN').map((r) => r.getRawArgumentsContent() ?? '');
    expect(runs.some((r) => /\bnpm ci\b.*--omit=dev/.test(r))).toBe(true);
    // The final stage installs nothing with development tools: the explorer's bundle comes built from an earlier stage.
    expect(runs.some((r) => /\bnpm (ci|install)\b(?!.*--omit=dev)/.test(r))).toBe(false);
    // The explorer's bundle is copied from the stage that built it.
    expect(keyword(all[0], 'FROM')[0].getRawArgumentsContent()).toMatch(/\bAS build$/i);
    const fromBuild = keyword(final, 'COPY').filter((c) => (c as Copy).getFromFlag()?.getValue() === 'build');
    expect(fromBuild.map((c) => c.getRawArgumentsContent())).toEqual([expect.stringMatching(/explorer\/dist explorer\/dist$/)]);

    const users = keyword(final, 'USER').map((u) => u.getRawArgumentsContent());
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^(root|0)(:|$)/);
    expect(keyword(final, 'ENV').some((e) => /NODE_ENV=production/.test(e.getRawArgumentsContent() ?? ''))).toBe(true);
  });

  it('chooses the service by command, each a real entry point, the gateway by default', () => {
    const final = stages().at(-1)!;
    expect(jsonArgs(keyword(final, 'ENTRYPOINT').at(-1)!)).toEqual(['node', ...SERVICE_NODE_ARGS]);
    expect(jsonArgs(keyword(final, 'CMD').at(-1)!)).toEqual(['gateway/src/main.ts']);
    for (const entry of ENTRIES) expect(existsSync(path.join(ROOT, entry))).toBe(true);
    const exposed = keyword(final, 'EXPOSE').flatMap((e) => e.getArguments().map((a) => Number(a.getValue())));
    for (const service of hubServices()) expect(exposed).toEqual(expect.arrayContaining([service.port, service.metricsPort]));
  });

  it('installs every package the services load with npm ci --omit=dev, tsx included', async () => {
    const { packages } = await loadedModules();
    const production = productionPackages();
    expect(packages.size).toBeGreaterThan(10);
    const missing = [...packages, ['tsx', 'the ENTRYPOINT'] as const].filter(([name]) => !production.has(name)).map(([name, from]) => `${name} (loaded by ${from})`);
    expect(missing).toEqual([]);
    // The check can fail: a package only the tests use is not in the production set.
    expect(production.has('jest')).toBe(false);
  });

  it('keeps in the build context every file the services load or read', async () => {
    const ignore = dockerignore({ ignorecase: false }).add(readFileSync(path.join(DOCKER_DIR, 'Dockerfile.dockerignore'), 'utf8'));
    const { files } = await loadedModules();
    const read = [
      'gateway/supergraph.graphql',
      'gateway/persisted-operations.json',
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'tsconfig.base.json',
      ...hubServices()
        .filter((s) => s.name !== 'gateway')
        .flatMap((s) => [`subgraphs/${s.name}/schema.graphql`, `subgraphs/${s.name}/seed/data`, `subgraphs/${s.name}/package.json`]),
      'explorer/build/buildExplorer.ts',
      'operations/examples',
    ];
    for (const file of read) expect(existsSync(path.join(ROOT, file))).toBe(true);
    const excluded = [...files.filter((f) => !f.includes('node_modules/')), ...read].filter((f) => ignore.ignores(f));
    expect(excluded).toEqual([]);
    // And what it leaves out is left out: tests, local data, installed packages.
    expect(['test/helpers/startHub.ts', 'node_modules/jest/package.json', '.data/postgres/PG_VERSION', 'gateway/test/config.test.ts'].filter((f) => !ignore.ignores(f))).toEqual([]);
  });
});
