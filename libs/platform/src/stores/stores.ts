import { join } from 'node:path';
import type { DocumentStore } from '@crm/documents';
import type { EventStore } from '@crm/eventsourcing';
import type { ForgetLedger, MasterKeySource } from '@crm/security/pii';
import { DataKeyStore, FORGET_LEDGER_FILE, FileForgetLedger, PiiHasher } from '@crm/security/pii';
import type { AppConfig } from '../config/app-config';

export type Stores = {
  events: EventStore;
  documents: DocumentStore;
  dataKeys: DataKeyStore;
  ledger: ForgetLedger;
  hasher: PiiHasher;
  masterKeyOrigin: MasterKeySource['origin'];
  masterKeyPath?: string;
  /** Closes the stores and whatever else they opened (the shared ledger's connections). */
  close(): Promise<void>;
};

/** The stores with the key store, hasher and forget ledger every deployment puts over them. */
export const withKeys = (
  config: AppConfig,
  master: MasterKeySource,
  events: EventStore,
  documents: DocumentStore,
  ledger: ForgetLedger = new FileForgetLedger(join(config.keyDir, FORGET_LEDGER_FILE)),
  closeMore: () => Promise<void> = async () => {},
): Stores => {
  return {
    events,
    documents,
    ledger,
    dataKeys: new DataKeyStore(documents, master.key, ledger),
    hasher: new PiiHasher(master.key),
    masterKeyOrigin: master.origin,
    ...(master.path ? { masterKeyPath: master.path } : {}),
    async close() {
      await events.close();
      await documents.close();
      await closeMore();
    },
  };
};
