// One subgraph's failure stays its own: the committed supergraph gives a failing subgraph no
// non-null field through which the gateway would null what healthy subgraphs answered. The rule
// is read from the supergraph's @join__type/@join__field directives, so a subgraph that adds a
// non-null field to another's type, or a non-null reference to another's entity, fails here with
// the field named (see schema/CHANGELOG.md, 2026-12-03).
import { readFileSync } from 'node:fs';
import {
  buildASTSchema,
  getNamedType,
  isEnumType,
  isNonNullType,
  isObjectType,
  isUnionType,
  parse,
  valueFromASTUntyped,
  type ConstDirectiveNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { DEFAULT_SUPERGRAPH_PATH } from '@nsc-hub/gateway';

const schema = buildASTSchema(parse(readFileSync(DEFAULT_SUPERGRAPH_PATH, 'utf8')), { assumeValidSDL: true });
const ROOTS = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter((t) => t != null).map((t) => t.name));

const directiveArgs = (node: { directives?: readonly ConstDirectiveNode[] } | null | undefined, name: string): Record<string, unknown>[] =>
  (node?.directives ?? [])
    .filter((d) => d.name.value === name)
    .map((d) => Object.fromEntries((d.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value)])));

/** join__Graph enum value → subgraph name, so messages say `forums`, not `FORUMS`. */
const joinGraph = schema.getType('join__Graph');
const graphNames = new Map(
  (isEnumType(joinGraph) ? joinGraph.getValues() : []).map((v) => [v.name, String(directiveArgs(v.astNode, 'join__graph')[0]?.name ?? v.name)]),
);
const named = (graphs: Iterable<string>) => [...graphs].map((g) => graphNames.get(g) ?? g).sort().join(', ');

const typeGraphs = (type: GraphQLObjectType) => directiveArgs(type.astNode, 'join__type').map((a) => String(a.graph));

/** The subgraphs that resolve a field: its @join__field graphs (not where it is external), else every subgraph declaring the type. */
function fieldGraphs(type: GraphQLObjectType, field: GraphQLField<unknown, unknown>): Set<string> {
  const joins = directiveArgs(field.astNode, 'join__field').filter((a) => a.graph !== undefined);
  if (joins.length === 0) return new Set(typeGraphs(type));
  return new Set(joins.filter((a) => a.external !== true).map((a) => String(a.graph)));
}

/** Top-level field names of the type's @key field sets. */
function keyFields(type: GraphQLObjectType): Set<string> {
  const keys = directiveArgs(type.astNode, 'join__type').flatMap((a) => (typeof a.key === 'string' ? [a.key] : []));
  const names = new Set<string>();
  for (const key of keys) {
    let depth = 0;
    for (const token of key.match(/[{}]|[_A-Za-z][_0-9A-Za-z]*/g) ?? []) {
      if (token === '{') depth++;
      else if (token === '}') depth--;
      else if (depth === 0) names.add(token);
    }
  }
  return names;
}

const isEntity = (type: GraphQLObjectType) => keyFields(type).size > 0;

/** The subgraph(s) resolving most of the type's fields: whatever else another subgraph adds to it can fail on its own. */
function homeGraphs(type: GraphQLObjectType): Set<string> {
  const counts = new Map<string, number>();
  for (const field of Object.values(type.getFields())) for (const g of fieldGraphs(type, field)) counts.set(g, (counts.get(g) ?? 0) + 1);
  const most = Math.max(...counts.values());
  return new Set([...counts].filter(([, n]) => n === most).map(([g]) => g));
}

const objectTypes = (s: GraphQLSchema) =>
  Object.values(s.getTypeMap()).filter((t): t is GraphQLObjectType => isObjectType(t) && !t.name.startsWith('__') && !t.name.startsWith('join__') && !t.name.startsWith('link__'));

/** Every `Type.field` of non-root object types, with the subgraphs resolving it. */
const nonRootFields = () =>
  objectTypes(schema)
    .filter((t) => !ROOTS.has(t.name))
    .flatMap((type) => Object.values(type.getFields()).map((field) => ({ type, field, graphs: fieldGraphs(type, field) })));

test('every root Query field is nullable, so one subgraph down never nulls `data`', () => {
  const offenders = Object.values(schema.getQueryType()!.getFields())
    .filter((f) => isNonNullType(f.type))
    .map((f) => `Query.${f.name}: ${String(f.type)} (resolved by ${named(fieldGraphs(schema.getQueryType()!, f))}) must be nullable`);
  expect(offenders).toEqual([]);
});

test("every field one subgraph adds to another's type is nullable", () => {
  const offenders = nonRootFields()
    .filter(({ type, field, graphs }) => {
      if (keyFields(type).has(field.name) || !isNonNullType(field.type)) return false;
      return [...homeGraphs(type)].some((home) => !graphs.has(home));
    })
    .map(({ type, field, graphs }) => `${type.name}.${field.name}: ${String(field.type)} is resolved by ${named(graphs)} while ${type.name} is mostly resolved by ${named(homeGraphs(type))}: it must be nullable`);
  expect(offenders).toEqual([]);
});

test("every field whose type is another subgraph's entity is nullable (a list: the list itself)", () => {
  // A mutation's answer is whole or an error, so Mutation fields are left out on purpose.
  const candidates = [
    ...nonRootFields(),
    ...Object.values(schema.getQueryType()!.getFields()).map((field) => ({ type: schema.getQueryType()!, field, graphs: fieldGraphs(schema.getQueryType()!, field) })),
  ];
  const offenders = candidates.flatMap(({ type, field, graphs }) => {
    if (!isNonNullType(field.type)) return [];
    const target = getNamedType(field.type);
    const entities = isUnionType(target) ? target.getTypes() : isObjectType(target) ? [target] : [];
    // Another subgraph's entity (its home is none of this field's subgraphs), with non-key, non-null
    // fields none of this field's subgraphs can resolve. Fields a third subgraph adds to the entity
    // are the previous test's business.
    const foreign = entities.filter((entity) => isEntity(entity) && ![...homeGraphs(entity)].some((home) => graphs.has(home)));
    const elsewhere = foreign.flatMap((entity) =>
      Object.values(entity.getFields())
        .filter((g) => isNonNullType(g.type) && !keyFields(entity).has(g.name))
        .filter((g) => ![...fieldGraphs(entity, g)].some((owner) => graphs.has(owner)))
        .map((g) => `${entity.name}.${g.name} (${named(fieldGraphs(entity, g))})`),
    );
    if (elsewhere.length === 0) return [];
    return [`${type.name}.${field.name}: ${String(field.type)} is resolved by ${named(graphs)} but needs non-null ${elsewhere.join(', ')}: it must be nullable`];
  });
  expect(offenders).toEqual([]);
});

test('every nested field with arguments is nullable, so a bad argument fails that field only', () => {
  const offenders = nonRootFields()
    .filter(({ field }) => field.args.length > 0 && isNonNullType(field.type))
    .map(({ type, field }) => `${type.name}.${field.name}(${field.args.map((a) => a.name).join(', ')}): ${String(field.type)} must be nullable`);
  expect(offenders).toEqual([]);
});
