import type { Document, DocumentStore, DocumentWrite } from '@crm/documents';
import type { ProjectionContext } from './projection';

/** Buffers a batch's document writes so they commit with the checkpoint in one go. */
export class ProjectionUnitOfWork implements ProjectionContext {
  private readonly pending = new Map<string, DocumentWrite>();

  constructor(private readonly documents: DocumentStore) {}

  async get<T extends Document>(collection: string, id: string): Promise<T | null> {
    const write = this.pending.get(key(collection, id));
    if (write) return write.kind === 'put' ? (structuredClone(write.document) as T) : null;
    return this.documents.get<T>(collection, id);
  }

  put(collection: string, document: Document): void {
    this.pending.set(key(collection, document._id), { kind: 'put', collection, document });
  }

  delete(collection: string, id: string): void {
    this.pending.set(key(collection, id), { kind: 'delete', collection, id });
  }

  get writes(): DocumentWrite[] {
    return [...this.pending.values()];
  }
}

const key = (collection: string, id: string): string => `${collection}\u0000${id}`;
