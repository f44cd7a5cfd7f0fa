import 'reflect-metadata';
import { allProjections, createUpcasters } from '@crm/composition';
import { ProjectorRunner } from '@crm/eventsourcing';
import { ConfigError, createStores, loadConfig } from '@crm/platform';
import pino from 'pino';

/**
 * The projector worker: the same projectors crm-api runs in-process on the embedded default,
 * as their own process (production, or when RUN_PROJECTORS=false). Several instances are safe:
 * a commit only succeeds if the checkpoint is still where this instance last saw it.
 */
const main = async (): Promise<void> => {
  const config = loadConfig();
  const logger = pino({ level: config.logLevel, base: { app: 'crm-projector' } });
  const stores = await createStores(config);
  const runner = new ProjectorRunner(stores.events, stores.documents, allProjections, {
    upcaster: createUpcasters(),
    logger: {
      info: (msg, context) => logger.info(context ?? {}, msg),
      warn: (msg, context) => logger.warn(context ?? {}, msg),
      error: (msg, context) => logger.error(context ?? {}, msg),
    },
  });
  await runner.start();
  logger.info({ projections: allProjections.map((p) => p.name) }, 'projectors running');
  const stop = async (signal: string): Promise<void> => {
    logger.info({ signal }, 'stopping');
    await runner.stop();
    await stores.events.close();
    await stores.documents.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
};

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : `crm-projector failed: ${String(error)}`}\n`,
  );
  process.exit(error instanceof ConfigError ? 2 : 1);
});
