import { v4 as uuidv4 } from 'uuid';
import type { EventMetadata, NewEvent } from '../store/event';

/** Builds a NewEvent for tests; every field can be overridden. */
export const aNewEvent = (
  overrides: Partial<Omit<NewEvent, 'metadata'>> & { metadata?: Partial<EventMetadata> } = {},
): NewEvent => {
  const eventId = overrides.metadata?.eventId ?? uuidv4();
  return {
    type: overrides.type ?? 'TestHappened',
    data: overrides.data ?? { value: 1 },
    metadata: {
      eventId,
      commandId: uuidv4(),
      correlationId: uuidv4(),
      causationId: uuidv4(),
      actor: { id: 'test', role: 'service' },
      occurredAt: new Date().toISOString(),
      schemaVersion: 1,
      ...overrides.metadata,
    },
  };
};

/** A unique stream id per call, so contract tests can share one store. */
export const aStreamId = (prefix = 'test'): string => `${prefix}-${uuidv4()}`;
