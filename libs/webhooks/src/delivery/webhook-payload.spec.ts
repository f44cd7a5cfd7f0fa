import { aRecordedEvent } from '../testing/webhook.factories';
import { PERSONAL_DATA_MARKER, payloadFor, toWebhookPayload } from './webhook-payload';

const SEALED = 'pii:v1:name:3f1c2a9e-0000-4000-8000-000000000001:AAAA';

describe('webhook payloads', () => {
  const event = aRecordedEvent({
    streamId: 'customer-7',
    revision: 2,
    position: 42,
    data: { name: SEALED, tags: ['vip'], address: { city: SEALED } },
  });

  it('carries the event id, type, stream, revision, position, time, data and metadata', () => {
    expect(toWebhookPayload(event)).toEqual({
      id: event.metadata.eventId,
      type: 'CustomerCreated',
      streamId: 'customer-7',
      revision: 2,
      position: 42,
      occurredAt: event.metadata.occurredAt,
      data: event.data,
      metadata: event.metadata,
    });
  });

  it('leaves out the keyed look-up hashes of personal data', () => {
    const hashed = aRecordedEvent({
      data: { email: SEALED, emailHash: 'h1', nameHashes: ['h2'], phoneHash: null, tag: 'vip' },
    });
    expect(toWebhookPayload(hashed).data).toEqual({ email: SEALED, tag: 'vip' });
  });

  it('replaces sealed values by a marker for endpoints without personal data', async () => {
    const pii = { revealDeep: jest.fn() };
    const sut = await payloadFor(event, false, pii);
    expect(sut.data).toEqual({
      name: PERSONAL_DATA_MARKER,
      tags: ['vip'],
      address: { city: PERSONAL_DATA_MARKER },
    });
    expect(pii.revealDeep).not.toHaveBeenCalled();
  });

  it('reveals sealed values for endpoints registered with personal data', async () => {
    const pii = { revealDeep: jest.fn(async (value: unknown) => ({ revealed: value })) };
    const sut = await payloadFor(event, true, pii as never);
    expect(sut).toEqual({ revealed: toWebhookPayload(event) });
  });
});
