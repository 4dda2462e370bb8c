import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { envNameOf } from '@nsc-hub/shared';
import { readCompose, readKubernetesManifests } from '../helpers/deployFiles';
import { hubServices } from '../helpers/hubServices';

/**
 * The README's Configuration table is the one list of variables an operator reads: every variable
 * the code reads is in it, everything in it is read somewhere, and every variable the compose file
 * and the Kubernetes manifests give the hub's containers is one of them. `<NAME>_…` stands for every
 * subgraph's own variable (`MEMBERSHIP_DATABASE_URL`, …).
 */
const ROOT = path.join(__dirname, '..', '..');
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const SUBGRAPH_PREFIXES = hubServices().filter((s) => s.name !== 'gateway').map((s) => envNameOf(s.name));
// The benchmark's stand-in servers are its own child processes, configured by its harness, not by people.
const SCANNED = ['gateway/src', 'shared/src', 'subgraphs', 'scripts', 'bench', 'test', 'explorer/build', 'examples'];
const NOT_SCANNED = /(?:^|\/)(?:node_modules|__generated__|bench\/servers)(?:\/|$)/;
/** Set by the tools that run the code, for it: not configuration. */
const SET_BY_TOOLS = new Set(['JEST_WORKER_ID']);

const VARIABLE = String.raw`(?:[A-Z][A-Z0-9_]*|\$\{[^}]+\}_[A-Z0-9_]+)`;
const READS = [
  new RegExp(String.raw`getEnv(?:Str|Num|Bool|Choice)\(\s*[\w.]+\s*,\s*['\`](${VARIABLE})['\`]`, 'g'),
  new RegExp(String.raw`loadMetricsListen\(\s*\w+\s*,\s*['\`](${VARIABLE})['\`]`, 'g'),
  new RegExp(String.raw`\bpositive\(\s*(?:env\s*,\s*)?['\`](${VARIABLE})['\`]`, 'g'),
  /\b(?:process\.)?env\.([A-Z][A-Z0-9_]+)\b/g,
  /\bprocess\.env\[['"]([A-Z][A-Z0-9_]+)['"]\]/g,
];

/** `${envNameOf(name)}_PORT` and `${prefix}_PORT` are `<NAME>_PORT`. */
const normalise = (name: string) => name.replace(/^\$\{[^}]+\}_/, '<NAME>_');

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((entry) => {
    const relative = path.join(dir, entry);
    if (NOT_SCANNED.test(relative)) return [];
    if (statSync(path.join(ROOT, relative)).isDirectory()) return sourceFiles(relative);
    return relative.endsWith('.ts') ? [relative] : [];
  });
}

function variablesTheCodeReads(): Map<string, string> {
  const found = new Map<string, string>(); // variable → a file reading it
  for (const file of SCANNED.flatMap(sourceFiles)) {
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    for (const pattern of READS) for (const match of text.matchAll(pattern)) if (!found.has(normalise(match[1]))) found.set(normalise(match[1]), file);
  }
  for (const name of SET_BY_TOOLS) found.delete(name);
  return found;
}

/** The Configuration table: each row's variables (first column) and the `<NAME>_…` / other names its text adds ("likewise …"). */
function documentedVariables(): { rows: string[]; mentioned: Set<string> } {
  const section = README.slice(README.indexOf('\n## Configuration'), README.indexOf('\n## ', README.indexOf('\n## Configuration') + 1));
  const rows = section.split('\n').filter((line) => line.startsWith('| `'));
  const names = (text: string) => [...text.matchAll(/`(<NAME>_[A-Z0-9_]+|[A-Z][A-Z0-9_]{2,})`/g)].map((m) => m[1]);
  return { rows: rows.flatMap((row) => names(row.split('|')[1])), mentioned: new Set(rows.flatMap((row) => names(row))) };
}

/** A name is documented when the table names it, or names its `<NAME>_…` form for a subgraph's own variable. */
function isDocumented(name: string, mentioned: Set<string>): boolean {
  if (mentioned.has(name)) return true;
  const prefix = SUBGRAPH_PREFIXES.find((p) => name.startsWith(`${p}_`));
  return prefix !== undefined && mentioned.has(`<NAME>_${name.slice(prefix.length + 1)}`);
}

describe('the README documents every environment variable', () => {
  const { rows, mentioned } = documentedVariables();
  const read = variablesTheCodeReads();

  it('finds the reads it looks for (the scan itself works)', () => {
    expect(read.get('GATEWAY_PORT')).toBeDefined();
    expect(read.get('<NAME>_DATABASE_URL')).toBe('shared/src/config.ts');
    expect(read.get('OTEL_SERVICE_NAME')).toBe('shared/src/tracing/startTracing.ts');
    expect(rows).toContain('JWT_SECRET');
  });

  it('lists every variable the code reads', () => {
    expect([...read].filter(([name]) => !isDocumented(name, mentioned)).map(([name, file]) => `${name} (read in ${file})`)).toEqual([]);
  });

  it('lists nothing the code does not read', () => {
    const readAsSubgraphVariable = (name: string) => SUBGRAPH_PREFIXES.some((p) => name.startsWith(`${p}_`) && read.has(`<NAME>_${name.slice(p.length + 1)}`));
    expect(rows.filter((name) => !read.has(name) && !readAsSubgraphVariable(name))).toEqual([]);
  });

  it('documents every variable the containers are given, in compose and in Kubernetes', () => {
    const compose = readCompose();
    const composeVariables = Object.values(compose.services)
      .filter((s) => s.image === 'nsc-hub:latest')
      .flatMap((s) => Object.keys(s.environment ?? {}));
    const kubernetesVariables = readKubernetesManifests()
      .flatMap(({ manifest }) => manifest.spec?.template?.spec?.containers ?? [])
      .filter((c: { image: string }) => c.image === 'nsc-hub:latest')
      .flatMap((c: { env?: { name: string }[] }) => (c.env ?? []).map((e) => e.name));
    expect(composeVariables.length).toBeGreaterThan(10);
    expect(kubernetesVariables.length).toBeGreaterThan(10);
    expect([...new Set([...composeVariables, ...kubernetesVariables])].filter((name) => !isDocumented(name, mentioned))).toEqual([]);
  });

  it('says which variables the compose file needs from the operator', () => {
    const text = readFileSync(path.join(ROOT, 'docker', 'compose.yaml'), 'utf8');
    const interpolated = [...new Set([...text.matchAll(/\$\{([A-Z][A-Z0-9_]*)(?::?[-?][^}]*)?\}/g)].map((m) => m[1]))];
    const containers = README.slice(README.indexOf('\n### Containers'), README.indexOf('\n### Kubernetes'));
    expect(interpolated).toContain('POSTGRES_PASSWORD');
    expect(interpolated.filter((name) => !containers.includes(`\`${name}\``))).toEqual([]);
  });
});
