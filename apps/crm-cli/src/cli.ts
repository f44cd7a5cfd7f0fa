import { Command } from 'commander';
import { registerApiKeyCommands } from './commands/api-keys.command';
import { registerRebuildCommand } from './commands/rebuild.command';
import { registerProjectionsCommand } from './commands/projections.command';
import { registerAuditCommands } from './commands/audit.command';
import { registerBackupCommands } from './commands/backup.command';
import { registerForgetCommand } from './commands/forget.command';
import { registerImportCommand } from './commands/import.command';
import { registerVerifyCommand } from './commands/verify.command';
import { withStores } from './cli-context';

/** The operators' and auditors' command line, over the same stores as the service. */
export const buildCli = (
  env: Record<string, string | undefined> = process.env,
  out: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Command => {
  const program = new Command('crm-cli').description(
    'CRM event store service: operator and auditor commands',
  );
  const context = withStores(env, out);
  registerApiKeyCommands(program, context);
  registerRebuildCommand(program, context);
  registerProjectionsCommand(program, context);
  registerAuditCommands(program, context);
  registerForgetCommand(program, context);
  registerImportCommand(program, context);
  registerBackupCommands(program, env, out);
  registerVerifyCommand(program, env, out);
  return program;
};
