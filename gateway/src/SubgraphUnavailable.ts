import {
  Kind,
  parse,
  valueFromASTUntyped,
  type ConstDirectiveNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  type GraphQLFormattedError,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type TypeNode,
} from 'graphql';
import type { GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ERRORS, fragmentsOf } from '@nsc-hub/shared';
import { DocumentCache } from './DocumentCache';

type GatewayGraphQLResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;
type Path = (string | number)[];

/** Per object type, per field: whether more than one subgraph resolves it, and the type it returns. */
type FieldIndex = ReadonlyMap<string, ReadonlyMap<string, { shared: boolean; returns: string }>>;

/** Entity fetches point at the first entity only: the others are null for the same reason. */
const ENTITY_ERRORS_AT = 0;

/** Subgraph operations whose parsed documents are kept: a few per client operation in use. */
const CACHED_DOCUMENTS = 1000;

/**
 * What the gateway takes as a subgraph's answer when the subgraph could not be reached or did not
 * answer in time: no data, and SUBGRAPH_UNAVAILABLE errors (naming the subgraph, never its host)
 * with paths relative to the fetch, as the subgraph's own errors would have. The gateway rewrites
 * them to the client's paths, so each error sits on a field only this subgraph fills, that field
 * is null, and whatever the other subgraphs answered stands (the schema lets it: see
 * schema/CHANGELOG.md).
 *
 * One error per field the fetch asked for that no other subgraph resolves: for a root fetch its
 * root fields (`auditLog`, which every subgraph resolves, points at this subgraph's part of it;
 * a mutation's field is non-null, so the mutation still fails as a whole); for an entity fetch the
 * fields of its first entity, since the other entities lack them for the same reason and a list of
 * a hundred would bury the answer in identical errors.
 */
export class SubgraphUnavailable {
  private fields: FieldIndex;
  /** For fetches that come without their document (the query planner keeps it only when asked to). */
  private readonly documents = new DocumentCache(CACHED_DOCUMENTS);

  constructor(supergraphSdl: string) {
    this.fields = indexFields(supergraphSdl);
  }

  /** The supergraph the gateway now serves (after a reload), whose fields the error paths follow. */
  supergraphLoaded(supergraphSdl: string): void {
    this.fields = indexFields(supergraphSdl);
  }

  /** The answer for a client's operation; for a health check or schema load, the error is thrown. */
  responseFor(subgraphName: string, why: string, options: GraphQLDataSourceProcessOptions): GatewayGraphQLResponse {
    return this.failedWith(ERRORS.SUBGRAPH_UNAVAILABLE.err(`The ${subgraphName} subgraph ${why}; try again shortly`, { serviceName: subgraphName }), options);
  }

  /**
   * The same for an error the subgraph gave for the whole request (a non-2xx answer, e.g.
   * SERVICE_UNAVAILABLE while its database is down): on the paths the fetch would have filled, so
   * the client sees which fields it cost, and a response that lost everything can say so (503).
   */
  failedWith(error: GraphQLError, options: GraphQLDataSourceProcessOptions): GatewayGraphQLResponse {
    // Only a client's operation carries its request context (the enum naming the kinds is not exported).
    if (!('incomingRequestContext' in options)) throw error;
    const { message, extensions } = error.toJSON();
    const document = options.document ?? (options.request.query ? this.documents.parse(options.request.query) : undefined);
    const paths = document ? this.pathsOf(document, options.request.variables) : [];
    const errors = paths.length > 0 ? paths.map((path): GraphQLFormattedError => ({ message, path, extensions })) : [{ message, extensions }];
    return { data: null, errors };
  }

  private pathsOf(document: DocumentNode, variables: Record<string, unknown> | undefined): Path[] {
    const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    if (!operation) return [];
    const fragments = fragmentsOf(document);
    const entities = operation.selectionSet.selections.find((s) => s.kind === Kind.FIELD && s.name.value === '_entities');
    if (entities?.kind === Kind.FIELD && entities.selectionSet) {
      const representations = variables?.representations;
      const first = Array.isArray(representations) ? (representations[ENTITY_ERRORS_AT] as { __typename?: unknown } | undefined) : undefined;
      const typename = typeof first?.__typename === 'string' ? first.__typename : '';
      const paths = this.ownPaths(entities.selectionSet, typename, ['_entities', ENTITY_ERRORS_AT], fragments);
      return paths.length > 0 ? paths : [['_entities', ENTITY_ERRORS_AT]];
    }
    const root = operation.operation === 'mutation' ? 'Mutation' : operation.operation === 'subscription' ? 'Subscription' : 'Query';
    return this.ownPaths(operation.selectionSet, root, [], fragments);
  }

  /** Paths of the selected fields only this subgraph resolves; a field others resolve too is looked into. */
  private ownPaths(set: SelectionSetNode, typename: string, path: Path, fragments: ReadonlyMap<string, FragmentDefinitionNode>): Path[] {
    const paths = new Map<string, Path>();
    const visit = (selections: SelectionSetNode) => {
      for (const selection of selections.selections) {
        if (selection.kind === Kind.FIELD) {
          const key = selection.alias?.value ?? selection.name.value;
          if (key === '__typename' || paths.has(key)) continue;
          const field = this.fields.get(typename)?.get(selection.name.value);
          const inner = field?.shared && selection.selectionSet ? this.ownPaths(selection.selectionSet, field.returns, [...path, key], fragments) : [];
          if (inner.length > 0) inner.forEach((p) => paths.set(p.join('\u0000'), p));
          else paths.set(key, [...path, key]);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          if (!selection.typeCondition || selection.typeCondition.name.value === typename) visit(selection.selectionSet);
        } else {
          const fragment = fragments.get(selection.name.value);
          if (fragment && fragment.typeCondition.name.value === typename) visit(fragment.selectionSet);
        }
      }
    };
    visit(set);
    return [...paths.values()];
  }
}

const directiveArgs = (directives: readonly ConstDirectiveNode[] | undefined, name: string): Record<string, unknown>[] =>
  (directives ?? []).filter((d) => d.name.value === name).map((d) => Object.fromEntries((d.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value)])));

const namedType = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type));

/** From the supergraph's join directives: which fields more than one subgraph resolves. */
function indexFields(supergraphSdl: string): FieldIndex {
  const index = new Map<string, Map<string, { shared: boolean; returns: string }>>();
  for (const definition of parse(supergraphSdl).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    const typeGraphs = directiveArgs(definition.directives, 'join__type').length;
    const fields = new Map<string, { shared: boolean; returns: string }>();
    for (const field of definition.fields ?? []) {
      const joins = directiveArgs(field.directives, 'join__field').filter((a) => a.graph !== undefined);
      const graphs = joins.length > 0 ? joins.filter((a) => a.external !== true).length : typeGraphs;
      fields.set(field.name.value, { shared: graphs > 1, returns: namedType(field.type) });
    }
    index.set(definition.name.value, fields);
  }
  return index;
}
