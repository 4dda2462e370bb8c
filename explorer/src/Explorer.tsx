import { useMemo, useRef, useState } from 'react';
import { ToolbarButton, useGraphiQL } from '@graphiql/react';
import { GraphiQL, HISTORY_PLUGIN } from 'graphiql';
import { createHubFetcher } from './createHubFetcher';
import { csvOfResponse, saveFile } from './downloadCsv';
import { examplesPlugin } from './ExamplesPlugin';
import type { ExplorerConfig } from './explorerConfig';
import { readSharedRequest, shareInAddress } from './sharedRequest';
import { storedToken } from './signIn';
import { createSignInPlugin } from './SignInPlugin';

const WELCOME = `# nsc-hub explorer
#
# Documentation: the book icon. Example questions: the list.
# Sign in: the key. Run: Ctrl-Enter.
# The download button saves the answer as CSV.

query Cities {
  cities(first: 10) {
    totalCount
    edges { node { name country { code } } }
  }
}
`;

/** GraphiQL with the hub's examples, sign-in, CSV download and a shareable address. */
export function Explorer({ config }: { config: ExplorerConfig }) {
  const [token, setToken] = useState(storedToken());
  const tokenRef = useRef(token);
  tokenRef.current = token;
  const fetcher = useMemo(() => createHubFetcher(config.endpoint, () => tokenRef.current), [config.endpoint]);
  const signInPlugin = useMemo(() => createSignInPlugin(config.introspection, setToken), [config.introspection]);
  const shared = useMemo(() => readSharedRequest(), []);
  const mustSignIn = config.introspection === 'signed-in' && !token;
  // Open at first where the schema needs a token; left to the visitor after that (a changing
  // `visiblePlugin` would close the panel the moment they sign in).
  const [firstPlugin] = useState(mustSignIn ? signInPlugin : undefined);
  return (
    <GraphiQL
      fetcher={fetcher}
      plugins={[HISTORY_PLUGIN, examplesPlugin, signInPlugin]}
      visiblePlugin={firstPlugin}
      // No schema is asked for where it would be refused: production, before signing in.
      schema={mustSignIn ? null : undefined}
      defaultQuery={WELCOME}
      initialQuery={shared.query}
      initialVariables={shared.variables}
      operationName={shared.operationName}
      onEditQuery={(value) => shareInAddress('query', value)}
      onEditVariables={(value) => shareInAddress('variables', value)}
      onEditOperationName={(value) => shareInAddress('operationName', value)}
      defaultEditorToolsVisibility={shared.variables ? 'variables' : undefined}
    >
      <GraphiQL.Logo>nsc-hub</GraphiQL.Logo>
      <GraphiQL.Toolbar>
        {({ prettify, copy, merge }) => (
          <>
            {prettify}
            {merge}
            {copy}
            <CopyLinkButton />
            <DownloadCsvButton />
          </>
        )}
      </GraphiQL.Toolbar>
    </GraphiQL>
  );
}

/** Saves the answer shown as CSV, flattened as `npm run query` flattens it. */
function DownloadCsvButton() {
  const response = useGraphiQL((state) => state.tabs[state.activeTabIndex]?.response ?? '');
  const operationName = useGraphiQL((state) => state.operationName);
  const csv = response ? csvOfResponse(response) : null;
  return (
    <ToolbarButton
      label={csv === null ? 'Download CSV (run a query first)' : 'Download CSV'}
      aria-label="Download CSV"
      disabled={csv === null}
      onClick={() => csv !== null && saveFile(`${operationName || 'result'}.csv`, csv, 'text/csv;charset=utf-8')}
    >
      <svg viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth={1.5} aria-hidden="true">
        <path d="M12 3v12M7 10l5 5 5-5M4 19h16" />
      </svg>
    </ToolbarButton>
  );
}

/** Copies the page's address, which carries the query and its variables. */
function CopyLinkButton() {
  return (
    <ToolbarButton label="Copy a link to this query" aria-label="Copy link" onClick={() => void navigator.clipboard?.writeText(location.href)}>
      <svg viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth={1.5} aria-hidden="true">
        <path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1" />
      </svg>
    </ToolbarButton>
  );
}
