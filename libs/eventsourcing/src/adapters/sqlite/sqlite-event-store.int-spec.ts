import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventStoreContract } from '../../testing/event-store.contract';
import { SqliteEventStore } from './sqlite-event-store';

describe('SqliteEventStore (embedded adapter)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'crm-events-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  eventStoreContract(() =>
    Promise.resolve(
      new SqliteEventStore({ filename: join(folder, 'events.sqlite'), pollIntervalMs: 20 }),
    ),
  );
});
