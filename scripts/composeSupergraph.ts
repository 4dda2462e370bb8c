import { parse, type DocumentNode } from 'graphql';
import { composeServices } from '@apollo/composition';
import type { SubgraphModule } from '@nsc-hub/shared';
import { apiSchemaSdl } from './apiSchemaSdl';
import { compositionProblem, formatCompositionProblem, type CompositionProblem, type ParsedSubgraph } from './compositionProblem';
import { subgraphSdl } from './subgraphSdl';
import { subgraphTeam } from './subgraphTeam';
import { SUBGRAPHS } from './subgraphs';

export type Composition =
  | { ok: true; supergraphSdl: string; apiSchemaSdl: string; hints: string[] }
  | { ok: false; errors: string[]; problems: CompositionProblem[] };

/** A subgraph's schema to compose, wherever it came from (a registered module, a file on trial). */
export interface SubgraphSource {
  readonly name: string;
  readonly url: string;
  readonly sdl: string;
  /** The file the SDL was read from, for `file:line` in error messages. */
  readonly file?: string;
}

/**
 * Composes the subgraphs' schema files (no running services, no downloaded binaries). The URLs
 * written into the supergraph are the default local ports; the gateway overrides them from env.
 */
export function composeSupergraph(subgraphs: readonly SubgraphModule[] = SUBGRAPHS): Composition {
  return composeSubgraphSources(
    subgraphs.map((s) => ({ name: s.name, url: `http://localhost:${s.defaultPort}/graphql`, sdl: subgraphSdl(s), file: s.schemaPath })),
  );
}

export function composeSubgraphSources(sources: readonly SubgraphSource[]): Composition {
  const parsed: (ParsedSubgraph & { url: string })[] = [];
  const unparsable: CompositionProblem[] = [];
  for (const source of sources) {
    let document: DocumentNode;
    try {
      document = parse(source.sdl);
    } catch (error) {
      const line = (error as { locations?: { line: number }[] }).locations?.[0]?.line;
      unparsable.push({
        code: 'INVALID_GRAPHQL',
        message: (error as Error).message,
        places: [{ subgraph: source.name, file: source.file, line }],
        hint: 'this subgraph\'s schema.graphql is not GraphQL: fix the syntax at the line named',
      });
      continue;
    }
    parsed.push({ name: source.name, url: source.url, document, file: source.file, team: subgraphTeam(document) });
  }
  if (unparsable.length) return failed(unparsable);

  const result = composeServices(parsed.map((s) => ({ name: s.name, url: s.url, typeDefs: s.document })));
  if (result.errors) return failed(result.errors.map((e) => compositionProblem(e, parsed)));
  const supergraphSdl = `${result.supergraphSdl.trimEnd()}\n`;
  return { ok: true, supergraphSdl, apiSchemaSdl: apiSchemaSdl(supergraphSdl), hints: result.hints.map((h) => h.toString()) };
}

function failed(problems: CompositionProblem[]): Composition {
  return { ok: false, problems, errors: problems.map(formatCompositionProblem) };
}
