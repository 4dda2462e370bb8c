import { useMemo, useRef, useState } from 'react';
import { ToolbarButton, useGraphiQL } from '@graphiql/react';
import { StorageAPI } from '@graphiql/toolkit';
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
  // One array for the page's life: GraphiQL resets the open panel whenever it gets a new one.
  const plugins = useMemo(() => [HISTORY_PLUGIN, examplesPlugin, signInPlugin], [signInPlugin]);
  const shared = useMemo(() => readSharedRequest(), []);
  useState(() => {
    // Where the schema needs a token the page opens on the sign-in panel, not on the panel
    // GraphiQL remembers from the last visit (it reads this before its first render; after that
    // the panels are the visitor's to choose, so signing in does not close this one).
    if (config.introspection === 'signed-in' && !token) new StorageAPI().set('visiblePlugin', signInPlugin.title);
  });
  const [headersSignIn, setHeadersSignIn] = useState(false);
  const mustSignIn = config.introspection === 'signed-in' && !token && !headersSignIn;
  return (
    <GraphiQL
      fetcher={fetcher}
      plugins={plugins}
      // No schema is asked for where it would be refused: production, before signing in.
      schema={mustSignIn ? null : undefined}
      defaultQuery={WELCOME}
      initialQuery={shared.query}
      initialVariables={shared.variables}
      operationName={shared.operationName}
      onEditQuery={(value) => shareInAddress('query', value)}
      onEditVariables={(value) => shareInAddress('variables', value)}
      onEditOperationName={(value) => shareInAddress('operationName', value)}
      // A token typed into the headers editor signs in as well as one pasted in the sign-in panel.
      onEditHeaders={(value) => setHeadersSignIn(hasAuthorization(value))}
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

/** Whether the headers editor's JSON sets an Authorization header. */
function hasAuthorization(headers: string): boolean {
  try {
    const parsed: unknown = JSON.parse(headers);
    return typeof parsed === 'object' && parsed !== null && Object.entries(parsed).some(([name, value]) => name.toLowerCase() === 'authorization' && typeof value === 'string' && value.trim() !== '');
  } catch {
    return false;
  }
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
