/** npm run token -- --role editor : prints a JWT (HS256) signed with JWT_SECRET (or the local dev secret). */
import { Command, Option } from 'commander';
import { readConfig } from '../config.js';
import { jwtSecret, mintToken, ROLES, type Role } from '../api/auth.js';
import { runCli } from './run-cli.js';

const program = new Command('token')
  .description('mint a JWT for the GraphQL API (mutations need role editor)')
  .addOption(new Option('--role <role>', 'role to grant').choices(ROLES).default('viewer'))
  .option('--subject <name>', 'subject (who the token is for)', 'local-user')
  .option('--expires <duration>', 'lifetime, e.g. 2h, 7d', '12h')
  .action((opts: { role: Role; subject: string; expires: string }) =>
    runCli(async () => {
      const secret = jwtSecret(readConfig());
      if (!secret) throw new Error('JWT_SECRET is not set (required in production)');
      process.stdout.write(`${await mintToken(secret, opts.role, { subject: opts.subject, expiresIn: opts.expires })}\n`);
    }),
  );
program.parse();
