import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse, type DefinitionNode, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import { fragmentsOf } from '@nsc-hub/shared/src/fragmentsOf';

/** An operation file as stored: its repository-relative path and text. */
export interface OperationFile {
  readonly file: string;
  readonly text: string;
}

/** One operation a client is known to send, with the fragments it uses from its file. */
export interface KnownOperation {
  readonly name: string;
  readonly file: string;
  /** Undefined when the file does not parse; `parseError` says why. */
  readonly document?: DocumentNode;
  readonly parseError?: string;
}

/**
 * Where known operations live: frontends' operations in `operations/`, and each subgraph's own in
 * `subgraphs/<name>/operations/`; any `.graphql` file below them, at any depth.
 */
export const isOperationFile = (file: string): boolean => /^(operations|subgraphs\/[^/]+\/operations)\/(.+\/)?[^/]+\.graphql$/.test(file);

/** The operation files of a working tree. */
export function operationFilesIn(root: string): OperationFile[] {
  const found: OperationFile[] = [];
  const walk = (dir: string) => {
    let entries: string[];
    try {
      entries = readdirSync(path.join(root, dir));
    } catch {
      return; // a subgraph without operations/
    }
    for (const entry of entries.sort()) {
      const file = path.posix.join(dir, entry);
      if (statSync(path.join(root, file)).isDirectory()) walk(file);
      else if (isOperationFile(file)) found.push({ file, text: readFileSync(path.join(root, file), 'utf8') });
    }
  };
  walk('operations');
  for (const subgraph of safeReaddir(path.join(root, 'subgraphs'))) walk(`subgraphs/${subgraph}/operations`);
  return found;
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

/**
 * The operations in a set of files: one per operation definition, each carrying the fragments it
 * spreads (transitively) from the same file. A file that does not parse is one operation that
 * fails, named after the file.
 */
export function knownOperations(files: readonly OperationFile[]): KnownOperation[] {
  return files.flatMap((f): KnownOperation[] => {
    let document: DocumentNode;
    try {
      document = parse(f.text);
    } catch (error) {
      return [{ name: path.posix.basename(f.file, '.graphql'), file: f.file, parseError: (error as Error).message }];
    }
    const fragments = fragmentsOf(document);
    const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    return operations.map((operation, i) => {
      const needed = new Map<string, FragmentDefinitionNode>();
      const collect = (selectionSet: SelectionSetNode | undefined) => {
        for (const selection of selectionSet?.selections ?? []) {
          if (selection.kind === Kind.FRAGMENT_SPREAD) {
            const fragment = fragments.get(selection.name.value);
            if (fragment && !needed.has(fragment.name.value)) {
              needed.set(fragment.name.value, fragment);
              collect(fragment.selectionSet);
            }
          } else collect(selection.selectionSet);
        }
      };
      collect(operation.selectionSet);
      const name = operation.name?.value ?? `${path.posix.basename(f.file, '.graphql')}#${i + 1}`;
      const definitions: DefinitionNode[] = [operation, ...needed.values()];
      return { name, file: f.file, document: { kind: Kind.DOCUMENT, definitions } };
    });
  });
}
