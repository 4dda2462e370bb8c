import path from 'node:path';
import { Kind, type ASTNode, type DocumentNode, type GraphQLError } from 'graphql';
import { compositionHint } from './compositionHints';
import { REPO_ROOT } from './repoRoot';

/** One subgraph's schema as composition saw it. */
export interface ParsedSubgraph {
  readonly name: string;
  readonly document: DocumentNode;
  /** The schema file, for `file:line` in messages. */
  readonly file?: string;
  /** From the schema's `@contact(name:)`. */
  readonly team?: string;
}

/** Where in the subgraphs an error is: as precise as the error allows. */
export interface ProblemPlace {
  readonly subgraph: string;
  readonly team?: string;
  readonly type?: string;
  readonly field?: string;
  readonly argument?: string;
  /** The schema file and 1-based line, when the error points at a definition. */
  readonly file?: string;
  readonly line?: number;
}

/** A composition error a team can act on: which subgraph, type and field, what is wrong, what to do. */
export interface CompositionProblem {
  readonly code: string;
  readonly message: string;
  readonly places: readonly ProblemPlace[];
  readonly hint: string;
}

interface Definition {
  readonly type: string;
  readonly field?: string;
  readonly argument?: string;
  readonly start: number;
  readonly end: number;
  readonly line: number;
}

/** Every type, field, argument and enum value a subgraph defines, with its span in the source. */
function definitionsOf(document: DocumentNode): Definition[] {
  const out: Definition[] = [];
  const span = (node: ASTNode) => ({ start: node.loc?.start ?? -1, end: node.loc?.end ?? -1, line: node.loc?.startToken.line ?? 0 });
  for (const def of document.definitions) {
    if (!('name' in def) || !def.name || def.kind === Kind.DIRECTIVE_DEFINITION) continue;
    const type = def.name.value;
    out.push({ type, ...span(def) });
    const members = 'fields' in def ? (def.fields ?? []) : 'values' in def ? (def.values ?? []) : [];
    for (const member of members) {
      out.push({ type, field: member.name.value, ...span(member) });
      for (const arg of 'arguments' in member ? (member.arguments ?? []) : []) {
        out.push({ type, field: member.name.value, argument: arg.name.value, ...span(arg) });
      }
    }
  }
  return out;
}

/**
 * Maps an error from `@apollo/composition` to the subgraphs, types and fields it concerns. Its
 * AST nodes say where (each node's source is one subgraph's schema, located by offset); errors
 * without nodes, such as SATISFIABILITY_ERROR, name them in the message (`subgraph "x"`,
 * `"City.name"`), which is read as a fallback.
 */
export function compositionProblem(error: GraphQLError, subgraphs: readonly ParsedSubgraph[]): CompositionProblem {
  const code = String(error.extensions?.code ?? 'COMPOSITION_ERROR');
  const indexed = subgraphs.map((s) => ({ subgraph: s, source: s.document.loc?.source, definitions: definitionsOf(s.document) }));
  const places: ProblemPlace[] = [];
  const add = (place: ProblemPlace) => {
    const same = (p: ProblemPlace) => p.subgraph === place.subgraph && p.type === place.type && p.field === place.field && p.argument === place.argument;
    if (!places.some(same)) places.push(place);
  };

  for (const node of error.nodes ?? []) {
    const named = (node as { subgraph?: string }).subgraph;
    const owner = indexed.find((i) => (named ? i.subgraph.name === named : node.loc && i.source === node.loc.source));
    if (!owner) continue;
    const start = node.loc?.start ?? -1;
    // The innermost definition around the node: an argument inside a field inside a type.
    const enclosing = owner.definitions.filter((d) => d.start <= start && start < d.end).sort((a, b) => a.end - a.start - (b.end - b.start))[0];
    add({
      subgraph: owner.subgraph.name,
      team: owner.subgraph.team,
      type: enclosing?.type,
      field: enclosing?.field,
      argument: enclosing?.argument,
      file: owner.subgraph.file,
      line: node.loc?.startToken.line,
    });
  }

  if (places.length === 0) {
    const coordinate = /"([_A-Za-z]\w*)\.([_A-Za-z]\w*)"/.exec(error.message);
    const type = coordinate?.[1] ?? /\b[Tt]ype "([_A-Za-z]\w*)"/.exec(error.message)?.[1];
    const field = coordinate?.[2];
    // A subgraph is given the type and field only if it defines them; those that do come first.
    const named = subgraphsNamedIn(error.message, subgraphs).map((name) => {
      const owner = indexed.find((i) => i.subgraph.name === name)!;
      const fieldDef = owner.definitions.find((d) => d.type === type && d.field === field && !d.argument);
      const typeDef = owner.definitions.find((d) => d.type === type && !d.field);
      return {
        subgraph: name,
        team: owner.subgraph.team,
        type: typeDef && type,
        field: fieldDef && field,
        file: owner.subgraph.file,
        line: (fieldDef ?? typeDef)?.line,
      };
    });
    for (const place of [...named.filter((p) => p.field), ...named.filter((p) => !p.field)]) add(place);
  }
  return { code, message: error.message, places, hint: compositionHint(code) };
}

/** Subgraph names in a message, in order: `[name] …` prefixes, `subgraph "a"`, `subgraphs "a", "b" and "c"`. */
function subgraphsNamedIn(message: string, subgraphs: readonly ParsedSubgraph[]): string[] {
  const known = new Set(subgraphs.map((s) => s.name));
  const found: string[] = [];
  const prefix = /^\[([^\]]+)\]/.exec(message);
  if (prefix) found.push(prefix[1]);
  for (const list of message.matchAll(/\bsubgraphs? ((?:"[^"]+"(?:,\s*|\s+and\s+|\s+or\s+)?)+)/g)) {
    for (const quoted of list[1].matchAll(/"([^"]+)"/g)) found.push(quoted[1]);
  }
  return [...new Set(found)].filter((name) => known.has(name));
}

/** `subgraph membership (Membership team), type Country, field code (subgraphs/membership/schema.graphql:19)` */
export function formatProblemPlace(place: ProblemPlace): string {
  const parts = [`subgraph ${place.subgraph}${place.team ? ` (${place.team})` : ''}`];
  if (place.type) parts.push(`type ${place.type}`);
  if (place.field) parts.push(`field ${place.field}`);
  if (place.argument) parts.push(`argument ${place.argument}`);
  const where = place.file ? ` (${path.relative(REPO_ROOT, path.resolve(place.file))}${place.line ? `:${place.line}` : ''})` : '';
  return `${parts.join(', ')}${where}`;
}

/**
 * One error for a person: where, what, what to do.
 *
 *   subgraph clash, type Country, field code (…:5); subgraph membership (Membership team), type Country, field code (…:19):
 *     FIELD_TYPE_MISMATCH: Type of field "Country.code" is incompatible across subgraphs: …
 *     — hint: the subgraphs disagree on the field's type. …
 */
export function formatCompositionProblem(problem: CompositionProblem): string {
  const where = problem.places.length ? problem.places.map(formatProblemPlace).join('; ') : 'the composed graph (no subgraph named)';
  const message = problem.message.replace(/\n/g, '\n    ');
  return `${where}:\n  ${problem.code}: ${message}\n  — hint: ${problem.hint}`;
}
