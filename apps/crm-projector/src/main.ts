import 'reflect-metadata';
import { allProjections, createPiiProtection, createUpcasters } from '@crm/composition';
import { WebhookDispatcher, WebhookTargetPolicy, loadWebhookSettings } from '@crm/webhooks';
import { CommandRunner, ProjectorRunner } from '@crm/eventsourcing';
import { connectAttributionSaga } from '@crm/marketing';
import {
  AdvisoryLocks,
  ConfigError,
  createStores,
  lockedEndpoints,
  lockedProjections,
  loadConfig,
} from '@crm/platform';
import { withRevealedIndexes } from '@crm/security/pii';
import pino from 'pino';

/**
 * The projector worker: the same projectors crm-api runs in-process on the embedded default,
 * as their own process (production, or when RUN_PROJECTORS=false). Several instances are safe:
 * a commit only succeeds if the checkpoint is still where this instance last saw it. On
 * PostgreSQL each projection and each webhook endpoint also has one owner at a time (an
 * advisory lock, ADR 0016): the others stand by and take over within a second or two of its
 * death.
 */
const main = async (): Promise<void> => {
  const config = loadConfig();
  const logger = pino({ level: config.logLevel, base: { app: 'crm-projector' } });
  const stores = await createStores(config);
  const log = {
    info: (msg: string, context?: Record<string, unknown>) => logger.info(context ?? {}, msg),
    warn: (msg: string, context?: Record<string, unknown>) => logger.warn(context ?? {}, msg),
    error: (msg: string, context?: Record<string, unknown>) => logger.error(context ?? {}, msg),
  };
  const locks = config.postgres
    ? new AdvisoryLocks({
        connectionString: config.postgres.url,
        schema: config.postgres.schema,
        logger: log,
      })
    : null;
  if (locks) {
    locks.onChange((name, held) => log.info(held ? 'lock taken' : 'lock given up', { lock: name }));
    await locks.start();
  }
  const ownership = locks
    ? await lockedProjections(
        locks,
        allProjections.map((p) => p.name),
      )
    : undefined;
  // Projections read blind indexes revealed, for the look-up documents they keep.
  const indexed = withRevealedIndexes(stores.events, createPiiProtection(stores.dataKeys));
  const runner = new ProjectorRunner(indexed, stores.documents, allProjections, {
    upcaster: createUpcasters(),
    logger: log,
    ...(ownership ? { ownership } : {}),
  });
  // Webhook deliveries follow the log like projectors do, so they run where projectors run.
  const webhookSettings = loadWebhookSettings();
  const webhooks = new WebhookDispatcher({
    events: stores.events,
    documents: stores.documents,
    pii: createPiiProtection(stores.dataKeys),
    upcaster: createUpcasters(),
    settings: webhookSettings,
    // crm-api's port (PORT) stays refused on loopback, as it is in crm-api.
    targets: new WebhookTargetPolicy({
      allowLoopback: webhookSettings.allowLoopback,
      allowPrivateNetworks: webhookSettings.allowPrivateNetworks,
      selfPorts: [config.port],
    }),
    logger: log,
    ...(locks ? { claims: lockedEndpoints(locks) } : {}),
  });
  // The attribution saga is a projection that sends commands: it needs a command runner.
  connectAttributionSaga(new CommandRunner(stores.events, { upcaster: createUpcasters() }));
  await runner.start();
  await webhooks.start();
  logger.info({ projections: allProjections.map((p) => p.name) }, 'projectors running');
  const stop = async (signal: string): Promise<void> => {
    logger.info({ signal }, 'stopping');
    await webhooks.stop();
    await runner.stop();
    await locks?.close();
    await stores.close();
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
