import { useGraphiQL, type GraphiQLPlugin } from '@graphiql/react';
import type { ExplorerExample } from './ExplorerExample';
import { shareInAddress } from './sharedRequest';

/** Built in from `operations/examples/` (see build/buildExplorer.ts). */
declare const EXPLORER_EXAMPLES: ExplorerExample[];

function ExampleList() {
  const queryEditor = useGraphiQL((state) => state.queryEditor);
  const variableEditor = useGraphiQL((state) => state.variableEditor);
  const open = (example: ExplorerExample) => {
    queryEditor?.setValue(example.query);
    variableEditor?.setValue('');
    shareInAddress('variables', undefined);
  };
  return (
    <section className="nsc-panel" aria-label="Example queries">
      <div className="graphiql-doc-explorer-title">Examples</div>
      <p>Common questions, each a query you can run, change and download as CSV.</p>
      <ul className="nsc-examples">
        {EXPLORER_EXAMPLES.map((example) => (
          <li key={example.name}>
            <button type="button" className="nsc-example" data-example={example.name} onClick={() => open(example)}>
              <span className="nsc-example-question">{example.question}</span>
              <code>{example.name}</code>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ExamplesIcon() {
  return (
    <svg viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth={1.5} aria-hidden="true">
      <path d="M8 6h12M8 12h12M8 18h12" />
      <circle cx="4" cy="6" r="1" />
      <circle cx="4" cy="12" r="1" />
      <circle cx="4" cy="18" r="1" />
    </svg>
  );
}

export const examplesPlugin: GraphiQLPlugin = { title: 'Examples', icon: ExamplesIcon, content: ExampleList };
