import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { EmbeddedDocumentStore } from '@crm/documents';
import type { EventStore } from '@crm/eventsourcing';
import { CommandRunner, SqliteEventStore } from '@crm/eventsourcing';
import { piiFields } from '@crm/composition';
import {
  DataKeyStore,
  EncryptingEventStore,
  FileForgetLedger,
  PiiProtection,
  parseMasterKey,
} from '@crm/security/pii';

export type Durability = 'FULL' | 'NORMAL';

/** The master key every bench data folder is sealed with (the app gets it as CRM_MASTER_KEY). */
export const BENCH_MASTER_KEY = '5eed'.repeat(16);

export type BenchStores = {
  events: SqliteEventStore;
  documents: EmbeddedDocumentStore;
  pii: PiiProtection;
  /** The write side as the app wires it: personal data sealed per customer on append. */
  encrypted: EventStore;
  runner: CommandRunner;
  close(): Promise<void>;
};

/** The app's embedded stores on `dataDir`, laid out as `createStores` lays them out. */
export const openStores = (
  dataDir: string,
  synchronous: Durability,
  options: { maxBatch?: number } = {},
): BenchStores => {
  mkdirSync(join(dataDir, 'keys'), { recursive: true });
  const events = new SqliteEventStore({
    filename: join(dataDir, 'events.sqlite'),
    synchronous,
    ...options,
  });
  const documents = new EmbeddedDocumentStore({ filename: join(dataDir, 'documents.sqlite') });
  const ledger = new FileForgetLedger(join(dataDir, 'keys', 'forgotten.ledger'));
  const keys = new DataKeyStore(documents, parseMasterKey(BENCH_MASTER_KEY), ledger);
  const pii = new PiiProtection(keys, piiFields);
  const encrypted = new EncryptingEventStore(events, pii);
  return {
    events,
    documents,
    pii,
    encrypted,
    runner: new CommandRunner(encrypted),
    async close() {
      await events.close();
      await documents.close();
    },
  };
};
