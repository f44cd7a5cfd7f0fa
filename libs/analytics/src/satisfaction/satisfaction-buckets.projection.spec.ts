import type { RecordedEvent } from '@crm/eventsourcing';
import { InMemoryProjectionContext } from '../customer-value/testing/in-memory-projection-context';
import type { SatisfactionBucketDocument } from './satisfaction-bucket.document';
import { bucketId, SATISFACTION_BUCKETS } from './satisfaction-bucket.document';
import { satisfactionBucketsProjection } from './satisfaction-buckets.projection';

let position = 0;
const rated = (score: number, overrides: Record<string, unknown> = {}): RecordedEvent => {
  position += 1;
  return {
    streamId: 'ticket-t1',
    revision: 3,
    position,
    type: 'SatisfactionRated',
    data: {
      ticketId: `t${position}`,
      customerId: 'c1',
      at: '2025-01-31T23:59:59.999Z',
      resolutionNumber: 1,
      score,
      comment: null,
      agentId: 'agent-1',
      category: 'billing',
      channel: 'chat',
      ...overrides,
    },
    metadata: {
      eventId: `e${position}`,
      commandId: 'c',
      correlationId: 'k',
      causationId: 'c',
      actor: { id: 'a', role: 'service' },
      occurredAt: '2025-02-01T00:00:00.000Z',
      schemaVersion: 1,
    },
    recordedAt: '2025-02-01T00:00:00.000Z',
  };
};

const apply = async (context: InMemoryProjectionContext, events: RecordedEvent[]) => {
  for (const event of events) await satisfactionBucketsProjection.apply(event, context);
  return context;
};

const bucket = (context: InMemoryProjectionContext, id: string) =>
  context.all<SatisfactionBucketDocument>(SATISFACTION_BUCKETS).find((b) => b._id === id);

describe('satisfaction buckets read model', () => {
  it('tallies a rating into every scope over all time, its UTC month and its UTC day', async () => {
    const context = await apply(new InMemoryProjectionContext(), [
      rated(5),
      rated(2, { at: '2025-02-01T00:30:00+01:00', agentId: null }),
    ]);
    expect(context.all(SATISFACTION_BUCKETS)).toHaveLength(4 * 3 + 3);
    expect(bucket(context, bucketId('all', 'total', '', null))).toMatchObject({
      n: 2,
      sum: 7,
      counts: { 1: 0, 2: 1, 3: 0, 4: 0, 5: 1 },
    });
    expect(bucket(context, bucketId('all', 'month', '2025-01', null))).toMatchObject({ n: 2 });
    expect(bucket(context, bucketId('agent', 'day', '2025-01-31', 'agent-1'))).toMatchObject({
      n: 1,
      sum: 5,
    });
    expect(bucket(context, bucketId('agent', 'total', '', null))).toMatchObject({ n: 1, sum: 2 });
  });

  it('counts nothing twice when a batch is applied again', async () => {
    const events = [rated(4), rated(3, { category: 'delivery' })];
    const once = await apply(new InMemoryProjectionContext(), events);
    const twice = await apply(await apply(new InMemoryProjectionContext(), events), events);
    expect(twice.collections).toEqual(once.collections);
  });

  it('keeps ids of one scope and span in period order, whatever the key', () => {
    const ids = [
      bucketId('agent', 'day', '2025-01-09', 'zzz'),
      bucketId('agent', 'day', '2025-01-10', '\u{1F600}'),
      bucketId('agent', 'day', '2025-01-10', null),
      bucketId('agent', 'day', '2025-01-11', ''),
    ];
    expect([...ids].sort()).toEqual(ids.slice(0, 1).concat(ids.slice(1, 3).sort(), ids[3]!));
    expect(ids.every((id) => id < 'agent|day}')).toBe(true);
  });
});
