import { join } from 'node:path';
import { allProjections, createUpcasters } from '@crm/composition';
import { EmbeddedDocumentStore } from '@crm/documents';
import { ProjectorRunner, SqliteEventStore } from '@crm/eventsourcing';
import { startTestApp } from '../support/test-app';

describe('projectors as a separate worker (RUN_PROJECTORS=false)', () => {
  it('serves reads once the worker catches up, and 503 before it runs', async () => {
    const app = await startTestApp({ RUN_PROJECTORS: 'false', READ_WAIT_TIMEOUT_MS: '300' });
    const created = await app.request('POST', '/customers', {
      body: { name: 'Wendy Worker', email: 'wendy@worker.example' },
    });
    expect(created.status).toBe(201);

    const early = await app.request(
      'GET',
      `/customers/${created.body.id}?minPosition=${created.body.position}`,
    );
    expect(early.status).toBe(503);
    expect(early.headers.get('retry-after')).toBe('1');

    // The worker: its own connections to the same files, as crm-projector would open them.
    const events = new SqliteEventStore({
      filename: join(app.dataDir, 'events.sqlite'),
      pollIntervalMs: 20,
    });
    const documents = new EmbeddedDocumentStore({
      filename: join(app.dataDir, 'documents.sqlite'),
    });
    const worker = new ProjectorRunner(events, documents, allProjections, {
      upcaster: createUpcasters(),
    });
    await worker.start();
    try {
      const read = await app.request(
        'GET',
        `/customers/${created.body.id}?minPosition=${created.body.position}`,
      );
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ name: 'Wendy Worker' });
      const ready = await app.request('GET', '/health/ready'); // detail: admin key
      expect(ready.body.details.projections.projectors[0]).toMatchObject({ state: 'external' });
    } finally {
      await worker.stop();
      await events.close();
      await documents.close();
      await app.close();
    }
  });
});
