import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CursorCodec, EmbeddedDocumentStore, MongoDocumentStore } from '@crm/documents';
import { EventStoreDbEventStore, SqliteEventStore } from '@crm/eventsourcing';
import { loadMasterKey } from '@crm/security/pii';
import type { AppConfig } from '../config/app-config';
import { createPostgresStores } from './postgres/create-postgres-stores';
import type { Stores } from './stores';
import { withKeys } from './stores';

export type { Stores } from './stores';

/** The embedded default (SQLite files under the data folder) or the production servers. */
export const createStores = async (config: AppConfig): Promise<Stores> => {
  if (config.postgres) return createPostgresStores(config, config.postgres);
  if (config.eventStoreUrl && config.mongoUrl) {
    return createProductionStores(config, config.eventStoreUrl, config.mongoUrl);
  }
  mkdirSync(config.dataDir, { recursive: true });
  const master = loadMasterKey(config.masterKey, config.keyDir);
  return withKeys(
    config,
    master,
    new SqliteEventStore({
      filename: join(config.dataDir, 'events.sqlite'),
      synchronous: config.sqliteSynchronous,
      busyTimeoutMs: config.sqliteBusyTimeoutMs,
    }),
    new EmbeddedDocumentStore({
      filename: join(config.dataDir, 'documents.sqlite'),
      busyTimeoutMs: config.sqliteBusyTimeoutMs,
      cursors: CursorCodec.fromSecret(master.key),
    }),
  );
};

/**
 * EventStoreDB/KurrentDB for the log and MongoDB for documents and keys. The data folder still
 * holds the master key file when CRM_MASTER_KEY is not set (set it in production).
 */
const createProductionStores = async (
  config: AppConfig,
  eventStoreUrl: string,
  mongoUrl: string,
): Promise<Stores> => {
  const master = loadMasterKey(config.masterKey, config.keyDir);
  const [events, documents] = await Promise.all([
    EventStoreDbEventStore.connect(eventStoreUrl),
    MongoDocumentStore.connect(mongoUrl, { cursors: CursorCodec.fromSecret(master.key) }),
  ]);
  return withKeys(config, master, events, documents);
};
