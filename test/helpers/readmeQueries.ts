import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const README_DIR = path.join(__dirname, '..', '..', 'operations', 'readme');
/** The README's queries only admins may run. */
const ADMINS_ONLY = new Set(['AuditLog']);

export interface ReadmeQuery {
  readonly name: string;
  readonly text: string;
  readonly adminsOnly: boolean;
}

/** The README's queries, by file name, not its mutations: those anyone may run, and with `includeAdminsOnly` the admins' audit log too. */
export function readmeQueries({ includeAdminsOnly = false } = {}): ReadmeQuery[] {
  return readdirSync(README_DIR)
    .filter((file) => file.endsWith('.graphql'))
    .map((file) => {
      const name = path.basename(file, '.graphql');
      return { name, text: readFileSync(path.join(README_DIR, file), 'utf8'), adminsOnly: ADMINS_ONLY.has(name) };
    })
    .filter(({ text, adminsOnly }) => !/^\s*mutation\b/m.test(text) && (includeAdminsOnly || !adminsOnly));
}
