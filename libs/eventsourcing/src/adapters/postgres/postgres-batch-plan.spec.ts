import { DuplicateEventIdError, WrongExpectedRevisionError } from '../../store/errors';
import { GENESIS_HASH, verifyChain } from '../../store/hash-chain';
import { aNewEvent, aStreamId } from '../../testing/event-factory';
import type { AppendRequest, LogState, StoredEvent } from './postgres-batch-plan';
import { planBatch } from './postgres-batch-plan';

const AT = '2026-12-07T05:00:00.000Z';

const aLog = (
  revisions: Record<string, number> = {},
  storedIds: Record<string, StoredEvent> = {},
): LogState => ({
  chainHead: GENESIS_HASH,
  revisions: new Map(Object.entries(revisions)),
  storedIds: new Map(Object.entries(storedIds)),
});

const anAppend = (overrides: Partial<AppendRequest> = {}): AppendRequest => ({
  streamId: aStreamId(),
  events: [aNewEvent()],
  expectedRevision: 'any',
  ...overrides,
});

describe('planBatch', () => {
  describe('expected revision, for a stream at revision 2 and one that does not exist', () => {
    const existing = 'stream-existing';
    const missing = 'stream-missing';
    const log = aLog({ [existing]: 2 });
    const outcome = (streamId: string, expectedRevision: AppendRequest['expectedRevision']) =>
      planBatch([anAppend({ streamId, expectedRevision })], log, AT).outcomes[0];

    it.each([
      [existing, 'any', 3],
      [missing, 'any', 0],
      [existing, 'stream_exists', 3],
      [missing, 'no_stream', 0],
      [existing, 2, 3],
    ] as const)('accepts %s with %s', (streamId, expected, revision) => {
      expect(outcome(streamId, expected)).toMatchObject({
        kind: 'written',
        nextExpectedRevision: revision,
      });
    });

    it.each([
      [existing, 'no_stream'],
      [missing, 'stream_exists'],
      [existing, 1],
      [missing, 0],
    ] as const)('refuses %s with %s', (streamId, expected) => {
      expect(outcome(streamId, expected)).toMatchObject({
        kind: 'failed',
        error: expect.any(WrongExpectedRevisionError),
      });
    });
  });

  it('decides later appends of a batch against the earlier ones', () => {
    const streamId = aStreamId();
    const { outcomes, rows } = planBatch(
      [
        anAppend({ streamId, expectedRevision: 'no_stream', events: [aNewEvent(), aNewEvent()] }),
        anAppend({ streamId, expectedRevision: 'no_stream' }),
        anAppend({ streamId, expectedRevision: 1 }),
      ],
      aLog(),
      AT,
    );
    expect(outcomes.map((o) => o.kind)).toEqual(['written', 'failed', 'written']);
    expect(rows.map((r) => r.revision)).toEqual([0, 1, 2]);
  });

  it('chains the rows of accepted appends only, from the head it was given', () => {
    const { rows, chainHead } = planBatch(
      [
        anAppend(),
        anAppend({ expectedRevision: 'stream_exists' }),
        anAppend({ events: [aNewEvent(), aNewEvent()] }),
      ],
      aLog(),
      AT,
    );
    const links = rows.map((row, index) => ({ ...row, position: index + 1 }));
    expect(verifyChain(links)).toEqual({ checked: 3, head: chainHead, firstBreak: null });
  });

  it('answers a stored batch as it was first answered, and refuses ids stored otherwise', () => {
    const streamId = aStreamId();
    const batch = [aNewEvent(), aNewEvent()];
    const stored = aLog(
      { [streamId]: 5 },
      {
        [batch[0]?.metadata.eventId ?? '']: { streamId, revision: 4, position: 40 },
        [batch[1]?.metadata.eventId ?? '']: { streamId, revision: 5, position: 41 },
      },
    );
    const { outcomes } = planBatch(
      [
        anAppend({ streamId, events: batch, expectedRevision: 3 }),
        anAppend({ events: [aNewEvent(), batch[1] ?? aNewEvent()] }),
        anAppend({ events: [batch[1] ?? aNewEvent(), batch[0] ?? aNewEvent()] }),
      ],
      stored,
      AT,
    );
    expect(outcomes[0]).toEqual({
      kind: 'done',
      value: { nextExpectedRevision: 5, position: 41 },
    });
    expect(outcomes[1]).toMatchObject({ kind: 'failed', error: expect.any(DuplicateEventIdError) });
    expect(outcomes[2]).toMatchObject({ kind: 'failed', error: expect.any(DuplicateEventIdError) });
  });

  it('sends a batch repeated within the same batch to the next one, and refuses ids repeated inside one append', () => {
    const batch = [aNewEvent()];
    const twice = aNewEvent();
    const { outcomes } = planBatch(
      [
        anAppend({ events: batch }),
        anAppend({ events: batch }),
        anAppend({ events: [twice, twice] }),
      ],
      aLog(),
      AT,
    );
    expect(outcomes.map((o) => o.kind)).toEqual(['written', 'again', 'failed']);
  });
});
