// Every query the README sends with curl is a valid document of the public API schema: the shell
// examples are written by hand (quoted, escaped, on continued lines), apart from the operations
// other tests run, so a field renamed or misremembered there would otherwise go unnoticed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, validate } from 'graphql';

const ROOT = path.join(__dirname, '..');
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const SCHEMA = buildSchema(readFileSync(path.join(ROOT, 'schema', 'api.graphql'), 'utf8'));

/** The GraphQL documents in the README's `curl` commands: JSON bodies (`-d '…'`) and `?query=` URLs. */
function curlQueries(): string[] {
  const commands = [...README.matchAll(/```sh\n([\s\S]*?)```/g)]
    .flatMap((block) => block[1].replace(/\\\n\s*/g, ' ').split('\n'))
    .filter((line) => /\bcurl\b/.test(line));
  return commands.flatMap((command) => [
    ...[...command.matchAll(/-d '([^']*)'/g)].map((m) => (JSON.parse(m[1]) as { query?: string }).query).filter((q): q is string => q !== undefined),
    ...[...command.matchAll(/[?&]query=([^'&\s]+)/g)].map((m) => decodeURIComponent(m[1])),
  ]);
}

describe("the README's curl examples", () => {
  const queries = curlQueries();

  it('are found', () => {
    expect(queries.length).toBeGreaterThanOrEqual(5);
  });

  it.each(queries.map((q) => [q]))('%s is valid against schema/api.graphql', (query) => {
    expect(validate(SCHEMA, parse(query)).map((e) => e.message)).toEqual([]);
  });
});
