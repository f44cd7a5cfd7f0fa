import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocumentStore } from '@crm/documents';
import { EmbeddedDocumentStore, PostgresDocumentStore } from '@crm/documents';
import type { RecordedEvent } from '@crm/eventsourcing';
import { ProjectionUnitOfWork } from '@crm/eventsourcing';
import {
  describeWithPostgres,
  dropSchema,
  uniqueSchemaName,
} from '../../../../../test/support/postgres';
import { pipelineProjections } from '../../pipeline-read-side';
import { OpportunityVersionsIndex } from './opportunity-versions.index';
import type { ProjectedBoard } from './testing/board-checks';
import { boardProperties } from './testing/board-checks';

/**
 * The log applied to fresh collections in pages of 7 events, each committed with its
 * checkpoint, as the runner does; the versions index refreshed after some pages, so it also
 * loads rows changed since.
 */
const projectInPages = async (
  store: DocumentStore,
  events: readonly RecordedEvent[],
): Promise<ProjectedBoard> => {
  const versions = new OpportunityVersionsIndex();
  for (const projection of pipelineProjections) {
    for (const spec of projection.collections) {
      await store.dropCollection(spec.name);
      await store.ensureCollection(spec);
    }
  }
  for (let start = 0; start < events.length; start += 7) {
    const page = events.slice(start, start + 7);
    const position = page.at(-1)?.position ?? 0;
    for (const projection of pipelineProjections) {
      const unitOfWork = new ProjectionUnitOfWork(store);
      for (const event of page)
        if (projection.handles.includes(event.type)) await projection.apply(event, unitOfWork);
      await store.commit({
        writes: unitOfWork.writes,
        checkpoint: { name: projection.name, position },
      });
    }
    if (start % 21 === 7) await versions.refresh(store);
  }
  return { documents: store, versions };
};

describe('pipeline board and forecast over the embedded store (property)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'pipeline-board-'));
  const stores: EmbeddedDocumentStore[] = [];
  let n = 0;

  const embedded = (events: readonly RecordedEvent[]): Promise<ProjectedBoard> => {
    n += 1;
    const store = new EmbeddedDocumentStore({ filename: join(folder, `documents-${n}.sqlite`) });
    stores.push(store);
    return projectInPages(store, events);
  };

  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  boardProperties(embedded, 30);
});

describeWithPostgres('pipeline board and forecast on PostgreSQL (property)', (url) => {
  const schema = uniqueSchemaName('pipeline_board');
  let store: PostgresDocumentStore;
  beforeAll(async () => {
    store = await PostgresDocumentStore.connect({ connectionString: url, schema, poolSize: 2 });
  });
  afterAll(async () => {
    await store.close();
    await dropSchema(url, schema);
  });

  boardProperties((events) => projectInPages(store, events), 10);
});
