import {
  Kind,
  getNamedType,
  getOperationAST,
  isCompositeType,
  parse,
  type DirectiveNode,
  type DocumentNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { fragmentsOf } from '@nsc-hub/shared';
import { LruCache } from './LruCache';

export type CacheScope = 'PUBLIC' | 'PRIVATE';

/** A `@cacheControl` as the schema states it. */
export interface CacheHint {
  readonly maxAge?: number;
  readonly scope?: CacheScope;
  readonly inheritMaxAge?: boolean;
}

/** How long an answer may be kept, and by whom. `maxAge: 0` is not at all. */
export interface CachePolicy {
  readonly maxAge: number;
  readonly scope: CacheScope;
}

export const NOT_CACHEABLE: CachePolicy = { maxAge: 0, scope: 'PUBLIC' };

function hintOf(directives: readonly DirectiveNode[] | undefined): CacheHint | undefined {
  const directive = directives?.find((d) => d.name.value === 'cacheControl');
  if (!directive) return undefined;
  const hint: { maxAge?: number; scope?: CacheScope; inheritMaxAge?: boolean } = {};
  for (const arg of directive.arguments ?? []) {
    if (arg.name.value === 'maxAge' && arg.value.kind === Kind.INT) hint.maxAge = Number(arg.value.value);
    if (arg.name.value === 'scope' && arg.value.kind === Kind.ENUM) hint.scope = arg.value.value as CacheScope;
    if (arg.name.value === 'inheritMaxAge' && arg.value.kind === Kind.BOOLEAN) hint.inheritMaxAge = arg.value.value;
  }
  return hint;
}

/**
 * The `@cacheControl` hints the subgraphs composed into the supergraph, by type and by field
 * (`City`, `City.contacts`). The gateway's own schema object does not keep applied directives, so
 * they are read from the supergraph's text.
 */
export class CacheHints {
  private constructor(
    private readonly types: ReadonlyMap<string, CacheHint>,
    private readonly fields: ReadonlyMap<string, CacheHint>,
  ) {}

  static fromSupergraph(sdl: string): CacheHints {
    const types = new Map<string, CacheHint>();
    const fields = new Map<string, CacheHint>();
    for (const definition of parse(sdl).definitions) {
      if (
        definition.kind !== Kind.OBJECT_TYPE_DEFINITION &&
        definition.kind !== Kind.INTERFACE_TYPE_DEFINITION &&
        definition.kind !== Kind.UNION_TYPE_DEFINITION &&
        definition.kind !== Kind.OBJECT_TYPE_EXTENSION
      ) {
        continue;
      }
      const typeHint = hintOf(definition.directives);
      if (typeHint) types.set(definition.name.value, typeHint);
      if (definition.kind === Kind.UNION_TYPE_DEFINITION) continue;
      for (const field of definition.fields ?? []) {
        const fieldHint = hintOf(field.directives);
        if (fieldHint) fields.set(`${definition.name.value}.${field.name.value}`, fieldHint);
      }
    }
    return new CacheHints(types, fields);
  }

  type(name: string): CacheHint | undefined {
    return this.types.get(name);
  }

  field(type: string, field: string): CacheHint | undefined {
    return this.fields.get(`${type}.${field}`);
  }
}

/**
 * The policy of an operation's answer from the hints alone, with Apollo Server's rules: a field's
 * own hint wins over its type's; a field returning an object, interface or union without a hint,
 * and a root field without one, may not be kept (0); other scalar fields inherit; `inheritMaxAge`
 * takes the parent's; the smallest maxAge and any PRIVATE scope win. Computed once per document,
 * so no resolver of any subgraph pays for it. Every branch counts (`@skip` and `@include` are not
 * evaluated), which can only make the answer kept for less time, never longer.
 */
export function cachePolicyOf(schema: GraphQLSchema, hints: CacheHints, document: DocumentNode, operationName?: string | null): CachePolicy {
  const operation = getOperationAST(document, operationName);
  if (!operation || operation.operation !== 'query') return NOT_CACHEABLE;
  const root = schema.getQueryType();
  if (!root) return NOT_CACHEABLE;
  const fragments = fragmentsOf(document);
  let maxAge = Number.POSITIVE_INFINITY;
  let scope: CacheScope = 'PUBLIC';
  const seen = new Set<string>();

  const walk = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType, isRoot: boolean, parentMaxAge: number): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (on && isCompositeType(on)) walk(selection.selectionSet, on, isRoot, parentMaxAge);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        const on = fragment && schema.getType(fragment.typeCondition.name.value);
        // A fragment spread twice at one place adds nothing the first did not.
        const key = `${selection.name.value}@${parent.name}:${isRoot}:${parentMaxAge}`;
        if (fragment && on && isCompositeType(on) && !seen.has(key)) {
          seen.add(key);
          walk(fragment.selectionSet, on, isRoot, parentMaxAge);
        }
        continue;
      }
      if (selection.name.value === '__typename' || !('getFields' in parent)) continue;
      const definition = parent.getFields()[selection.name.value];
      if (!definition) continue;
      const target = getNamedType(definition.type);
      const composite = isCompositeType(target);
      const fieldHint = hints.field(parent.name, selection.name.value);
      const typeHint = composite ? hints.type(target.name) : undefined;
      const hint: CacheHint = { ...typeHint, ...fieldHint };
      if (fieldHint?.scope === 'PRIVATE' || typeHint?.scope === 'PRIVATE') scope = 'PRIVATE';
      let fieldMaxAge: number;
      if (fieldHint?.inheritMaxAge || (fieldHint?.maxAge === undefined && typeHint?.inheritMaxAge)) fieldMaxAge = parentMaxAge;
      else if (hint.maxAge !== undefined) fieldMaxAge = hint.maxAge;
      else if (composite || isRoot) fieldMaxAge = 0;
      else fieldMaxAge = parentMaxAge;
      maxAge = Math.min(maxAge, fieldMaxAge);
      if (composite && selection.selectionSet) walk(selection.selectionSet, target, false, fieldMaxAge);
    }
  };

  walk(operation.selectionSet, root, true, Number.POSITIVE_INFINITY);
  return Number.isFinite(maxAge) && maxAge > 0 ? { maxAge, scope } : { maxAge: 0, scope };
}

/** Policies kept, by document and operation name. */
const POLICIES_KEPT = 1000;

/**
 * Each document's policy, computed once and kept while the supergraph stays the same (a new one
 * brings new hints). HTTP caching and the response cache ask the same one.
 */
export class CachePolicies {
  private readonly policies = new LruCache<string, CachePolicy>(POLICIES_KEPT);
  private policiesOf: GraphQLSchema | undefined;

  constructor(private readonly supergraphHints: () => CacheHints) {}

  policyFor(schema: GraphQLSchema, document: DocumentNode, queryHash: string, operationName: string | null | undefined): CachePolicy {
    if (schema !== this.policiesOf) {
      this.policies.clear();
      this.policiesOf = schema;
    }
    return this.policies.get(`${queryHash}:${operationName ?? ''}`, () => cachePolicyOf(schema, this.supergraphHints(), document, operationName));
  }
}
