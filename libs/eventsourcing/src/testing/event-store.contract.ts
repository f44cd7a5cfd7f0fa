import type { EventStore } from '../store/event-store.port';
import type { RecordedEvent } from '../store/event';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../store/errors';
import { aNewEvent, aStreamId } from './event-factory';

export type EventStoreFactory = () => Promise<EventStore>;

/**
 * The behaviour every EventStore adapter must have. Each adapter's spec calls this with a
 * factory; stream ids are unique per test, so a shared server needs no cleaning.
 */
export const eventStoreContract = (factory: EventStoreFactory): void => {
  let store: EventStore;
  beforeEach(async () => {
    store = await factory();
  });
  afterEach(async () => {
    await store.close();
  });

  describe('append and read a stream', () => {
    it('appends to a new stream and reads the events back in order with their metadata', async () => {
      const streamId = aStreamId();
      const events = [aNewEvent({ data: { n: 1 } }), aNewEvent({ data: { n: 2 } })];
      const result = await store.append(streamId, events, 'no_stream');
      expect(result.nextExpectedRevision).toBe(1);
      const read = await store.readStream(streamId);
      expect(read.map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }]);
      expect(read.map((e) => e.revision)).toEqual([0, 1]);
      expect(read[1]?.position).toBe(result.position);
      expect(read[0]?.metadata).toEqual(events[0]?.metadata);
    });

    it('returns an empty list for a stream that does not exist', async () => {
      expect(await store.readStream(aStreamId())).toEqual([]);
    });

    it('reads from a revision and up to a global position', async () => {
      const streamId = aStreamId();
      const first = await store.append(streamId, [aNewEvent(), aNewEvent()], 'no_stream');
      await store.append(streamId, [aNewEvent()], 1);
      expect(
        (await store.readStream(streamId, { fromRevision: 1 })).map((e) => e.revision),
      ).toEqual([1, 2]);
      expect(
        (await store.readStream(streamId, { toPosition: first.position })).map((e) => e.revision),
      ).toEqual([0, 1]);
    });

    it('reads up to a point in time', async () => {
      const streamId = aStreamId();
      await store.append(streamId, [aNewEvent()], 'no_stream');
      const between = new Date(Date.now() + 5);
      await new Promise((resolve) => setTimeout(resolve, 20));
      await store.append(streamId, [aNewEvent()], 0);
      expect(await store.readStream(streamId, { toTime: between })).toHaveLength(1);
    });
  });

  describe('expected revision', () => {
    it('refuses no_stream when the stream exists', async () => {
      const streamId = aStreamId();
      await store.append(streamId, [aNewEvent()], 'no_stream');
      await expect(store.append(streamId, [aNewEvent()], 'no_stream')).rejects.toBeInstanceOf(
        WrongExpectedRevisionError,
      );
    });

    it('refuses a stale exact revision and accepts the current one', async () => {
      const streamId = aStreamId();
      await store.append(streamId, [aNewEvent(), aNewEvent()], 'no_stream');
      await expect(store.append(streamId, [aNewEvent()], 0)).rejects.toBeInstanceOf(
        WrongExpectedRevisionError,
      );
      await expect(store.append(streamId, [aNewEvent()], 1)).resolves.toMatchObject({
        nextExpectedRevision: 2,
      });
    });

    it('refuses an exact revision on a stream that does not exist', async () => {
      await expect(store.append(aStreamId(), [aNewEvent()], 0)).rejects.toBeInstanceOf(
        WrongExpectedRevisionError,
      );
    });

    it('accepts any revision with any, and stream_exists only for existing streams', async () => {
      const streamId = aStreamId();
      await expect(store.append(streamId, [aNewEvent()], 'stream_exists')).rejects.toBeInstanceOf(
        WrongExpectedRevisionError,
      );
      await store.append(streamId, [aNewEvent()], 'any');
      await store.append(streamId, [aNewEvent()], 'any');
      await store.append(streamId, [aNewEvent()], 'stream_exists');
      expect(await store.readStream(streamId)).toHaveLength(3);
    });

    it('lets exactly one of two writers with the same expected revision win', async () => {
      const streamId = aStreamId();
      await store.append(streamId, [aNewEvent()], 'no_stream');
      const outcomes = await Promise.allSettled([
        store.append(streamId, [aNewEvent({ data: { writer: 'a' } })], 0),
        store.append(streamId, [aNewEvent({ data: { writer: 'b' } })], 0),
      ]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const rejected = outcomes.find((o) => o.status === 'rejected');
      expect((rejected as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevisionError);
      expect(await store.readStream(streamId)).toHaveLength(2);
    });
  });

  describe('unique event ids', () => {
    it('answers a retried batch as the first append did and stores nothing new', async () => {
      const streamId = aStreamId();
      const batch = [aNewEvent(), aNewEvent()];
      const first = await store.append(streamId, batch, 'no_stream');
      const retry = await store.append(streamId, batch, 'no_stream');
      expect(retry).toEqual(first);
      expect(await store.readStream(streamId)).toHaveLength(2);
    });

    it('refuses an event id that already exists elsewhere in the log', async () => {
      const original = aNewEvent();
      await store.append(aStreamId(), [original], 'no_stream');
      const reused = aNewEvent({ metadata: { eventId: original.metadata.eventId } });
      await expect(
        store.append(aStreamId(), [aNewEvent(), reused], 'no_stream'),
      ).rejects.toBeInstanceOf(DuplicateEventIdError);
    });

    it('finds the result of an earlier command by its id', async () => {
      const streamId = aStreamId();
      const event = aNewEvent();
      const result = await store.append(
        streamId,
        [event, aNewEvent({ metadata: { commandId: event.metadata.commandId } })],
        'no_stream',
      );
      expect(await store.findCommandResult(streamId, event.metadata.commandId)).toEqual(result);
      expect(
        await store.findCommandResult(streamId, 'b7b0c9b2-0000-4000-8000-000000000000'),
      ).toBeNull();
    });
  });

  describe('global log', () => {
    it('orders events of all streams by strictly increasing position', async () => {
      const start = await store.headPosition();
      const a = aStreamId();
      const b = aStreamId();
      await store.append(a, [aNewEvent()], 'no_stream');
      await store.append(b, [aNewEvent(), aNewEvent()], 'no_stream');
      await store.append(a, [aNewEvent()], 0);
      const page = await store.readAll({ fromPosition: start, limit: 100 });
      const ours = page.events.filter((e) => e.streamId === a || e.streamId === b);
      expect(ours.map((e) => e.streamId)).toEqual([a, b, b, a]);
      const positions = page.events.map((e) => e.position);
      expect([...positions].sort((x, y) => x - y)).toEqual(positions);
      expect(new Set(positions).size).toBe(positions.length);
      expect(await store.headPosition()).toBe(positions.at(-1));
    });

    it('pages through the log without gaps or repeats', async () => {
      const start = await store.headPosition();
      const streamId = aStreamId();
      await store.append(
        streamId,
        Array.from({ length: 7 }, () => aNewEvent()),
        'no_stream',
      );
      const seen: RecordedEvent[] = [];
      let position = start;
      for (;;) {
        const page = await store.readAll({ fromPosition: position, limit: 3 });
        if (page.events.length === 0) break;
        seen.push(...page.events);
        position = page.position;
      }
      expect(seen.filter((e) => e.streamId === streamId).map((e) => e.revision)).toEqual([
        0, 1, 2, 3, 4, 5, 6,
      ]);
    });

    it('filters by event type while still reporting how far it scanned', async () => {
      const start = await store.headPosition();
      const streamId = aStreamId();
      const result = await store.append(
        streamId,
        [aNewEvent({ type: 'Wanted' }), aNewEvent({ type: 'Other' }), aNewEvent({ type: 'Other' })],
        'no_stream',
      );
      const page = await store.readAll({ fromPosition: start, limit: 100, types: ['Wanted'] });
      expect(page.events.filter((e) => e.streamId === streamId).map((e) => e.type)).toEqual([
        'Wanted',
      ]);
      expect(page.position).toBeGreaterThanOrEqual(result.position);
    });

    it('reads every event about a customer in global order', async () => {
      const customerId = aStreamId('customer-id');
      await store.append(aStreamId(), [aNewEvent({ metadata: { customerId } })], 'no_stream');
      // Positions are not dense: the bound below the last event is an event's own position.
      const between = await store.append(aStreamId(), [aNewEvent()], 'no_stream');
      const last = await store.append(
        aStreamId(),
        [aNewEvent({ metadata: { customerId } })],
        'no_stream',
      );
      const events = await store.readByCustomer(customerId);
      expect(events).toHaveLength(2);
      expect(events[1]?.position).toBe(last.position);
      expect(await store.readByCustomer(customerId, { toPosition: between.position })).toHaveLength(
        1,
      );
    });
  });

  describe('subscription', () => {
    it('starting mid-stream, sees every later event exactly once, through catch-up and live', async () => {
      const streamId = aStreamId();
      await store.append(streamId, [aNewEvent({ data: { n: 0 } })], 'no_stream');
      const from = await store.headPosition();
      await store.append(
        streamId,
        [aNewEvent({ data: { n: 1 } }), aNewEvent({ data: { n: 2 } })],
        0,
      );

      const controller = new AbortController();
      const seen: number[] = [];
      const done = (async () => {
        for await (const page of store.subscribeToAll({
          fromPosition: from,
          batchSize: 2,
          signal: controller.signal,
        })) {
          for (const event of page.events) {
            if (event.streamId === streamId) seen.push(event.data.n as number);
          }
          if (seen.length >= 4) controller.abort();
        }
      })();
      await new Promise((resolve) => setTimeout(resolve, 50));
      await store.append(streamId, [aNewEvent({ data: { n: 3 } })], 2);
      await store.append(streamId, [aNewEvent({ data: { n: 4 } })], 3);
      const timeout = setTimeout(() => controller.abort(), 5000);
      await done;
      clearTimeout(timeout);
      expect(seen).toEqual([1, 2, 3, 4]);
    });
  });
};
