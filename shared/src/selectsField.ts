import { getNamedType, isObjectType, type FieldNode, type GraphQLResolveInfo } from 'graphql';
import { collectSubFields } from '@graphql-tools/utils';

/**
 * Whether the client asked, beneath the field being resolved, for the field at `path` (field names,
 * through aliases and fragments, `@skip` and `@include` honoured), so work only that field needs
 * can be left out when nobody will see it. Below an interface or union it cannot tell, and answers
 * yes.
 */
export function selectsField(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  let nodes: FieldNode[] = [...info.fieldNodes];
  let type = getNamedType(info.returnType);
  for (const name of path) {
    if (!isObjectType(type)) return true;
    const { fields } = collectSubFields(info.schema, info.fragments, info.variableValues, type, nodes);
    nodes = [...fields.values()].flat().filter((node) => node.name.value === name);
    const field = type.getFields()[name];
    if (!nodes.length || !field) return false;
    type = getNamedType(field.type);
  }
  return true;
}
