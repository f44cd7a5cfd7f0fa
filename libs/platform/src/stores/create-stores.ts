import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentStore } from '@crm/documents';
import { CursorCodec, EmbeddedDocumentStore, MongoDocumentStore } from '@crm/documents';
import type { EventStore } from '@crm/eventsourcing';
import { EventStoreDbEventStore, SqliteEventStore } from '@crm/eventsourcing';
import type { MasterKeySource } from '@crm/security/pii';
import type { ForgetLedger } from '@crm/security/pii';
import { DataKeyStore, FileForgetLedger, PiiHasher, loadMasterKey } from '@crm/security/pii';
import type { AppConfig } from '../config/app-config';

export type Stores = {
  events: EventStore;
  documents: DocumentStore;
  dataKeys: DataKeyStore;
  ledger: ForgetLedger;
  hasher: PiiHasher;
  masterKeyOrigin: MasterKeySource['origin'];
  masterKeyPath?: string;
};

const withKeys = (
  config: AppConfig,
  master: MasterKeySource,
  events: EventStore,
  documents: DocumentStore,
): Stores => {
  const ledger = new FileForgetLedger(join(config.keyDir, 'forgotten.ledger'));
  return {
    events,
    documents,
    ledger,
    dataKeys: new DataKeyStore(documents, master.key, ledger),
    hasher: new PiiHasher(master.key),
    masterKeyOrigin: master.origin,
    ...(master.path ? { masterKeyPath: master.path } : {}),
  };
};

/** The embedded default (SQLite files under the data folder) or the production servers. */
export const createStores = async (config: AppConfig): Promise<Stores> => {
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
