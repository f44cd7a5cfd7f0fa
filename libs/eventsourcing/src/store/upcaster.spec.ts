import type { RecordedEvent } from './event';
import { UpcasterChain } from './upcaster';

const recorded = (type: string, schemaVersion: number, data: Record<string, unknown>) =>
  ({
    streamId: 's-1',
    revision: 0,
    position: 1,
    type,
    data,
    metadata: {
      eventId: 'e-1',
      commandId: 'c-1',
      correlationId: 'c-1',
      causationId: 'c-1',
      actor: { id: 'test', role: 'service' },
      occurredAt: '2024-01-01T00:00:00.000Z',
      schemaVersion,
    },
    recordedAt: '2024-01-01T00:00:00.000Z',
  }) satisfies RecordedEvent;

describe('UpcasterChain', () => {
  const chain = new UpcasterChain()
    .register('Renamed', 1, (data) => ({ fullName: data.name }))
    .register('Renamed', 2, (data) => ({ ...data, nickname: null }));

  it('applies the steps from the stored version on, and leaves the stored event as it was', () => {
    const stored = recorded('Renamed', 1, { name: 'Ada' });

    const upcast = chain.upcast(stored);

    expect(upcast.data).toEqual({ fullName: 'Ada', nickname: null });
    expect(upcast.metadata.schemaVersion).toBe(3);
    expect(stored.data).toEqual({ name: 'Ada' });
    expect(stored.metadata.schemaVersion).toBe(1);
    expect(chain.upcast(recorded('Renamed', 2, { fullName: 'Ada' })).data).toEqual({
      fullName: 'Ada',
      nickname: null,
    });
  });

  it('passes events of other types or of the current version through as they are', () => {
    const other = recorded('Created', 1, { name: 'Ada' });
    const current = recorded('Renamed', 3, { fullName: 'Ada', nickname: null });

    expect(chain.upcast(other)).toBe(other);
    expect(chain.upcast(current)).toBe(current);
  });
});
