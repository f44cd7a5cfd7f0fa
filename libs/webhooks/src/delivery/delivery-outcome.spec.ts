import { emptyStats } from '../store/webhook.documents';
import { aDelivery, aRecordedEvent } from '../testing/webhook.factories';
import { countAttempt, pendingDelivery, settleAttempt } from './delivery-outcome';

const settings = { maxAttempts: 3, backoffBaseMs: 1000, backoffMaxMs: 10_000 };
const now = Date.parse('2026-03-01T10:00:00.000Z');
const failed = { ok: false as const, error: 'HTTP 500' };

describe('after an attempt', () => {
  it('takes an event in as pending, due at once, keyed by endpoint and event id', () => {
    const event = aRecordedEvent({ streamId: 'order-9', revision: 4, position: 77 });
    expect(pendingDelivery('ep', event, now)).toMatchObject({
      _id: `ep:${event.metadata.eventId}`,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      streamId: 'order-9',
      revision: 4,
      position: 77,
    });
  });

  it('drops a delivered event from the queue', () => {
    expect(settleAttempt(aDelivery(), { ok: true, status: 204 }, now, settings, () => 1)).toEqual({
      kind: 'delivered',
    });
  });

  it('schedules a failed event again after the backoff, recording the error', () => {
    const sut = settleAttempt(aDelivery({ attempts: 1 }), failed, now, settings, () => 1);
    expect(sut).toMatchObject({
      kind: 'retry',
      delivery: {
        attempts: 2,
        nextAttemptAt: now + 2000,
        lastError: 'HTTP 500',
        status: 'pending',
      },
    });
  });

  it('dead-letters an event after the last attempt', () => {
    const sut = settleAttempt(aDelivery({ attempts: 2 }), failed, now, settings, () => 1);
    expect(sut).toMatchObject({
      kind: 'dead',
      delivery: { attempts: 3, status: 'dead', deadAt: '2026-03-01T10:00:00.000Z' },
    });
  });

  it('counts deliveries, failures and dead letters for the endpoint', () => {
    const delivery = aDelivery({ attempts: 2 });
    const dead = settleAttempt(delivery, failed, now, settings, () => 1);
    const afterFailure = countAttempt(emptyStats('ep', 0), delivery, failed, dead, now);
    expect(afterFailure).toMatchObject({
      failedAttempts: 1,
      deadLettered: 1,
      lastAttemptOk: false,
      lastFailure: { eventId: delivery.eventId, error: 'HTTP 500' },
    });
    const ok = { ok: true as const, status: 200 };
    const afterSuccess = countAttempt(afterFailure, delivery, ok, { kind: 'delivered' }, now);
    expect(afterSuccess).toMatchObject({ delivered: 1, lastAttemptOk: true, failedAttempts: 1 });
  });
});
