/**
 * A subgraph's settings for GraphQL Code Generator (its `codegen.ts`): the context type its
 * resolvers get and what each GraphQL type is in code (`Type: 'module#Export'`, relative to
 * `src/__generated__`). The root codegen.ts adds the audit log's and the scalars'.
 */
export interface SubgraphCodegen {
  readonly contextType: string;
  readonly mappers: Readonly<Record<string, string>>;
}
