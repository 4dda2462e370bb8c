import {
  Kind,
  getNamedType,
  getNullableType,
  isAbstractType,
  isCompositeType,
  isListType,
  isObjectType,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { fragmentsOf, type EntityChange } from '@nsc-hub/shared';
import { supergraphJoins, type SupergraphJoins } from '../supergraphJoins';

/** An answer holding this record: `e:City:c-aarhus`. */
export const entityTag = (typename: string, id: string) => `e:${typename}:${id}`;
/** An answer holding a record of this type it cannot name (its key was not asked for). */
export const typeTag = (typename: string) => `t:${typename}`;
/** An answer holding a list, page, count or other collection this subgraph resolved. */
export const listTag = (subgraph: string) => `l:${subgraph}`;

/**
 * What an answer holds, as tags the response cache evicts it by, and what a subgraph's reported
 * change evicts. The rules rest on two facts of the hub: every list a subgraph resolves is made of
 * its own data, and every write goes through a subgraph, which reports the records it changed.
 *
 * - A record whose key the answer holds is tagged by it (`e:`); one without is tagged by its type
 *   (`t:`), so any change to a record of that type evicts the answer.
 * - A list field, a root field that is no single record (a page, statistics), and a field with
 *   arguments returning other than a record (`City.events(first:)`) are tagged by the subgraph
 *   resolving them (`l:`): any write in that subgraph evicts the answer, since a record created,
 *   changed or deleted there may join, move in or leave the list.
 * - The other fields of a record (its scalars, a name object) are covered by its own tag.
 */
export class ResponseTags {
  private readonly identities = new Map<string, readonly string[]>();

  private constructor(private readonly joins: SupergraphJoins) {}

  static fromSupergraph(sdl: string): ResponseTags {
    return new ResponseTags(supergraphJoins(sdl));
  }

  /** The tags of an answer's data to `operation` of `document`. */
  of(document: DocumentNode, operation: OperationDefinitionNode, data: Record<string, unknown>): string[] {
    const fragments = fragmentsOf(document);
    const root = operation.operation === 'query' ? this.joins.schema.getQueryType() : this.joins.schema.getMutationType();
    const tags = new Set<string>();
    if (!root) return [];

    const visit = (value: unknown, type: GraphQLCompositeType, selectionSet: SelectionSetNode, isRoot: boolean): void => {
      if (Array.isArray(value)) {
        for (const item of value) visit(item, type, selectionSet, isRoot);
        return;
      }
      if (typeof value !== 'object' || value === null) return;
      const object = value as Record<string, unknown>;
      const concreteTypes = this.concreteTypes(type, object, selectionSet, fragments);
      for (const concrete of concreteTypes) {
        const fields = collectFields(this.joins, concrete, selectionSet, fragments);
        if (!isRoot) this.tagIdentity(concrete, object, fields, tags, concreteTypes.length === 1);
        for (const [responseKey, nodes] of fields) {
          if (!(responseKey in object)) continue;
          const field = nodes[0];
          const definition = concrete.getFields()[field.name.value];
          if (!definition) continue;
          const named = getNamedType(definition.type);
          const isList = isListType(getNullableType(definition.type));
          const isRecord = isCompositeType(named) && this.isIdentifiable(named);
          if (isList || (isRoot && !isRecord) || (!isRecord && isCompositeType(named) && definition.args.length > 0)) {
            for (const subgraph of this.joins.fieldGraphs(concrete, definition)) tags.add(listTag(subgraph));
          }
          if (isCompositeType(named)) visit(object[responseKey], named, mergedSelections(nodes), false);
        }
      }
    };

    visit(data, root, operation.selectionSet, true);
    return [...tags];
  }

  /** The tags a change reported by `subgraph` evicts: its record, its type's unnamed records, the subgraph's lists. */
  forChange(subgraph: string, change: Pick<EntityChange, 'typename' | 'id'>): string[] {
    return [entityTag(change.typename, change.id), typeTag(change.typename), listTag(subgraph)];
  }

  private tagIdentity(type: GraphQLObjectType, object: Record<string, unknown>, fields: Map<string, FieldNode[]>, tags: Set<string>, known: boolean): void {
    const keyFields = this.identityOf(type);
    if (keyFields.length === 0) return;
    const values = keyFields.map((name) => {
      const responseKey = [...fields].find(([, [field]]) => field.name.value === name && !field.arguments?.length)?.[0];
      const value = responseKey === undefined ? undefined : object[responseKey];
      return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
    });
    if (known && values.every((v) => v !== undefined)) tags.add(entityTag(type.name, values.join(',')));
    else tags.add(typeTag(type.name));
  }

  /** A type's key fields (its `@key`), else `id` where it has one; none for a value type (a page, a name). */
  private identityOf(type: GraphQLObjectType): readonly string[] {
    let identity = this.identities.get(type.name);
    if (!identity) {
      const keys = [...this.joins.keyFields(type)];
      identity = keys.length ? keys : 'id' in type.getFields() ? ['id'] : [];
      this.identities.set(type.name, identity);
    }
    return identity;
  }

  private isIdentifiable(type: GraphQLCompositeType): boolean {
    const types = isAbstractType(type) ? this.joins.schema.getPossibleTypes(type) : [type];
    return types.every((t) => this.identityOf(t).length > 0);
  }

  /** The object's own type: named by `__typename` where the answer has it, else every type it could be. */
  private concreteTypes(type: GraphQLCompositeType, object: Record<string, unknown>, selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>): readonly GraphQLObjectType[] {
    if (isObjectType(type)) return [type];
    const possible = this.joins.schema.getPossibleTypes(type);
    const typenameKey = [...collectFields(this.joins, type, selectionSet, fragments)].find(([, [field]]) => field.name.value === '__typename')?.[0];
    const typename = typenameKey === undefined ? undefined : object[typenameKey];
    const named = possible.find((t) => t.name === typename);
    return named ? [named] : possible;
  }
}

/**
 * The fields selected on `type`, by response key (a key asked for twice has both nodes, whose
 * selections merge): fragments whose condition `type` meets included. `@skip`/`@include` are not
 * evaluated: a field the answer lacks is passed over.
 */
function collectFields(
  joins: SupergraphJoins,
  type: GraphQLCompositeType,
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  into = new Map<string, FieldNode[]>(),
): Map<string, FieldNode[]> {
  const applies = (condition: string | undefined): boolean => {
    if (!condition || condition === type.name) return true;
    const on: GraphQLNamedType | undefined = joins.schema.getType(condition) ?? undefined;
    return !!on && isAbstractType(on) && isObjectType(type) && joins.schema.isSubType(on, type);
  };
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const key = selection.alias?.value ?? selection.name.value;
      into.set(key, [...(into.get(key) ?? []), selection]);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (applies(selection.typeCondition?.name.value)) collectFields(joins, type, selection.selectionSet, fragments, into);
    } else {
      const fragment = fragments.get(selection.name.value);
      if (fragment && applies(fragment.typeCondition.name.value)) collectFields(joins, type, fragment.selectionSet, fragments, into);
    }
  }
  return into;
}

function mergedSelections(nodes: readonly FieldNode[]): SelectionSetNode {
  return { kind: Kind.SELECTION_SET, selections: nodes.flatMap((node) => node.selectionSet?.selections ?? []) };
}
