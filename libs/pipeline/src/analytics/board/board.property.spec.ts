import { aggregate, find } from 'mingo';
import type { Document, FindOptions, Pipeline } from '@crm/documents';
import type { RecordedEvent } from '@crm/eventsourcing';
import { InMemoryProjectionContext } from '@crm/eventsourcing';
import { pipelineProjections } from '../../pipeline-read-side';
import { OpportunityVersionsIndex } from './opportunity-versions.index';
import type { ProjectedBoard } from './testing/board-checks';
import { boardProperties } from './testing/board-checks';

/** The read models folded in memory, read with MongoDB filters and pipelines as stores run them. */
const inMemory = async (events: readonly RecordedEvent[]): Promise<ProjectedBoard> => {
  const context = await InMemoryProjectionContext.fold(pipelineProjections, events);
  const documents = {
    aggregate: <T>(collection: string, pipeline: Pipeline) =>
      Promise.resolve(aggregate(context.all(collection), pipeline) as T[]),
    // Pages by offset: enough for a test double.
    find: <T extends Document>(
      collection: string,
      filter: Record<string, unknown>,
      options: FindOptions = {},
    ) => {
      const offset = Number(options.cursor ?? 0);
      const limit = options.limit ?? 1000;
      const all = find(context.all(collection), filter)
        .sort({ ...options.sort, _id: 1 })
        .all() as T[];
      const items = all.slice(offset, offset + limit);
      const more = offset + limit < all.length;
      return Promise.resolve({ items, nextCursor: more ? String(offset + limit) : null });
    },
  };
  return { documents, versions: new OpportunityVersionsIndex() };
};

describe('pipeline board and forecast over the read models in memory (property)', () => {
  boardProperties(inMemory, 150);
});
