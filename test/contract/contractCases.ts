import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROLES, type Role } from '@nsc-hub/shared';
import { readmeQueries } from '../helpers/readmeQueries';

const CONTRACT_DIR = __dirname;
const CASES_DIR = path.join(CONTRACT_DIR, 'cases');
const README_EXPECTED_DIR = path.join(CONTRACT_DIR, 'readme');

/**
 * Who asks: no token, or a token of a role (an editor's for one country, e.g. `editor DK`), which
 * may have expired (`expired member`).
 */
export type Asker = { readonly role: 'anonymous' } | { readonly role: Role; readonly country?: string; readonly expired: boolean };

/** The gateways the contract holds for; `known difference` names one of them. */
export const ENGINES = ['hub', 'hive'] as const;
export type Engine = (typeof ENGINES)[number];

export interface ContractCase {
  /** `cases/<file name>` or `readme/<operation file name>`. */
  readonly name: string;
  readonly document: string;
  readonly variables?: Record<string, unknown>;
  readonly asker: Asker;
  /** Sent as `Accept-Language`, which the subgraphs read for the order of lists by name. */
  readonly acceptLanguage?: string;
  /** The JSON file holding the answer both gateways must give (its contractView). */
  readonly expectedPath: string;
  /**
   * A gateway known to answer otherwise, and why: its test is expected to fail (and fails once it
   * answers as expected, so the note is removed then). The other gateway's answer is the expected one.
   */
  readonly knownDifference?: { readonly engine: Engine; readonly why: string };
}

/**
 * Every case of the contract: every README query (operations/readme, derived, so a query added to
 * the README joins the contract), asked as the README shows it (anonymously; the audit log by an
 * admin), and each `cases/*.graphql` (its header says who asks, with what variables).
 */
export function contractCases(): ContractCase[] {
  const readme = readmeQueries({ includeAdminsOnly: true }).map(({ name, text, adminsOnly }): ContractCase => ({
    name: `readme/${name}`,
    document: text,
    asker: adminsOnly ? { role: 'admin', expired: false } : { role: 'anonymous' },
    expectedPath: path.join(README_EXPECTED_DIR, `${name}.json`),
  }));
  const own = readdirSync(CASES_DIR)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => caseFromFile(path.join(CASES_DIR, file)));
  return [...readme, ...own];
}

/**
 * A case file opens with comment lines: a description, then `# as: anonymous | member | editor DK |
 * admin | expired member …` (required, so no case asks anonymously by omission), and optionally
 * `# variables: {JSON}`, `# accept-language: da` and `# known difference: hub: <why>`. The whole
 * file, comments included, is the document sent.
 */
function caseFromFile(file: string): ContractCase {
  const document = readFileSync(file, 'utf8');
  const header = new Map<string, string>();
  for (const line of document.split('\n')) {
    if (!line.startsWith('#')) break;
    const field = /^#\s*(as|variables|accept-language|known difference):\s*(.*?)\s*$/.exec(line);
    if (field) header.set(field[1], field[2]);
  }
  const name = path.basename(file, '.graphql');
  const as = header.get('as');
  if (!as) throw new Error(`${file}: the header must say who asks ("# as: anonymous", "# as: editor DK", …)`);
  const variables = header.get('variables');
  const difference = header.get('known difference');
  return {
    name: `cases/${name}`,
    document,
    variables: variables ? (JSON.parse(variables) as Record<string, unknown>) : undefined,
    asker: askerOf(as, file),
    acceptLanguage: header.get('accept-language'),
    expectedPath: path.join(CASES_DIR, `${name}.json`),
    knownDifference: difference ? knownDifferenceOf(difference, file) : undefined,
  };
}

function askerOf(as: string, file: string): Asker {
  if (as === 'anonymous') return { role: 'anonymous' };
  const words = as.split(/\s+/);
  const expired = words[0] === 'expired';
  const [role, country, ...rest] = expired ? words.slice(1) : words;
  if ((ROLES as readonly string[]).includes(role) && !rest.length) return { role: role as Role, country, expired };
  throw new Error(`${file}: "# as: ${as}" is not anonymous, or a role (${ROLES.join(', ')}) with an optional country, optionally expired`);
}

function knownDifferenceOf(text: string, file: string): ContractCase['knownDifference'] {
  const match = /^(\w+):\s*(\S.*)$/.exec(text);
  if (!match || !(ENGINES as readonly string[]).includes(match[1])) throw new Error(`${file}: "# known difference: ${text}" must be "<${ENGINES.join(' | ')}>: <why>"`);
  return { engine: match[1] as Engine, why: match[2] };
}
