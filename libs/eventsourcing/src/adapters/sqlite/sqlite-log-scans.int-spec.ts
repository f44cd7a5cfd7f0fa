import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aNewEvent, aStreamId } from '../../testing/event-factory';
import { SqliteEventStore } from './sqlite-event-store';

const connectionOf = (store: SqliteEventStore): Database.Database =>
  (store as unknown as { db: Database.Database }).db;

describe('SqliteEventStore reading pages of the log through a memory map', () => {
  const folder = mkdtempSync(join(tmpdir(), 'crm-scans-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('reads the same pages as plain reads, and closes the map after each page', async () => {
    const filename = join(folder, 'events.sqlite');
    const store = new SqliteEventStore({ filename });
    // Far enough behind the head to be read as a catch-up, spread over many pages of the file.
    const big = { filler: 'x'.repeat(3000) };
    for (let i = 0; i < 30; i += 1) {
      await store.append(
        aStreamId(),
        Array.from({ length: 50 }, (_, n) => aNewEvent({ data: { ...big, n } })),
        'no_stream',
      );
    }
    const plain = new SqliteEventStore({ filename, mapLogScans: false });

    const mapped = await store.readAll({ fromPosition: 0, limit: 1200 });
    const mappedFiltered = await store.readAll({
      fromPosition: 50,
      limit: 100,
      types: ['TestHappened'],
    });
    const nearHead = await store.readAll({ fromPosition: 1400, limit: 1000 });

    expect(mapped.events).toHaveLength(1200);
    expect(mapped).toEqual(await plain.readAll({ fromPosition: 0, limit: 1200 }));
    expect(mappedFiltered).toEqual(
      await plain.readAll({ fromPosition: 50, limit: 100, types: ['TestHappened'] }),
    );
    expect(nearHead).toEqual(await plain.readAll({ fromPosition: 1400, limit: 1000 }));
    expect(nearHead.events).toHaveLength(100);
    expect(connectionOf(store).pragma('mmap_size', { simple: true })).toBe(0);
    await plain.close();
    await store.close();
  });
});
