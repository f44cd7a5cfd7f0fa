import type { Document, DocumentWrite, Filter } from '../../document-store.port';
import { assertCollectionName, olderThanFilter } from './mongo-mapping';

export type PlannedWrite =
  | { kind: 'replace'; id: string; filter: Filter; document: Document; position?: number }
  | { kind: 'delete'; id: string };

/** The last-applied position a projection stamped on a document, if any. */
export const positionOf = (document: Document): number | undefined =>
  typeof document._position === 'number' ? document._position : undefined;

export const assertWritable = (write: DocumentWrite): void => {
  assertCollectionName(write.collection);
  const id = write.kind === 'put' ? write.document._id : write.id;
  if (typeof id !== 'string' || id === '')
    throw new Error(`document in ${write.collection} needs a string _id`);
};

/** The documents in order, without any whose id an earlier one already has. */
export const firstPerId = (documents: readonly Document[]): Document[] => {
  const seen = new Set<string>();
  return documents.filter((document) => !seen.has(document._id) && seen.add(document._id));
};

export const groupByCollection = (
  writes: readonly DocumentWrite[],
): Map<string, DocumentWrite[]> => {
  const groups = new Map<string, DocumentWrite[]>();
  for (const write of writes)
    groups.set(write.collection, [...(groups.get(write.collection) ?? []), write]);
  return groups;
};

/**
 * One collection's writes as MongoDB operations. The last write per id wins, so operations
 * can run unordered. A put at or before the stored `_position` is dropped: that event is
 * already in the document (a batch re-applied after a crash). Outside a transaction another
 * writer may get in between, so the replace itself is conditional on the stored position too.
 */
export const planWrites = (
  writes: readonly DocumentWrite[],
  stored: ReadonlyMap<string, number>,
  conditional: boolean,
): PlannedWrite[] => {
  const lastPerId = new Map<string, DocumentWrite>();
  for (const write of writes)
    lastPerId.set(write.kind === 'put' ? write.document._id : write.id, write);
  const planned: PlannedWrite[] = [];
  for (const [id, write] of lastPerId) {
    if (write.kind === 'delete') {
      planned.push({ kind: 'delete', id });
      continue;
    }
    const position = positionOf(write.document);
    const current = stored.get(id);
    if (position === undefined) {
      planned.push({ kind: 'replace', id, filter: { _id: id }, document: write.document });
    } else if (current === undefined || current < position) {
      const filter = conditional ? olderThanFilter(id, position) : { _id: id };
      planned.push({ kind: 'replace', id, filter, document: write.document, position });
    }
  }
  return planned;
};
