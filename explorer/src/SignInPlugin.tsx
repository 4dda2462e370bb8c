import { useState } from 'react';
import { Button, type GraphiQLPlugin } from '@graphiql/react';
import { bareToken, claimsOf, storedToken, storeToken, type TokenClaims } from './signIn';

/** Tells the page that the signed-in caller changed (in production, the schema is then asked for). */
export type SignedInChange = (token: string | null) => void;

function describe(claims: TokenClaims): string {
  const who = claims.role === 'editor' && claims.country ? `editor for ${claims.country}` : (claims.role ?? 'unknown role');
  const until = claims.exp ? `, until ${new Date(claims.exp * 1000).toISOString().replace('T', ' ').slice(0, 16)} UTC` : '';
  return `${claims.sub ?? 'someone'} (${who}${until})`;
}

export function createSignInPlugin(introspection: 'everyone' | 'signed-in', onChange: SignedInChange): GraphiQLPlugin {
  function SignIn() {
    const [token, setToken] = useState(storedToken());
    const [draft, setDraft] = useState('');
    const [problem, setProblem] = useState<string | null>(null);
    const change = (next: string | null) => {
      storeToken(next);
      setToken(next);
      onChange(next);
    };
    const signIn = () => {
      const pasted = bareToken(draft);
      if (!claimsOf(pasted)) {
        setProblem('That is not a token: a token is three parts separated by dots (npm run token prints one).');
        return;
      }
      setProblem(null);
      setDraft('');
      change(pasted);
    };
    const claims = token ? claimsOf(token) : null;
    return (
      <section className="nsc-panel" aria-label="Sign in">
        <div className="graphiql-doc-explorer-title">Sign in</div>
        {introspection === 'signed-in' && !token && (
          <p className="nsc-notice">Here the schema and its documentation are shown to signed-in members, editors and admins only.</p>
        )}
        {claims ? (
          <>
            <p>
              Signed in as <strong data-signed-in>{describe(claims)}</strong>. Requests carry this token unless the headers editor sets
              an Authorization header of its own.
            </p>
            <Button type="button" onClick={() => change(null)}>
              Sign out
            </Button>
          </>
        ) : (
          <>
            <p>
              Paste a token (<code>npm run token -- --role member</code> prints one). It is kept for this browser tab only.
            </p>
            <textarea
              className="nsc-token"
              aria-label="Token"
              value={draft}
              onChange={(event) => setDraft(event.target.value)}
              rows={6}
              spellCheck={false}
            />
            {problem && (
              <p role="alert" className="nsc-problem">
                {problem}
              </p>
            )}
            <Button type="button" onClick={signIn}>
              Sign in
            </Button>
          </>
        )}
      </section>
    );
  }
  return { title: 'Sign in', icon: KeyIcon, content: SignIn };
}

function KeyIcon() {
  return (
    <svg viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth={1.5} aria-hidden="true">
      <circle cx="8" cy="15" r="4" />
      <path d="M11 12l9-9M17 6l3 3M15 8l2 2" />
    </svg>
  );
}
