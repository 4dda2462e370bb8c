import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { operationId, printCanonical, type PersistedOperation, type PersistedQueryManifest } from '@nsc-hub/gateway/src/PersistedOperations';
import { DEFAULT_PERSISTED_OPERATIONS_PATH } from '@nsc-hub/gateway/src/config';
import { knownOperations, operationFilesIn } from './knownOperations';

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * The trusted documents: every operation of the known corpus (`operations/`, and each subgraph's
 * `operations/`), with the fragments it uses, printed in canonical form (`printCanonical`, as
 * GraphQL Code Generator's client preset prints it) and keyed by the SHA-256 of that text, in
 * Apollo's persisted query manifest format.
 */
export function persistedQueryManifest(root = ROOT): PersistedQueryManifest {
  const operations = knownOperations(operationFilesIn(root)).map((known): PersistedOperation => {
    if (!known.document) throw new Error(`${known.file}: ${known.parseError}`);
    const body = printCanonical(known.document);
    const definition = known.document.definitions[0];
    const type = definition.kind === 'OperationDefinition' ? definition.operation : 'query';
    return { id: operationId(body), name: known.name, type, body };
  });
  const unique = new Map(operations.map((operation) => [operation.id, operation]));
  return { format: 'apollo-persisted-query-manifest', version: 1, operations: [...unique.values()] };
}

export const manifestText = (manifest: PersistedQueryManifest): string => `${JSON.stringify(manifest, null, 2)}\n`;

if (require.main === module) {
  const opts = new Command('operations:manifest')
    .description('write the trusted documents the gateway runs by id (gateway/persisted-operations.json)')
    .option('--check', 'fail if the committed file is not what the operations give')
    .option('--out <file>', 'where to write', DEFAULT_PERSISTED_OPERATIONS_PATH)
    .parse()
    .opts<{ check?: boolean; out: string }>();
  const text = manifestText(persistedQueryManifest());
  if (opts.check) {
    let current = '';
    try {
      current = readFileSync(opts.out, 'utf8');
    } catch {
      // missing: stale
    }
    if (current !== text) {
      console.error(`${path.relative(process.cwd(), opts.out)} is stale: run npm run operations:manifest`);
      process.exit(1);
    }
    console.log(`${path.relative(process.cwd(), opts.out)} is current`);
  } else {
    writeFileSync(opts.out, text);
    console.log(`wrote ${path.relative(process.cwd(), opts.out)}: ${JSON.parse(text).operations.length} operations`);
  }
}
