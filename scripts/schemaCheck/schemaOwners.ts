import { Kind, parse, valueFromASTUntyped, type DirectiveNode } from 'graphql';

export interface Owner {
  readonly subgraph: string;
  /** From the subgraph schema's `@contact(name:)`, when it names one. */
  readonly team?: string;
}

const argsOf = (directives: readonly DirectiveNode[] | undefined, name: string) =>
  (directives ?? [])
    .filter((d) => d.name.value === name)
    .map((d) => Object.fromEntries((d.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value)])) as Record<string, unknown>);

/** Schema path (`Type`, `Type.field`, `Enum.VALUE`, `Input.field`) → the subgraphs resolving it, from one supergraph. */
function joinsOf(supergraphSdl: string): Map<string, string[]> {
  const document = parse(supergraphSdl);
  const graphNames = new Map<string, string>();
  for (const def of document.definitions) {
    if (def.kind !== Kind.ENUM_TYPE_DEFINITION || def.name.value !== 'join__Graph') continue;
    for (const value of def.values ?? []) graphNames.set(value.name.value, String(argsOf(value.directives, 'join__graph')[0]?.name ?? value.name.value.toLowerCase()));
  }
  const graphs = (joins: Record<string, unknown>[]) => [...new Set(joins.filter((j) => j.graph !== undefined && j.external !== true).map((j) => graphNames.get(String(j.graph)) ?? String(j.graph)))].sort();
  const owners = new Map<string, string[]>();
  for (const def of document.definitions) {
    if (!('name' in def) || !def.name || !('directives' in def) || def.kind === Kind.DIRECTIVE_DEFINITION) continue;
    const type = def.name.value;
    if (/^(join__|link__)/.test(type)) continue;
    const typeGraphs = graphs(argsOf(def.directives, 'join__type'));
    owners.set(type, typeGraphs);
    // A field without @join__field is resolved by every subgraph declaring the type (a shared value type).
    for (const field of 'fields' in def ? (def.fields ?? []) : []) {
      const joins = argsOf(field.directives, 'join__field');
      owners.set(`${type}.${field.name.value}`, joins.length ? graphs(joins) : typeGraphs);
    }
    for (const value of 'values' in def ? (def.values ?? []) : []) {
      const joins = argsOf(value.directives, 'join__enumValue');
      owners.set(`${type}.${value.name.value}`, joins.length ? graphs(joins) : typeGraphs);
    }
  }
  return owners;
}

/**
 * Who owns a schema path: the subgraph(s) the supergraph's @join__type/@join__field/@join__enumValue
 * say resolve it, with their teams. Given the new supergraph and then the old one, a path that was
 * removed is found in the old. An argument belongs to its field's owners.
 */
export function schemaOwners(supergraphSdls: readonly (string | undefined)[], teams: ReadonlyMap<string, string> = new Map()): (path: string) => Owner[] {
  const joins = supergraphSdls.filter((s): s is string => !!s).map(joinsOf);
  return (path) => {
    const [type, member] = path.split('.');
    const key = member === undefined ? type : `${type}.${member}`;
    const subgraphs = joins.map((j) => j.get(key)).find((found) => found !== undefined) ?? [];
    return subgraphs.map((subgraph) => (teams.has(subgraph) ? { subgraph, team: teams.get(subgraph) } : { subgraph }));
  };
}
