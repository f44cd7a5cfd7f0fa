import { decideReplay } from './eventstoredb-replay';
import type { StoredEventRef } from './eventstoredb-replay';

const at = (revision: number, streamId = 'order-1'): StoredEventRef => ({
  streamId,
  revision,
  position: 1000 + revision,
});

describe('deciding whether a batch replays an earlier one', () => {
  it('appends a batch of new ids', () => {
    expect(decideReplay('order-1', ['a', 'b'], [null, null])).toEqual({ kind: 'append' });
  });

  it('answers a batch stored in order in the same stream as the first append did', () => {
    expect(decideReplay('order-1', ['a', 'b'], [at(4), at(5)])).toEqual({
      kind: 'replay',
      result: { nextExpectedRevision: 5, position: 1005 },
    });
  });

  it('refuses a batch that reuses a stored id after a new one', () => {
    expect(decideReplay('order-1', ['a', 'b'], [null, at(2, 'order-9')])).toEqual({
      kind: 'duplicate',
      eventId: 'b',
    });
  });

  it('refuses a batch whose ids are stored elsewhere or out of order', () => {
    expect(decideReplay('order-1', ['a'], [at(0, 'order-2')])).toMatchObject({ kind: 'duplicate' });
    expect(decideReplay('order-1', ['a', 'b'], [at(4), at(7)])).toEqual({
      kind: 'duplicate',
      eventId: 'b',
    });
    expect(decideReplay('order-1', ['a', 'b'], [at(4), null])).toEqual({
      kind: 'duplicate',
      eventId: 'b',
    });
  });

  it('refuses a batch that repeats an id within itself', () => {
    expect(decideReplay('order-1', ['a', 'a'], [null, null])).toEqual({
      kind: 'duplicate',
      eventId: 'a',
    });
  });
});
