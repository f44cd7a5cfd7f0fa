import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StoreUnavailableError } from '../../store/errors';
import { aNewEvent, aStreamId } from '../../testing/event-factory';
import { SqliteEventStore } from './sqlite-event-store';

/** The store's own connection, to simulate faults SQLite would raise (a full disk). */
const connectionOf = (store: SqliteEventStore): Database.Database =>
  (store as unknown as { db: Database.Database }).db;

describe('SqliteEventStore under faults', () => {
  const folder = mkdtempSync(join(tmpdir(), 'crm-faults-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('reports a full disk as unavailable, writes none of the batch, and recovers when space returns', async () => {
    const store = new SqliteEventStore({ filename: join(folder, 'full.sqlite') });
    const db = connectionOf(store);
    const streamId = aStreamId();
    await store.append(streamId, [aNewEvent()], 'no_stream');
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`); // the "disk" holds no more pages than it has now
    const big = Array.from({ length: 50 }, () => aNewEvent({ data: { filler: 'x'.repeat(4000) } }));

    await expect(store.append(streamId, big, 0)).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(await store.readStream(streamId)).toHaveLength(1);

    db.pragma('max_page_count = 1073741823');
    await expect(store.append(streamId, big, 0)).resolves.toMatchObject({
      nextExpectedRevision: 50,
    });
    await store.close();
  });

  it('reports a closed or vanished connection as unavailable instead of crashing', async () => {
    const store = new SqliteEventStore({ filename: join(folder, 'closed.sqlite') });
    connectionOf(store).close();
    await expect(store.append(aStreamId(), [aNewEvent()], 'no_stream')).rejects.toBeInstanceOf(
      StoreUnavailableError,
    );
    await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});
