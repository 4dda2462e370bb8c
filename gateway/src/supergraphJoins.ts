import { readFileSync } from 'node:fs';
import { buildASTSchema, isEnumType, isObjectType, parse, valueFromASTUntyped, type ConstDirectiveNode, type GraphQLField, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { DEFAULT_SUPERGRAPH_PATH } from './config';

/**
 * Which subgraph resolves what, read from a supergraph's @join__type/@join__field directives (by
 * default the committed one: the gateway plans from the same file, so tests that reason about
 * failures do too).
 */
export interface SupergraphJoins {
  readonly schema: GraphQLSchema;
  /** Names of the root operation types (Query, Mutation). */
  readonly roots: ReadonlySet<string>;
  /** Object types of the graph, join and link types left out. */
  objectTypes(): GraphQLObjectType[];
  /** Subgraph names that declare the type (its @join__type graphs): its home and those that reference it. */
  typeGraphs(type: GraphQLObjectType): Set<string>;
  /** Subgraph names that resolve the field: its @join__field graphs (not where it is external), else every subgraph declaring the type. */
  fieldGraphs(type: GraphQLObjectType, field: GraphQLField<unknown, unknown>): Set<string>;
  /** Top-level field names of the type's @key field sets; empty for a type that is no entity. */
  keyFields(type: GraphQLObjectType): Set<string>;
  /** The subgraph(s) resolving most of the type's fields: its home. Another subgraph's fields on it can fail on their own. */
  homeGraphs(type: GraphQLObjectType): Set<string>;
}

const directiveArgs = (node: { directives?: readonly ConstDirectiveNode[] } | null | undefined, name: string): Record<string, unknown>[] =>
  (node?.directives ?? [])
    .filter((d) => d.name.value === name)
    .map((d) => Object.fromEntries((d.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value)])));

export function supergraphJoins(sdl = readFileSync(DEFAULT_SUPERGRAPH_PATH, 'utf8')): SupergraphJoins {
  const schema = buildASTSchema(parse(sdl), { assumeValidSDL: true });
  const joinGraph = schema.getType('join__Graph');
  // join__Graph value (FORUMS) → subgraph name (forums).
  const names = new Map((isEnumType(joinGraph) ? joinGraph.getValues() : []).map((v) => [v.name, String(directiveArgs(v.astNode, 'join__graph')[0]?.name ?? v.name)]));
  const name = (graph: unknown) => names.get(String(graph)) ?? String(graph);
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((t) => (t ? [t.name] : [])));

  const typeGraphs = (type: GraphQLObjectType) => new Set(directiveArgs(type.astNode, 'join__type').map((a) => name(a.graph)));
  const fieldGraphs = (type: GraphQLObjectType, field: GraphQLField<unknown, unknown>) => {
    const joins = directiveArgs(field.astNode, 'join__field').filter((a) => a.graph !== undefined);
    if (joins.length === 0) return typeGraphs(type);
    return new Set(joins.filter((a) => a.external !== true).map((a) => name(a.graph)));
  };
  const keyFields = (type: GraphQLObjectType) => {
    const fields = new Set<string>();
    for (const { key } of directiveArgs(type.astNode, 'join__type')) {
      if (typeof key !== 'string') continue;
      let depth = 0;
      for (const token of key.match(/[{}]|[_A-Za-z][_0-9A-Za-z]*/g) ?? []) {
        if (token === '{') depth++;
        else if (token === '}') depth--;
        else if (depth === 0) fields.add(token);
      }
    }
    return fields;
  };
  const homeGraphs = (type: GraphQLObjectType) => {
    const counts = new Map<string, number>();
    for (const field of Object.values(type.getFields())) for (const g of fieldGraphs(type, field)) counts.set(g, (counts.get(g) ?? 0) + 1);
    const most = Math.max(...counts.values());
    return new Set([...counts].filter(([, n]) => n === most).map(([g]) => g));
  };
  const objectTypes = () =>
    Object.values(schema.getTypeMap()).filter((t): t is GraphQLObjectType => isObjectType(t) && !/^(__|join__|link__)/.test(t.name));
  return { schema, roots, objectTypes, typeGraphs, fieldGraphs, keyFields, homeGraphs };
}
