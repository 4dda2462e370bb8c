import { Command, Option } from 'commander';
import { ROLES, loadJwtConfig, signToken, type Role } from '@nsc-hub/shared';

/** `npm run token -- --role editor --country DK`: prints a token signed with JWT_SECRET (development default if unset). */
const program = new Command()
  .name('token')
  .description('Print a signed JWT for calling the hub')
  .addOption(new Option('--role <role>', 'caller role').choices(ROLES).default('member'))
  .option('--country <code>', 'ISO 3166-1 alpha-2 country an editor writes for (required for editors)')
  .option('--sub <subject>', 'subject (user id)', 'developer')
  .option('--expires <duration>', 'lifetime, e.g. 8h, 30m, 7d', '8h')
  .parse();

const opts = program.opts<{ role: Role; country?: string; sub: string; expires: string }>();
if (opts.role === 'editor' && !opts.country) program.error('an editor token needs --country, e.g. --country DK');
if (opts.country && !/^[A-Za-z]{2}$/.test(opts.country)) program.error('--country must be a two-letter code such as DK');

signToken(loadJwtConfig(process.env), { sub: opts.sub, role: opts.role, country: opts.country?.toUpperCase() }, opts.expires)
  .then((token) => console.log(token))
  .catch((error: unknown) => program.error(String(error)));
