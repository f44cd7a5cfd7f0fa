import type { Ack } from './chaos-workload';
import { logProblems, readModelDiff, streamProblems, valuesFromLog } from './crash-checks';
import type { LoggedEvent } from './event-log';

/** The crash test is only as good as its checks: they must see the faults they look for. */
const anEvent = (
  position: number,
  correlationId: string,
  overrides: Partial<LoggedEvent> = {},
): LoggedEvent => ({
  position,
  eventId: `e${position}`,
  streamId: 'order-1',
  revision: position - 1,
  type: 'PaymentRecorded',
  data: { orderId: '1', customerId: 'c', amount: 10, currency: 'EUR' },
  metadata: { correlationId },
  commandId: `cmd-${correlationId}`,
  ...overrides,
});

const anAck = (key: string, position: number, streamRevision = position - 1): Ack => ({
  command: { key, path: '/orders/1/pay', body: {}, stream: () => 'order-1' },
  status: 200,
  body: { id: '1', streamRevision, position },
  attempts: 1,
});

describe('crash checks', () => {
  it('accept a log with each acknowledged command exactly once', () => {
    expect(logProblems([anEvent(1, 'a'), anEvent(2, 'b')], [anAck('a', 1), anAck('b', 2)])).toEqual(
      [],
    );
  });

  it('report a command applied twice', () => {
    const sut = logProblems(
      [anEvent(1, 'a'), anEvent(2, 'a', { eventId: 'dup' })],
      [anAck('a', 1)],
    );
    expect(sut).toEqual([expect.stringContaining('a: 2 events')]);
  });

  it('report an acknowledged command missing from the log', () => {
    expect(logProblems([], [anAck('a', 1)])).toEqual([expect.stringContaining('a: 0 events')]);
  });

  it('report an event nobody acknowledged', () => {
    expect(logProblems([anEvent(1, 'ghost')], [])).toEqual([
      expect.stringContaining('unacknowledged ghost'),
    ]);
  });

  it('report an answer that points elsewhere in the log', () => {
    expect(logProblems([anEvent(3, 'a')], [anAck('a', 2, 2)])).toEqual([
      expect.stringContaining('answered order-1@2'),
    ]);
  });

  it('report a stream whose revisions skip or repeat', () => {
    expect(streamProblems([anEvent(1, 'a'), anEvent(2, 'b')])).toEqual([]);
    expect(streamProblems([anEvent(1, 'a'), anEvent(3, 'b', { revision: 2 })])).toEqual([
      expect.stringContaining('revision 2 at position 3, expected 1'),
    ]);
  });

  it('report read models that differ from the rebuild, ignoring _position', () => {
    const live = new Map([
      [
        'doc_orders',
        new Map<string, unknown>([
          ['1', { paid: 20 }],
          ['2', { paid: 5 }],
        ]),
      ],
    ]);
    const rebuilt = new Map([['doc_orders', new Map<string, unknown>([['1', { paid: 10 }]])]]);
    const sut = readModelDiff(live, rebuilt);
    expect(sut).toEqual([expect.stringContaining('doc_orders: 2 documents differ')]);
    expect(readModelDiff(live, live)).toEqual([]);
  });

  it('fold customer value net of refunds and cancellations', () => {
    const placed = (orderId: string, total: number) =>
      anEvent(Number(orderId), `p${orderId}`, {
        type: 'OrderPlaced',
        data: { orderId, customerId: 'c', currency: 'EUR', total },
      });
    const sut = valuesFromLog([
      placed('1', 100),
      placed('2', 50),
      anEvent(3, 'r', { type: 'RefundIssued', data: { orderId: '1', amount: 30 } }),
      anEvent(4, 'x', { type: 'OrderCancelled', data: { orderId: '2' } }),
    ]);
    expect(Object.fromEntries(sut)).toEqual({ 'c:EUR': { amount: 70, orders: 1 } });
  });
});
