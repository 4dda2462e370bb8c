// One subgraph's failure stays its own: the committed supergraph gives a failing subgraph no
// non-null field through which the gateway would null what healthy subgraphs answered. The rule
// is read from the supergraph's @join__type/@join__field directives, so a subgraph that adds a
// non-null field to another's type, or a non-null reference to another's entity, fails here with
// the field named (see schema/CHANGELOG.md, 2026-12-03).
import { getNamedType, isNonNullType, isObjectType, isUnionType } from 'graphql';
import { supergraphJoins } from '@nsc-hub/gateway';

const { schema, roots, objectTypes, fieldGraphs, keyFields, homeGraphs } = supergraphJoins();
const query = schema.getQueryType()!;
const list = (names: Iterable<string>) => [...names].sort().join(', ');

/** Every `Type.field` of non-root object types, with the subgraphs resolving it. */
const nonRootFields = objectTypes()
  .filter((t) => !roots.has(t.name))
  .flatMap((type) => Object.values(type.getFields()).map((field) => ({ type, field, graphs: fieldGraphs(type, field) })));

test('every root Query field is nullable, so one subgraph down never nulls `data`', () => {
  const offenders = Object.values(query.getFields())
    .filter((f) => isNonNullType(f.type))
    .map((f) => `Query.${f.name}: ${String(f.type)} (resolved by ${list(fieldGraphs(query, f))}) must be nullable`);
  expect(offenders).toEqual([]);
});

test("every field one subgraph adds to another's type is nullable", () => {
  const offenders = nonRootFields
    .filter(({ type, field, graphs }) => !keyFields(type).has(field.name) && isNonNullType(field.type) && [...homeGraphs(type)].some((home) => !graphs.has(home)))
    .map(({ type, field, graphs }) => `${type.name}.${field.name}: ${String(field.type)} is resolved by ${list(graphs)} while ${type.name} is mostly resolved by ${list(homeGraphs(type))}: it must be nullable`);
  expect(offenders).toEqual([]);
});

test("every field whose type is another subgraph's entity is nullable (a list: the list itself)", () => {
  // A mutation's answer is whole or an error, so Mutation fields are left out on purpose.
  const candidates = [...nonRootFields, ...Object.values(query.getFields()).map((field) => ({ type: query, field, graphs: fieldGraphs(query, field) }))];
  const offenders = candidates.flatMap(({ type, field, graphs }) => {
    if (!isNonNullType(field.type)) return [];
    const target = getNamedType(field.type);
    const entities = isUnionType(target) ? target.getTypes() : isObjectType(target) ? [target] : [];
    // Another subgraph's entity (its home is none of this field's subgraphs) with non-key, non-null
    // fields none of this field's subgraphs can resolve. Fields a third subgraph adds to the entity
    // are the previous test's business.
    const foreign = entities.filter((entity) => keyFields(entity).size > 0 && ![...homeGraphs(entity)].some((home) => graphs.has(home)));
    const elsewhere = foreign.flatMap((entity) =>
      Object.values(entity.getFields())
        .filter((g) => isNonNullType(g.type) && !keyFields(entity).has(g.name))
        .filter((g) => ![...fieldGraphs(entity, g)].some((owner) => graphs.has(owner)))
        .map((g) => `${entity.name}.${g.name} (${list(fieldGraphs(entity, g))})`),
    );
    if (elsewhere.length === 0) return [];
    const shown = elsewhere.length > 3 ? `${elsewhere.slice(0, 3).join(', ')} and ${elsewhere.length - 3} more` : elsewhere.join(', ');
    return [`${type.name}.${field.name}: ${String(field.type)} is resolved by ${list(graphs)} but needs non-null ${shown}: it must be nullable`];
  });
  expect(offenders).toEqual([]);
});

test('every nested field with arguments is nullable, so a bad argument fails that field only', () => {
  const offenders = nonRootFields
    .filter(({ field }) => field.args.length > 0 && isNonNullType(field.type))
    .map(({ type, field }) => `${type.name}.${field.name}(${field.args.map((a) => a.name).join(', ')}): ${String(field.type)} must be nullable`);
  expect(offenders).toEqual([]);
});
