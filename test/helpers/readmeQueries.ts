import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const README_DIR = path.join(__dirname, '..', '..', 'operations', 'readme');

/** The README's queries anyone may run, by file name: not its mutations, not the admins' audit log. */
export function readmeQueries(): { readonly name: string; readonly text: string }[] {
  return readdirSync(README_DIR)
    .filter((file) => file.endsWith('.graphql'))
    .map((file) => ({ name: path.basename(file, '.graphql'), text: readFileSync(path.join(README_DIR, file), 'utf8') }))
    .filter(({ name, text }) => !/^\s*mutation\b/m.test(text) && name !== 'AuditLog');
}
