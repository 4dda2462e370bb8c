/** What the gateway tells the page, in the `#explorer-config` JSON block of its HTML. */
export interface ExplorerConfig {
  /** Where queries go (`/graphql`). */
  readonly endpoint: string;
  /** Where the bundle's files are served from (`/explorer/`). */
  readonly assets: string;
  /** `everyone` in development; `signed-in` in production, where anonymous callers get no schema. */
  readonly introspection: 'everyone' | 'signed-in';
}

export function readExplorerConfig(doc: Document = document): ExplorerConfig {
  const block = doc.getElementById('explorer-config');
  const parsed: Partial<ExplorerConfig> = block?.textContent ? JSON.parse(block.textContent) : {};
  return {
    endpoint: parsed.endpoint ?? '/graphql',
    assets: parsed.assets ?? '/explorer/',
    introspection: parsed.introspection === 'signed-in' ? 'signed-in' : 'everyone',
  };
}
