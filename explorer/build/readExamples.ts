import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, type OperationDefinitionNode } from 'graphql';
import type { ExplorerExample } from '../src/ExplorerExample';

/** The analysts' example questions: one `.graphql` file each, its first comment line the question. */
export const EXAMPLES_DIR = path.resolve(__dirname, '../../operations/examples');

export function readExamples(dir = EXAMPLES_DIR): ExplorerExample[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const query = readFileSync(path.join(dir, file), 'utf8');
      const operation = parse(query).definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
      const name = operation?.name?.value ?? path.basename(file, '.graphql');
      // "# An analyst's question, from …: which cities are in which networks?" → the question itself.
      const comment = /^#\s*(.+)$/m.exec(query)?.[1] ?? name;
      const question = comment.includes(': ') ? comment.slice(comment.indexOf(': ') + 2) : comment;
      return { name, question: question.charAt(0).toUpperCase() + question.slice(1), query };
    });
}
