import type { ExpectedRevision } from './event-store.port';

/** The stream is not at the revision the writer expected: someone else appended first. */
export class WrongExpectedRevisionError extends Error {
  override readonly name = 'WrongExpectedRevisionError';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | 'no_stream',
  ) {
    super(
      `stream ${streamId} expected at revision ${String(expected)} but is at ${String(actual)}`,
    );
  }
}

/** A batch re-used event ids that already exist, but not as the same earlier batch. */
export class DuplicateEventIdError extends Error {
  override readonly name = 'DuplicateEventIdError';
  constructor(readonly eventId: string) {
    super(`event id ${eventId} already exists in another position of the log`);
  }
}

/** The store cannot be reached or cannot write right now (locked, disk full, server down). */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
  constructor(
    readonly store: 'event-store',
    cause: unknown,
  ) {
    super(`${store} unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
  }
}
