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

/**
 * An append whose outcome is unknown: the request may have reached the store and been written
 * (a deadline, a timeout or a dropped connection after it was sent). Retrying is safe only with
 * the same event ids, which `idempotencyKey` (the request's, or one the service generated)
 * derives again.
 */
export class AppendOutcomeUnknownError extends Error {
  override readonly name = 'AppendOutcomeUnknownError';
  constructor(
    cause: unknown,
    readonly idempotencyKey?: string,
  ) {
    super(
      `the event store did not confirm an append, which may have been written: ${
        cause instanceof Error ? cause.message : String(cause)
      }`,
      { cause },
    );
  }
}

/**
 * The store refused an append as too large (EventStoreDB's maximum append size, 1 MiB by
 * default). Nothing was written; the same append will be refused again, so it is not retried.
 */
export class AppendTooLargeError extends Error {
  override readonly name = 'AppendTooLargeError';
  constructor(
    readonly streamId: string,
    readonly maxAppendSize: number | null,
    cause?: unknown,
  ) {
    super(
      `the event store refused an append to ${streamId} as too large${
        maxAppendSize === null ? '' : ` (at most ${maxAppendSize} bytes per append)`
      }`,
      { cause },
    );
  }
}
