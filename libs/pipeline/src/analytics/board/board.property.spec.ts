import { aggregate } from 'mingo';
import type { Pipeline } from '@crm/documents';
import type { RecordedEvent } from '@crm/eventsourcing';
import { InMemoryProjectionContext } from '@crm/eventsourcing';
import { pipelineProjections } from '../../pipeline-read-side';
import type { BoardDocuments } from './board.reads';
import { boardProperties } from './testing/board-checks';

/** The read models folded in memory, read with MongoDB pipelines as every store runs them. */
const inMemory = async (events: readonly RecordedEvent[]): Promise<BoardDocuments> => {
  const context = await InMemoryProjectionContext.fold(pipelineProjections, events);
  return {
    aggregate: <T>(collection: string, pipeline: Pipeline) =>
      Promise.resolve(aggregate(context.all(collection), pipeline) as T[]),
  };
};

describe('pipeline board and forecast over the read models in memory (property)', () => {
  boardProperties(inMemory, 150);
});
