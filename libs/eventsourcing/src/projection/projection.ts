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

/** Every document a projection writes records the position of the last event folded into it. */
export type ProjectedDocument = Document & { _position?: number };

/**
 * The common shape: one document per key, folded by a pure `evolve(document, event)`.
 * `evolve` returns the new document, or null to delete it. An event at or before the
 * document's `_position` was already folded in (a batch re-applied after a crash on a store
 * without transactions) and is skipped, so nothing is counted twice.
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
    const current = await context.get<D & ProjectedDocument>(collection, id);
    if (current?._position !== undefined && current._position >= event.position) return;
    const next = definition.evolve(current, event);
    if (next) context.put(collection, { ...next, _position: event.position });
    else context.delete(collection, id);
  },
});
