import type { Document } from '@crm/documents';
import type { ProjectionContext } from '@crm/eventsourcing';

/** Collections as maps, for running a projection without a store. */
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

  all<T extends Document>(collection: string): T[] {
    return [...(this.collections.get(collection)?.values() ?? [])] as T[];
  }
}
