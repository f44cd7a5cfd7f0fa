import type { Document, DocumentStore, Filter, Sort } from './document-store.port';

/** Page size for reading a whole result: large enough to be few round trips, small enough to stream. */
const PAGE = 5_000;

/** Every document a filter matches, read page by page through the store's cursors. */
export const findEvery = async <T extends Document>(
  documents: DocumentStore,
  collection: string,
  filter: Filter = {},
  sort?: Sort,
): Promise<T[]> => {
  const all: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await documents.find<T>(collection, filter, { sort, limit: PAGE, cursor });
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
};
