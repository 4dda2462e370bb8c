import { Kind, parse, print, type DocumentNode, type FieldNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import { isRecord, valueAt } from '@nsc-hub/shared/src/export';
import { fragmentsOf } from '@nsc-hub/shared/src/fragmentsOf';

export interface GraphQLResult {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

interface Connection {
  edges: unknown[];
  pageInfo: { hasNextPage?: boolean; endCursor?: string | null };
  totalCount?: number;
}

const isConnection = (value: unknown): value is Connection => isRecord(value) && Array.isArray(value.edges) && isRecord(value.pageInfo);

/**
 * The connections of an answer that paging can follow: those reached through objects only (a
 * connection inside a list, e.g. every city's resources, would need one request per item), by the
 * response keys of their path.
 */
export function connectionPaths(data: unknown, path: string[] = []): string[][] {
  if (!isRecord(data)) return [];
  if (isConnection(data)) return [path];
  return Object.entries(data).flatMap(([key, value]) => connectionPaths(value, [...path, key]));
}

/** The field at a path of response keys, looking into inline fragments and fragment spreads too. */
function fieldAt(set: SelectionSetNode, keys: readonly string[], fragments: Map<string, FragmentDefinitionNode>): FieldNode | undefined {
  const [key, ...rest] = keys;
  for (const selection of set.selections) {
    let found: FieldNode | undefined;
    if (selection.kind === Kind.FIELD && (selection.alias?.value ?? selection.name.value) === key) {
      found = rest.length === 0 ? selection : selection.selectionSet && fieldAt(selection.selectionSet, rest, fragments);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      found = fieldAt(selection.selectionSet, keys, fragments);
    } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = fragments.get(selection.name.value);
      found = fragment && fieldAt(fragment.selectionSet, keys, fragments);
    }
    if (found) return found;
  }
  return undefined;
}

/** The document with `after: "<cursor>"` on the field at `path` (replacing any `after` it had). */
export function withCursor(document: DocumentNode, path: readonly string[], cursor: string): DocumentNode {
  // A fresh, location-free copy to change in place.
  const copy = parse(print(document), { noLocation: true }) as { definitions: readonly { kind: Kind }[] } & DocumentNode;
  const fragments = fragmentsOf(copy);
  const operation = copy.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  const field = operation && 'selectionSet' in operation ? fieldAt(operation.selectionSet as SelectionSetNode, path, fragments) : undefined;
  if (!field) throw new Error(`cannot find the field at ${path.join('.')} in the query`);
  const args = (field.arguments ?? []).filter((a) => a.name.value !== 'after');
  (field as { arguments: unknown }).arguments = [...args, { kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'after' }, value: { kind: Kind.STRING, value: cursor } }];
  return copy;
}

export interface PageProgress {
  /** The connection, by its path. */
  readonly path: string;
  readonly fetched: number;
  /** Its totalCount, where the query selects it. */
  readonly total?: number;
}

/**
 * Follows every connection of the first answer (reached through objects) to its last page, asking
 * again with `after` set to the page's `endCursor`, and appends the edges: the answer as if every
 * page had come at once. The first answer with errors stops it and is returned as it is.
 */
export async function followPages(
  document: DocumentNode,
  first: GraphQLResult,
  run: (document: DocumentNode) => Promise<GraphQLResult>,
  onProgress: (progress: PageProgress) => void = () => undefined,
): Promise<GraphQLResult> {
  if (first.errors?.length || !first.data) return first;
  for (const path of connectionPaths(first.data)) {
    const connection = valueAt(first.data, path) as Connection;
    const report = () => onProgress({ path: path.join('.'), fetched: connection.edges.length, total: connection.totalCount });
    report();
    if (connection.pageInfo.hasNextPage === undefined || connection.pageInfo.endCursor === undefined) {
      throw new Error(`to follow ${path.join('.')} page by page, select its pageInfo { hasNextPage endCursor }`);
    }
    while (connection.pageInfo.hasNextPage && connection.pageInfo.endCursor) {
      const next = await run(withCursor(document, path, connection.pageInfo.endCursor));
      if (next.errors?.length) return { data: first.data, errors: next.errors };
      const page = valueAt(next.data, path);
      if (!isConnection(page)) throw new Error(`the next page of ${path.join('.')} came back without its edges`);
      connection.edges.push(...page.edges);
      connection.pageInfo = page.pageInfo;
      report();
    }
  }
  return first;
}
