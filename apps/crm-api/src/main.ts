import 'reflect-metadata';
import { ConfigError, loadConfig } from '@crm/platform';
import { createApp } from './bootstrap';

const main = async (): Promise<void> => {
  const config = loadConfig();
  const { app, adminToken } = await createApp(config);
  await app.listen({ port: config.port, host: config.host });
  if (adminToken) {
    process.stdout.write(
      [
        '',
        '================================================================',
        ' First start: an admin API key was created. It is shown ONCE.',
        ` CRM_ADMIN_KEY=${adminToken}`,
        ' Use it as: Authorization: Bearer <key>',
        '================================================================',
        '',
      ].join('\n'),
    );
  }
  process.stdout.write(
    `crm-api listening on http://${config.host}:${config.port} (docs at /docs)\n`,
  );
};

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(
    `crm-api failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
