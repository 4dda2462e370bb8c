import { parse } from 'graphql';
import { composeServices } from '@apollo/composition';
import { SUBGRAPHS } from './subgraphs';

export type Composition =
  | { ok: true; supergraphSdl: string; hints: string[] }
  | { ok: false; errors: string[] };

/**
 * Composes the subgraphs' schema files (no running services, no downloaded binaries). The URLs
 * written into the supergraph are the default local ports; the gateway overrides them from env.
 */
export function composeSupergraph(subgraphs = SUBGRAPHS): Composition {
  const result = composeServices(
    subgraphs.map((s) => ({
      name: s.name,
      url: `http://localhost:${s.defaultPort}/graphql`,
      typeDefs: parse(s.typeDefs),
    })),
  );
  if (result.errors) return { ok: false, errors: result.errors.map((e) => e.message) };
  return { ok: true, supergraphSdl: `${result.supergraphSdl.trimEnd()}\n`, hints: result.hints.map((h) => h.toString()) };
}
