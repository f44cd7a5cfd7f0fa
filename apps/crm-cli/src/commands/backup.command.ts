import type { Command } from 'commander';
import { createBackup, loadConfig, restoreBackup } from '@crm/platform';
import type { CliOutput } from '../cli-context';

export const registerBackupCommands = (
  program: Command,
  env: Record<string, string | undefined>,
  out: CliOutput,
): void => {
  program
    .command('backup')
    .description('consistent online backup of the event log, key store, API keys and checkpoints')
    .argument('<file>', 'where to write the backup')
    .action((file: string) => {
      const manifest = createBackup(loadConfig(env), file);
      const bytes = manifest.files.reduce((sum, f) => sum + f.bytes, 0);
      out(`backup written to ${file}: log up to position ${manifest.headPosition}, ${bytes} bytes`);
      out(
        'the key vault (CRM_KEY_DIR: master key, forget ledger) is not in it: keep it with your secrets; a restore needs its current forget ledger',
      );
    });

  program
    .command('restore')
    .description(
      'restore a backup into an empty CRM_DATA_DIR; read models rebuild on the next start',
    )
    .argument('<file>', 'a file written by backup')
    .action((file: string) => {
      const config = loadConfig(env);
      const { manifest, reforgotten } = restoreBackup(config, file);
      out(
        `restored ${file} (taken ${manifest.createdAt}, log up to position ${manifest.headPosition}) into ${config.dataDir}`,
      );
      out(`${reforgotten} customer(s) in the forget ledger stay forgotten`);
    });
};
