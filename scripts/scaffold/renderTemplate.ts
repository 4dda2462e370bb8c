/** A placeholder: `{{name}}`, `{{Entity}}`, `{{dep:graphql}}`. */
const PLACEHOLDER = /\{\{([A-Za-z][\w:@/.-]*)\}\}/g;

/**
 * Fills a template's placeholders. An unknown one is an error rather than text left in a file,
 * so a template and the values given to it cannot drift apart unnoticed.
 */
export function renderTemplate(text: string, values: Readonly<Record<string, string>>, where: string): string {
  return text.replace(PLACEHOLDER, (_match, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`${where}: the template names {{${key}}}, which has no value`);
    return value;
  });
}
