import { CHANGES_EXTENSION, type EntityChange } from '@nsc-hub/shared';

/** What the subgraphs said a request changed, gathered as their answers arrive, for the response cache. */
export class SubgraphChanges {
  readonly reported: { readonly subgraph: string; readonly change: EntityChange }[] = [];
  /** Subgraphs sent a mutation whose answer never came: whether, and what, they wrote is unknown. */
  readonly unanswered = new Set<string>();

  /** Notes the changes a subgraph's answer lists in its extensions (`useChangeReport`). */
  record(subgraph: string, extensions: Record<string, unknown> | undefined): void {
    const changes = extensions?.[CHANGES_EXTENSION];
    if (!Array.isArray(changes)) return;
    for (const change of changes as Partial<EntityChange>[]) {
      if (typeof change?.typename === 'string' && typeof change.id === 'string') {
        this.reported.push({ subgraph, change: { typename: change.typename, id: change.id, operation: change.operation ?? 'UPDATE' } });
      }
    }
  }

  lost(subgraph: string): void {
    this.unanswered.add(subgraph);
  }

  get any(): boolean {
    return this.reported.length > 0 || this.unanswered.size > 0;
  }
}
