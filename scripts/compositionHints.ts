import { errorCodeDef } from '@apollo/federation-internals';

/**
 * What a team can do about a composition error, by its code (`extensions.code`, Apollo's
 * catalogue). Worded for this hub: a subgraph adds to another team's type through a stub with
 * its key, the owner resolves the rest. Codes not listed fall back to the catalogue's description.
 */
const HINTS: Readonly<Record<string, string>> = {
  INVALID_FIELD_SHARING:
    'two subgraphs resolve this field. If each really can resolve it, with the same result, mark it `@shareable` in every subgraph that defines it (and import @shareable in the @link); otherwise leave it to the team that owns it: remove it from your stub, or take it over with `@override(from: "<owner>")` agreed with that team',
  FIELD_TYPE_MISMATCH:
    "the subgraphs disagree on the field's type. Declare the owner's type in your stub (copy it from the owner's schema.graphql), or give your field another name",
  FIELD_ARGUMENT_TYPE_MISMATCH: "the subgraphs disagree on an argument's type: declare the argument exactly as the field's owner does",
  TYPE_KIND_MISMATCH:
    'one name is one kind of type across the graph (object, input, enum, …): rename your type, or declare it as the same kind as the team that already uses the name',
  EXTERNAL_MISSING_ON_BASE:
    'a field marked @external must be resolved by another subgraph: check its name and type against the owner\'s schema.graphql, or drop @external and resolve the field yourself',
  EXTERNAL_TYPE_MISMATCH: "an @external field must have the owner's type: copy it from the owner's schema.graphql",
  EXTENSION_WITH_NO_BASE: 'this subgraph extends a type no subgraph defines: define it (`type X @key(fields: "id") { id: ID! }`) rather than `extend type`, or check its name',
  KEY_FIELDS_SELECT_INVALID_TYPE:
    "a @key may select only fields whose type is an object, scalar or enum (no interfaces, unions or lists of them): key the type on a scalar id such as `id: ID!`",
  KEY_INVALID_FIELDS:
    'the @key(fields:) selection must name existing fields of the type, with a sub-selection for object fields, e.g. `@key(fields: "id")` or `@key(fields: "country { code }")`',
  KEY_FIELDS_HAS_ARGS: 'a @key cannot select a field that takes arguments: key the type on a field without arguments',
  SATISFIABILITY_ERROR:
    'some query the graph offers cannot be answered: the gateway cannot reach the field from the subgraphs that lead to it. Give the type a resolvable @key in the subgraph that has the field (`@key(fields: "id")`, not `resolvable: false`) and return references (`{ __typename, id }`) to it elsewhere, or mark the field @shareable where the query already is',
  INVALID_GRAPHQL:
    'this subgraph\'s schema is not valid on its own: fix it first (an unknown or misspelt type, a directive not imported in its @link, a duplicate definition)',
  ENUM_VALUE_MISMATCH: 'an enum used in input must have the same values in every subgraph that declares it: copy the owner\'s enum exactly',
  EMPTY_MERGED_ENUM_TYPE: 'the subgraphs declaring this enum share none of its values: declare the same values as the enum\'s owner',
  EMPTY_MERGED_INPUT_TYPE: 'the subgraphs declaring this input type share none of its fields: declare the same input fields as its owner',
  REQUIRED_INPUT_FIELD_MISSING_IN_SOME_SUBGRAPH: 'a required input field must be declared by every subgraph that declares the input type',
  REQUIRED_ARGUMENT_MISSING_IN_SOME_SUBGRAPH: 'a required argument must be declared by every subgraph that declares the field',
  INTERFACE_FIELD_NO_IMPLEM: 'every type implementing the interface must have this field: add it in the subgraph named',
  REQUIRES_INVALID_FIELDS: 'the @requires(fields:) selection must name fields of the type, marked @external in this subgraph',
  PROVIDES_INVALID_FIELDS: 'the @provides(fields:) selection must name fields of the returned type, marked @external in this subgraph',
  UNKNOWN_FEDERATION_LINK_VERSION: 'link federation v2.7 like the other subgraphs: `@link(url: "https://specs.apollo.dev/federation/v2.7", import: [...])`',
  DIRECTIVE_DEFINITION_INVALID: 'a directive this subgraph defines clashes with federation\'s own or another subgraph\'s definition: import it through @link instead of defining it',
  OVERRIDE_SOURCE_HAS_OVERRIDE: 'a field may be taken over (@override) only from the subgraph that resolves it, never in a chain',
  OVERRIDE_FROM_SELF_ERROR: '@override(from:) must name the other subgraph, not this one',
  NO_QUERIES: 'the graph needs at least one Query field: add a root field to one subgraph',
};

export function compositionHint(code: string): string {
  const hint = HINTS[code];
  if (hint) return hint;
  const description = errorCodeDef(code)?.description;
  const reference = 'https://www.apollographql.com/docs/graphos/reference/federation/errors';
  return description ? `${description.replace(/\.$/, '')} (see ${code} at ${reference})` : `see ${reference}`;
}
