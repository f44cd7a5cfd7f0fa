import type { Document } from '@crm/documents';
import type { RecordedEvent } from '../store/event';
import type { Upcaster } from '../store/upcaster';
import { identityUpcaster } from '../store/upcaster';
import type { Projection, ProjectionContext } from './projection';

/**
 * Projections applied in memory, without a store: state-at folds a customer's events through
 * the same projections that build the live read models, and tests use it to check them.
 * Documents are handed out without copying (projections build new documents rather than
 * mutate the ones they read), which keeps a fold of 10,000 events fast.
 */
export class InMemoryProjectionContext implements ProjectionContext {
  private readonly collections = new Map<string, Map<string, Document>>();

  get<T extends Document>(collection: string, id: string): Promise<T | null> {
    return Promise.resolve((this.collections.get(collection)?.get(id) as T | undefined) ?? null);
  }

  put(collection: string, document: Document): void {
    const documents = this.collections.get(collection) ?? new Map<string, Document>();
    documents.set(document._id, document);
    this.collections.set(collection, documents);
  }

  delete(collection: string, id: string): void {
    this.collections.get(collection)?.delete(id);
  }

  all<T extends Document>(collection: string): T[] {
    return [...(this.collections.get(collection)?.values() ?? [])] as T[];
  }

  /** Applies every event each projection handles, in order. */
  static async fold(
    projections: readonly Projection[],
    events: readonly RecordedEvent[],
    upcaster: Upcaster = identityUpcaster,
  ): Promise<InMemoryProjectionContext> {
    const context = new InMemoryProjectionContext();
    for (const recorded of events) {
      const event = upcaster.upcast(recorded);
      for (const projection of projections) {
        if (projection.handles.includes(event.type)) await projection.apply(event, context);
      }
    }
    return context;
  }
}
