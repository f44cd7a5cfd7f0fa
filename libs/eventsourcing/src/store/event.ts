/** Who issued a command: the API key id and its role. */
export type Actor = { id: string; role: string };

/** Metadata carried by every stored event (ARCHITECTURE semantics 1). */
export type EventMetadata = {
  eventId: string;
  commandId: string;
  correlationId: string;
  causationId: string;
  actor: Actor;
  occurredAt: string;
  schemaVersion: number;
  customerId?: string;
};

/** An event about to be appended. */
export type NewEvent = {
  type: string;
  data: Record<string, unknown>;
  metadata: EventMetadata;
};

/** An event as read back from the store. `position` is the global log position (1-based). */
export type RecordedEvent = {
  streamId: string;
  revision: number;
  position: number;
  type: string;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  recordedAt: string;
  /** The event's link in the tamper-evident chain of the log, where the store keeps one. */
  hash?: string;
};
