import { TypeInfo, isAbstractType, isObjectType, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';
import { propertiesReadBy } from '../schema/reads';

/** Every field an operation document selects, by the name of the object type it is selected on. */
type FieldsByType = ReadonlyMap<string, ReadonlySet<string>>;

const NOTHING: ReadonlySet<string> = new Set();

const fieldsOfDocument = new WeakMap<DocumentNode, FieldsByType>();

/**
 * The fields a document selects on each object type, anywhere in it (every operation and fragment,
 * `@skip` and `@include` ignored, so never fewer than a request resolves): a field selected on an
 * interface or union counts for each of its object types. Worked out once per parsed document.
 */
function selectedFieldsOf(schema: GraphQLSchema, document: DocumentNode): FieldsByType {
  let fields = fieldsOfDocument.get(document);
  if (fields) return fields;
  const byType = new Map<string, Set<string>>();
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (!parent) return;
        const types = isAbstractType(parent) ? schema.getPossibleTypes(parent) : isObjectType(parent) ? [parent] : [];
        for (const type of types) {
          let names = byType.get(type.name);
          if (!names) byType.set(type.name, (names = new Set()));
          names.add(node.name.value);
        }
      },
    }),
  );
  fields = byType;
  fieldsOfDocument.set(document, fields);
  return fields;
}

/**
 * What the request's query selects, for loaders that read only the columns it needs. Known once
 * the operation is resolved (`useSelectedFields`), and only for queries: before that, and for a
 * mutation, whose resolvers may read any column of what they load, it knows nothing and every
 * loader reads whole rows. In `compare` mode the reference run's fresh context never learns the
 * selection and reads whole rows, so every compared query also shows that reading only the
 * selected columns changes nothing in the answer.
 */
export class RequestSelection {
  private schema: GraphQLSchema | undefined;
  private fields: FieldsByType | undefined;

  /** From now on, the selection of `document`, a query of `schema`. */
  use(schema: GraphQLSchema, document: DocumentNode): void {
    this.schema = schema;
    this.fields = selectedFieldsOf(schema, document);
  }

  /**
   * The properties of an object of `typeName` that the fields this request selects on it read:
   * the property of the field's own name where no resolver is set (the default resolver reads
   * that), or what `reads` marked the resolver with. Undefined where that is not known: nothing
   * selected yet, a resolver without the mark, or a field no property of `properties` answers.
   */
  propertiesOf(typeName: string, properties: ReadonlySet<string>): Set<string> | undefined {
    const type = this.schema?.getType(typeName);
    if (!this.fields || !isObjectType(type)) return undefined;
    // A type the query selects nothing on needs no property of its own (its loader adds its keys).
    const selected = this.fields.get(typeName) ?? NOTHING;
    const fields = type.getFields();
    const needed = new Set<string>();
    for (const name of selected) {
      if (name === '__typename') continue;
      const field = fields[name];
      if (!field) return undefined;
      const read = field.resolve ? propertiesReadBy(field.resolve) : [name];
      if (!read) return undefined;
      for (const property of read) {
        if (!properties.has(property)) return undefined;
        needed.add(property);
      }
    }
    return needed;
  }
}
