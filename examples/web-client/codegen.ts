import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for the web client's operations (`operations/web-client/`, part of the trusted
 * documents the gateway runs by id), from the public API schema, with each document's hash: the
 * id the gateway lists it under.
 */
const config: CodegenConfig = {
  overwrite: true,
  schema: '../../schema/api.graphql',
  documents: ['../../operations/web-client/*.graphql'],
  generates: {
    'src/__generated__/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        persistedDocuments: { hashAlgorithm: 'sha256' },
      },
      config: {
        scalars: { Date: 'string', DateTime: 'string', JSON: 'unknown' },
        enumsAsTypes: true,
        useTypeImports: true,
      },
    },
  },
};

export default config;
