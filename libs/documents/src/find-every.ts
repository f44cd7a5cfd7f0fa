import type { Document, DocumentStore, Filter, Sort } from './document-store.port';

/** Page size for reading a whole result: large enough to be few round trips, small enough to stream. */
const PAGE = 5_000;

/** The pages of every document a filter matches, read one after another through the cursors. */
export async function* pagesOf<T extends Document>(
  documents: DocumentStore,
  collection: string,
  filter: Filter = {},
  options: { sort?: Sort; pageSize?: number } = {},
): AsyncGenerator<T[]> {
  let cursor: string | undefined;
  do {
    const page = await documents.find<T>(collection, filter, {
      sort: options.sort,
      limit: options.pageSize ?? PAGE,
      cursor,
    });
    yield page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/** Every document a filter matches, in one array. */
export const findEvery = async <T extends Document>(
  documents: DocumentStore,
  collection: string,
  filter: Filter = {},
  sort?: Sort,
): Promise<T[]> => {
  const all: T[] = [];
  for await (const items of pagesOf<T>(documents, collection, filter, { sort })) all.push(...items);
  return all;
};
