import {
  TypeInfo,
  getNamedType,
  isEnumType,
  isInputObjectType,
  typeFromAST,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';

/**
 * The schema coordinates an operation touches, read against `schema`: `Type.field` for each
 * selected field, `Type.field.argument` for each argument given, `Enum.VALUE` and `Input.field`
 * for literals. A bare type name stands for a type used whole, where any of its values or fields
 * may pass: the type of a variable (and the input types inside it), and an enum a field returns.
 * Anything `schema` does not know is skipped, so reading against the old and the new schema and
 * joining the two covers removed and added paths alike.
 */
export function operationCoordinates(schema: GraphQLSchema, document: DocumentNode): Set<string> {
  const used = new Set<string>();
  const typeInfo = new TypeInfo(schema);
  const useWhole = (type: GraphQLNamedType | undefined | null) => {
    if (!type || used.has(type.name)) return;
    if (isEnumType(type)) used.add(type.name);
    if (isInputObjectType(type)) {
      used.add(type.name);
      for (const field of Object.values(type.getFields())) useWhole(getNamedType(field.type));
    }
  };
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        if (!parent || !field) return;
        used.add(`${parent.name}.${field.name}`);
        const returned = getNamedType(field.type);
        if (isEnumType(returned)) used.add(returned.name);
      },
      Argument() {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        const argument = typeInfo.getArgument();
        if (parent && field && argument) used.add(`${parent.name}.${field.name}.${argument.name}`);
      },
      ObjectField(node) {
        const input = typeInfo.getParentInputType();
        const named = input && getNamedType(input);
        if (named && isInputObjectType(named)) used.add(`${named.name}.${node.name.value}`);
      },
      EnumValue(node) {
        const type = typeInfo.getInputType();
        const named = type && getNamedType(type);
        if (named && isEnumType(named)) used.add(`${named.name}.${node.value}`);
      },
      VariableDefinition(node) {
        const type = typeFromAST(schema, node.type);
        useWhole(type && getNamedType(type));
      },
    }),
  );
  return used;
}

/** Whether an operation touching `coordinates` uses the changed `path` (or something inside it). */
export function usesPath(coordinates: ReadonlySet<string>, path: string): boolean {
  if (coordinates.has(path)) return true;
  // A type used whole (a variable's input type, a returned enum) is affected by any change inside it.
  if (coordinates.has(path.split('.')[0])) return true;
  for (const c of coordinates) if (c.startsWith(`${path}.`)) return true;
  return false;
}
