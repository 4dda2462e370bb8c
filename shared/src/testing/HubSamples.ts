/**
 * What the whole-hub tests that walk every subgraph (isolation, a subgraph down) send to one of
 * them. Each subgraph keeps its own in `test/hubSamples.ts`, so a new subgraph is walked too
 * without a hand edit of those tests.
 */
export interface HubSamples {
  /** A representation `_entities` resolves to a record (for a type it owns or adds fields to). */
  readonly reference: { readonly __typename: string } & Readonly<Record<string, string>>;
  /** A query of its own root fields, runnable by anyone. */
  readonly query: string;
  /** A mutation an admin may run: its root field and the document. */
  readonly write: { readonly field: string; readonly mutation: string };
}
