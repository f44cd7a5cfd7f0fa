import type { CollectionSpec, Document } from '@crm/documents';
import type { RecordedEvent } from '../store/event';

/** What a projection sees while it applies a batch: reads see the batch's own pending writes. */
export type ProjectionContext = {
  get<T extends Document>(collection: string, id: string): Promise<T | null>;
  put(collection: string, document: Document): void;
  delete(collection: string, id: string): void;
};

/** A read model builder: a name, the collections it owns, the event types it handles. */
export type Projection = {
  name: string;
  collections: readonly CollectionSpec[];
  handles: readonly string[];
  apply(event: RecordedEvent, context: ProjectionContext): Promise<void>;
};

/**
 * The common shape: one document per key, folded by a pure `evolve(document, event)`.
 * `evolve` returns the new document, or null to delete it.
 */
export const documentProjection = <D extends Document>(definition: {
  name: string;
  collection: CollectionSpec;
  handles: readonly string[];
  documentId: (event: RecordedEvent) => string | null;
  evolve: (document: D | null, event: RecordedEvent) => D | null;
}): Projection => ({
  name: definition.name,
  collections: [definition.collection],
  handles: definition.handles,
  async apply(event, context) {
    const id = definition.documentId(event);
    if (id === null) return;
    const collection = definition.collection.name;
    const next = definition.evolve(await context.get<D>(collection, id), event);
    if (next) context.put(collection, next);
    else context.delete(collection, id);
  },
});
