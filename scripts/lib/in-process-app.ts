import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '@crm/platform';
import { loadConfig } from '@crm/platform';
import { createApp } from '../../apps/crm-api/src/bootstrap';

export type InProcessApp = {
  app: NestFastifyApplication;
  config: AppConfig;
  /** The admin key created on this first start, if it was generated. */
  adminToken: string | null;
  close(): Promise<void>;
};

/** The real app, every module and the projectors, not listening: scripts drive it in-process. */
export const startInProcess = async (
  env: Record<string, string | undefined>,
): Promise<InProcessApp> => {
  const config = loadConfig({ LOG_LEVEL: 'warn', ...env });
  const { app, adminToken } = await createApp(config);
  return { app, config, adminToken, close: () => app.close() };
};
