import type { Command } from 'commander';
import { ROLES } from '@crm/platform';
import type { Role } from '@crm/platform';
import { ApiKeyService } from '@crm/security';
import type { CliContext } from '../cli-context';

export const registerApiKeyCommands = (program: Command, withContext: CliContext): void => {
  const keys = program.command('api-keys').description('create, list and revoke API keys');

  keys
    .command('create')
    .description('create a key; its token is printed once')
    .argument('<name>', 'who the key is for')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .action((name: string, options: { role: string }) =>
      withContext(async ({ stores, out }) => {
        if (!(ROLES as readonly string[]).includes(options.role)) {
          throw new Error(`--role must be one of ${ROLES.join(', ')}`);
        }
        const { key, token } = await new ApiKeyService(stores.documents).create(
          name,
          options.role as Role,
        );
        out(`created ${key.role} key ${key.id} (${key.name})`);
        out(`token (shown once): ${token}`);
      }),
    );

  keys
    .command('list')
    .description('list keys (never their tokens)')
    .action(() =>
      withContext(async ({ stores, out }) => {
        for (const key of await new ApiKeyService(stores.documents).list()) {
          out(
            `${key.id}  ${key.role.padEnd(8)} ${key.revokedAt ? `revoked ${key.revokedAt}` : 'active'}  ${key.name}`,
          );
        }
      }),
    );

  keys
    .command('revoke')
    .description('revoke a key by id')
    .argument('<id>')
    .action((id: string) =>
      withContext(async ({ stores, out }) => {
        if (!(await new ApiKeyService(stores.documents).revoke(id)))
          throw new Error(`no API key ${id}`);
        out(`revoked ${id}`);
      }),
    );
};
