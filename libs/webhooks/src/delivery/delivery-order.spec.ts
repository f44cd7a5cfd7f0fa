import { aDelivery } from '../testing/webhook.factories';
import { dueHeads } from './delivery-order';

describe('which deliveries go out now', () => {
  it('sends only the oldest pending event of each stream', () => {
    const a1 = aDelivery({ streamId: 'a', position: 1 });
    const a2 = aDelivery({ streamId: 'a', position: 3 });
    const b1 = aDelivery({ streamId: 'b', position: 2 });
    expect(dueHeads([a2, b1, a1], 0, 10)).toEqual([a1, b1]);
  });

  it('holds a stream back while its oldest event waits for a retry', () => {
    const waiting = aDelivery({ streamId: 'a', position: 1, nextAttemptAt: 5000 });
    const next = aDelivery({ streamId: 'a', position: 2, nextAttemptAt: 0 });
    const other = aDelivery({ streamId: 'b', position: 3 });
    expect(dueHeads([waiting, next, other], 1000, 10)).toEqual([other]);
    expect(dueHeads([waiting, next, other], 5000, 10)).toEqual([waiting, other]);
  });

  it('lets the next event of a stream go once the earlier one was dead-lettered', () => {
    const dead = aDelivery({ streamId: 'a', position: 1, status: 'dead' });
    const next = aDelivery({ streamId: 'a', position: 2 });
    expect(dueHeads([dead, next], 0, 10)).toEqual([next]);
  });

  it('takes the oldest streams first, up to the limit', () => {
    const deliveries = [5, 4, 3, 2, 1].map((position) =>
      aDelivery({ streamId: `s${position}`, position }),
    );
    expect(dueHeads(deliveries, 0, 2).map((d) => d.position)).toEqual([1, 2]);
  });
});
