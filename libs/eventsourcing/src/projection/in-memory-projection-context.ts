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

  /** A context that starts with this one's documents; neither sees the other's later writes. */
  copy(): InMemoryProjectionContext {
    const copy = new InMemoryProjectionContext();
    for (const [name, documents] of this.collections)
      copy.collections.set(name, new Map(documents));
    return copy;
  }

  /** Makes every document it holds read-only, deeply. */
  freeze(): void {
    for (const documents of this.collections.values()) {
      for (const document of documents.values()) deepFreeze(document);
    }
  }

  /** Applies the event through every projection that handles it. */
  async apply(projections: readonly Projection[], event: RecordedEvent): Promise<void> {
    for (const projection of projections) {
      if (projection.handles.includes(event.type)) await projection.apply(event, this);
    }
  }

  /** Applies every event each projection handles, in order. */
  static async fold(
    projections: readonly Projection[],
    events: readonly RecordedEvent[],
    upcaster: Upcaster = identityUpcaster,
  ): Promise<InMemoryProjectionContext> {
    const context = new InMemoryProjectionContext();
    for (const recorded of events) await context.apply(projections, upcaster.upcast(recorded));
    return context;
  }
}

const deepFreeze = (value: unknown): void => {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const item of Object.values(value)) deepFreeze(item);
};
