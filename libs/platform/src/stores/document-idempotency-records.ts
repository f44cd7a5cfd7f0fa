import type { DocumentStore } from '@crm/documents';
import type { AppendResult, IdempotencyRecord, IdempotencyRecords } from '@crm/eventsourcing';

export const IDEMPOTENCY_COLLECTION = 'idempotency_records';

type RecordDocument = {
  _id: string;
  fingerprint: string;
  result: AppendResult;
  customerId?: string;
};

/**
 * Idempotency records as documents, one per command id, so every crm-api process sharing the
 * document store agrees on them. `insert` keeps the first record when two retries race.
 */
export class DocumentIdempotencyRecords implements IdempotencyRecords {
  private ready: Promise<void> | null = null;

  constructor(private readonly documents: DocumentStore) {}

  async find(commandId: string): Promise<IdempotencyRecord | null> {
    await this.ensured();
    const found = await this.documents.get<RecordDocument>(IDEMPOTENCY_COLLECTION, commandId);
    if (!found) return null;
    const { fingerprint, result, customerId } = found;
    return { fingerprint, result, ...(customerId ? { customerId } : {}) };
  }

  async save(commandId: string, record: IdempotencyRecord): Promise<void> {
    await this.ensured();
    await this.documents.insert(IDEMPOTENCY_COLLECTION, { _id: commandId, ...record });
  }

  async forgetCustomer(customerId: string): Promise<void> {
    await this.ensured();
    for (;;) {
      const page = await this.documents.find<RecordDocument>(
        IDEMPOTENCY_COLLECTION,
        { customerId },
        { limit: 500 },
      );
      for (const { _id } of page.items) await this.documents.delete(IDEMPOTENCY_COLLECTION, _id);
      if (page.items.length < 500) return;
    }
  }

  private ensured(): Promise<void> {
    this.ready ??= this.documents
      .ensureCollection({ name: IDEMPOTENCY_COLLECTION, indexes: [{ field: 'customerId' }] })
      .catch((error: unknown) => {
        this.ready = null;
        throw error;
      });
    return this.ready;
  }
}
