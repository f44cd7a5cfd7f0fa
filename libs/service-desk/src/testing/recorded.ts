import type { Document } from '@crm/documents';
import type { ProjectionContext, RecordedEvent } from '@crm/eventsourcing';
import type { TicketEvent } from '../domain/ticket';

/** A ticket event as the projector sees it, at a log position. */
export const recorded = (
  event: TicketEvent | { type: string; data: Record<string, unknown> },
  position: number,
): RecordedEvent => {
  const customerId = event.data.customerId;
  return {
    streamId: `test-${position}`,
    revision: 0,
    position,
    type: event.type,
    data: event.data,
    metadata: {
      eventId: `e${position}`,
      commandId: `c${position}`,
      correlationId: 'corr',
      causationId: `c${position}`,
      actor: { id: 'test', role: 'service' },
      occurredAt: '2025-01-01T00:00:00.000Z',
      schemaVersion: 1,
      ...(typeof customerId === 'string' ? { customerId } : {}),
    },
    recordedAt: '2025-01-01T00:00:00.000Z',
  };
};

/** A projection context over plain maps, for projection specs without a store. */
export class InMemoryProjectionContext implements ProjectionContext {
  readonly collections = new Map<string, Map<string, Document>>();

  get<T extends Document>(collection: string, id: string): Promise<T | null> {
    const document = this.collections.get(collection)?.get(id);
    return Promise.resolve(document ? (structuredClone(document) as T) : null);
  }

  put(collection: string, document: Document): void {
    const documents = this.collections.get(collection) ?? new Map<string, Document>();
    documents.set(document._id, structuredClone(document));
    this.collections.set(collection, documents);
  }

  delete(collection: string, id: string): void {
    this.collections.get(collection)?.delete(id);
  }
}
