import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse, type DocumentNode } from 'graphql';
import { SUBGRAPH_NAME, auditLogFieldName, envNameOf, type SubgraphModule } from '@nsc-hub/shared';
import { Refusal } from './Refusal';
import { renderTemplate } from './renderTemplate';

export interface NewSubgraphOptions {
  readonly name: string;
  readonly country: string;
  readonly team: string;
  readonly port?: number;
  /** The GraphQL type of its one entity; by default the name in Pascal case + `Record`. */
  readonly entity?: string;
}

export interface PlannedFile {
  /** Relative to the repository root. */
  readonly path: string;
  readonly content: string;
}

export interface SubgraphPlan {
  readonly name: string;
  readonly folder: string;
  readonly port: number;
  readonly entity: string;
  readonly files: readonly PlannedFile[];
}

const TEMPLATE_DIR = path.join(__dirname, 'template');
/** The gateway's default port: a subgraph may not take it. */
const GATEWAY_PORT = 4000;
/** Words the hub, Postgres or a reader would take for something else. */
const RESERVED = new Set(['gateway', 'shared', 'platform', 'hub', 'scripts', 'test', 'tests', 'bench', 'schema', 'operations', 'docs', 'public', 'information-schema', 'audit', 'audit-log', 'query', 'mutation', 'subscription', 'node-modules']);
const DEPENDENCIES = ['@apollo/subgraph', 'dataloader', 'graphql', 'typeorm'];

/**
 * Everything `npm run subgraph:new` would write, checked against the workspace first: a name, a
 * country, a port or a type that cannot be used is a Refusal before anything is written.
 */
export function planSubgraph(root: string, subgraphs: readonly SubgraphModule[], options: NewSubgraphOptions, now = Date.now()): SubgraphPlan {
  const name = checkName(root, subgraphs, options.name);
  const country = checkCountry(root, options.country);
  const team = checkTeam(options.team);
  const port = checkPort(subgraphs, options.port);
  const Name = pascal(name);
  const Entity = options.entity ?? `${Name}Record`;
  if (!/^[A-Z][A-Za-z0-9]{1,50}$/.test(Entity)) throw new Refusal(`--entity "${Entity}" must be a GraphQL type name in Pascal case, e.g. PoliceDistrict`);
  const Entities = plural(Entity);
  const camel = (s: string) => s[0].toLowerCase() + s.slice(1);
  const values: Record<string, string> = {
    name,
    Name,
    nameCamel: auditLogFieldName(name),
    NAME: envNameOf(name),
    dbSchema: name.replace(/-/g, '_'),
    auditField: auditLogFieldName(name),
    port: String(port),
    team,
    COUNTRY: country.code,
    countryLower: country.code.toLowerCase(),
    countryName: country.name,
    otherCountry: country.code === 'DK' ? 'NO' : 'DK',
    exampleCity: exampleCity(root, country.code),
    Entity,
    entity: camel(Entity),
    Entities,
    entities: camel(Entities),
    table: snake(Entities),
    entityLabel: words(Entity),
    EntityLabel: words(Entity).replace(/^./, (c) => c.toUpperCase()),
    platformTimestamp: String(now),
    timestamp: String(now + 3),
    ...Object.fromEntries(DEPENDENCIES.map((dep) => [`dep:${dep}`, dependencyRange(root, dep)])),
  };
  checkSchemaNames(root, values);

  const folder = `subgraphs/${name}`;
  const files = templateFiles().map((template) => {
    const relative = renderTemplate(template.replace(/\.tmpl$/, ''), values, template);
    return { path: `${folder}/${relative}`, content: renderTemplate(readFileSync(path.join(TEMPLATE_DIR, template), 'utf8'), values, template) };
  });
  return { name, folder, port, entity: Entity, files };
}

function checkName(root: string, subgraphs: readonly SubgraphModule[], raw: string): string {
  const name = raw.trim();
  if (!SUBGRAPH_NAME.test(name)) throw new Refusal(`name "${raw}" must be lower-case kebab case (a-z, 0-9, single hyphens), a letter first, e.g. denmark`);
  if (name.length > 30) throw new Refusal(`name "${name}" must be at most 30 characters`);
  if (RESERVED.has(name) || name.startsWith('pg-')) throw new Refusal(`name "${name}" is reserved`);
  const taken = subgraphs.find((s) => s.name === name || s.dbSchema === name.replace(/-/g, '_'));
  if (taken) throw new Refusal(`name "${name}" is taken by subgraphs/${path.basename(taken.dir)}`);
  if (existsSync(path.join(root, 'subgraphs', name))) throw new Refusal(`subgraphs/${name} exists already`);
  return name;
}

/** The countries the hub knows: the membership subgraph's sourced list. */
function checkCountry(root: string, raw: string): { code: string; name: string } {
  const code = raw.trim().toUpperCase();
  const known = readJson<{ code: string; name_en: string }[]>(root, 'subgraphs/membership/seed/data/countries.json') ?? [];
  const country = known.find((c) => c.code === code);
  if (!country) throw new Refusal(`country "${raw}" is not one the hub knows (${known.map((c) => c.code).join(', ')})`);
  return { code, name: country.name_en };
}

function checkTeam(raw: string): string {
  const team = raw.trim();
  if (team.length < 2 || team.length > 100) throw new Refusal('--team must name the owning team in 2 to 100 characters');
  if (/["`\\]|\*\/|\{\{|[\u0000-\u001f\u007f]/.test(team)) throw new Refusal('--team may not contain quotes ("), backticks, backslashes, */, {{ or control characters');
  return team;
}

function checkPort(subgraphs: readonly SubgraphModule[], port: number | undefined): number {
  const used = new Map(subgraphs.map((s) => [s.defaultPort, s.name]));
  if (port === undefined) {
    let next = Math.max(GATEWAY_PORT, ...used.keys()) + 1;
    while (used.has(next)) next += 1;
    return next;
  }
  if (!Number.isInteger(port) || port < 1024 || port > 65535) throw new Refusal(`--port ${port} must be a whole number from 1024 to 65535`);
  if (port === GATEWAY_PORT) throw new Refusal(`--port ${port} is the gateway's`);
  const owner = used.get(port);
  if (owner) throw new Refusal(`--port ${port} is used by the ${owner} subgraph`);
  return port;
}

/** Types and root fields the new schema would add must be new to the graph: say which one is not. */
function checkSchemaNames(root: string, v: Record<string, string>): void {
  const api = readApiSchema(root);
  if (!api) return;
  const types = new Map<string, Set<string>>();
  for (const def of api.definitions) {
    if (!('name' in def) || !def.name) continue;
    const fields = 'fields' in def && def.fields ? def.fields.map((f) => f.name.value) : [];
    types.set(def.name.value, new Set([...(types.get(def.name.value) ?? []), ...fields]));
  }
  for (const type of [v.Entity, `${v.Entity}Edge`, `${v.Entity}Connection`, `${v.Entity}Filter`, `Create${v.Entity}Input`, `Update${v.Entity}Input`]) {
    if (types.has(type)) throw new Refusal(`type ${type} exists in the graph already: choose another --entity`);
  }
  const fields: [string, string][] = [
    ['Query', v.entities],
    ['Query', v.entity],
    ['Mutation', `create${v.Entity}`],
    ['Mutation', `update${v.Entity}`],
    ['Mutation', `archive${v.Entity}`],
    ['City', v.entities],
  ];
  for (const [type, field] of fields) {
    if (types.get(type)?.has(field)) throw new Refusal(`${type}.${field} exists in the graph already: choose another --entity`);
  }
}

/** The public API schema as committed (schema/api.graphql), the graph a new subgraph joins. */
function readApiSchema(root: string): DocumentNode | undefined {
  const file = path.join(root, 'schema', 'api.graphql');
  if (!existsSync(file)) return undefined;
  const document = parse(readFileSync(file, 'utf8'));
  return { ...document, definitions: document.definitions.filter((d) => d.kind !== Kind.DIRECTIVE_DEFINITION) };
}

/** A hub city of the country for examples and tests (`is-reykjavik`), from the membership seed. */
function exampleCity(root: string, code: string): string {
  const cities = readJson<{ id: string; country: string }[]>(root, 'subgraphs/membership/seed/data/cities.json') ?? [];
  const city = cities.find((c) => c.country === code) ?? cities[0];
  return city ? `${city.country.toLowerCase()}-${city.id}` : `${code.toLowerCase()}-city`;
}

/** The version range the other subgraphs use, so the workspace keeps one copy of each package. */
function dependencyRange(root: string, dependency: string): string {
  for (const folder of readdirSync(path.join(root, 'subgraphs')).sort()) {
    const range = readJson<{ dependencies?: Record<string, string> }>(root, `subgraphs/${folder}/package.json`)?.dependencies?.[dependency];
    if (range) return range;
  }
  const installed = readJson<{ version: string }>(root, `node_modules/${dependency}/package.json`);
  if (!installed) throw new Error(`cannot tell which version of ${dependency} to use: it is in no subgraph and not installed`);
  return `^${installed.version}`;
}

function templateFiles(dir = TEMPLATE_DIR): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const full = path.join(dir, entry);
      return statSync(full).isDirectory() ? templateFiles(full) : [path.relative(TEMPLATE_DIR, full)];
    });
}

function readJson<T>(root: string, file: string): T | undefined {
  const full = path.join(root, file);
  return existsSync(full) ? (JSON.parse(readFileSync(full, 'utf8')) as T) : undefined;
}

const pascal = (kebab: string) => kebab.replace(/(^|-)([a-z0-9])/g, (_m, _dash, c: string) => c.toUpperCase());
const snake = (type: string) => type.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
const words = (type: string) => type.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();

/** English plural of a type name's last word: PoliceDistrict → PoliceDistricts, Body → Bodies. */
function plural(type: string): string {
  if (/[^aeiou]y$/.test(type)) return `${type.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(type)) return `${type}es`;
  return `${type}s`;
}
