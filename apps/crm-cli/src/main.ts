import 'reflect-metadata';
import { ConfigError } from '@crm/platform';
import { buildCli } from './cli';

buildCli()
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    process.stderr.write(
      `${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(error instanceof ConfigError ? 2 : 1);
  });
