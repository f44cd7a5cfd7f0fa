import type { AppConfig, Stores } from '@crm/platform';
import { createStores, loadConfig } from '@crm/platform';

export type CliOutput = (line: string) => void;
export type CliRun = { config: AppConfig; stores: Stores; out: CliOutput };
export type CliContext = (work: (context: CliRun) => Promise<void>) => Promise<void>;

/** Opens the configured stores for one command and always closes them. */
export const withStores =
  (env: Record<string, string | undefined>, out: (line: string) => void): CliContext =>
  async (work) => {
    const config = loadConfig(env);
    const stores = await createStores(config);
    try {
      await work({ config, stores, out });
    } finally {
      await stores.close();
    }
  };
