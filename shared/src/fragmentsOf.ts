import { Kind, type DocumentNode, type FragmentDefinitionNode } from 'graphql';

/** A document's fragment definitions by name, for following its spreads while walking selections. */
export function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  return new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
}
