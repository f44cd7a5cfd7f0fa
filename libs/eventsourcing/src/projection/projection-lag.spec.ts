import type { RecordedEvent } from '../store/event';
import type { EventStore, ReadAllOptions, ReadAllPage } from '../store/event-store.port';
import { countLag } from './projection-lag';

/** A log whose positions have gaps, as EventStoreDB byte offsets and PostgreSQL sequences do. */
const sparseLog = (positions: number[]): Pick<EventStore, 'readAll'> => ({
  readAll: ({ fromPosition, limit }: ReadAllOptions): Promise<ReadAllPage> => {
    const events = positions
      .filter((position) => position > fromPosition)
      .slice(0, limit)
      .map((position) => ({ position, type: 'Happened' }) as RecordedEvent);
    return Promise.resolve({ events, position: events.at(-1)?.position ?? fromPosition });
  },
});

describe('countLag', () => {
  const log = sparseLog([10, 1_000, 50_000, 50_007]) as EventStore;

  it('counts the events after the checkpoint, not the distance between positions', async () => {
    expect(await countLag(log, 10, 100)).toEqual({ behind: true, events: 3, capped: false });
  });

  it('is not behind at the last event', async () => {
    expect(await countLag(log, 50_007, 100)).toEqual({ behind: false, events: 0, capped: false });
  });

  it('stops counting at the cap and says there are at least that many', async () => {
    expect(await countLag(log, 0, 2)).toEqual({ behind: true, events: 2, capped: true });
  });
});
