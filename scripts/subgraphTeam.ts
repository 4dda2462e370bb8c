import { Kind, parse, type DocumentNode } from 'graphql';

/**
 * The team that owns a subgraph: the `name` of the `@contact` on its `extend schema` (or
 * `schema`), e.g. "Membership team (Nordic Safe Cities secretariat)". Undefined when the schema
 * names none, or does not parse (composition reports that on its own).
 */
export function subgraphTeam(sdl: string | DocumentNode): string | undefined {
  let document: DocumentNode;
  try {
    document = typeof sdl === 'string' ? parse(sdl) : sdl;
  } catch {
    return undefined;
  }
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.SCHEMA_DEFINITION && definition.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const directive of definition.directives ?? []) {
      if (directive.name.value !== 'contact') continue;
      const name = directive.arguments?.find((a) => a.name.value === 'name')?.value;
      if (name?.kind === Kind.STRING && name.value.trim()) return name.value.trim();
    }
  }
  return undefined;
}
