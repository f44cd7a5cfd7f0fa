import { ErrorType } from '@eventstore/db-client';
import type { CurrentRevision } from '@eventstore/db-client';
import {
  AppendOutcomeUnknownError,
  AppendTooLargeError,
  StoreUnavailableError,
  WrongExpectedRevisionError,
} from '../../store/errors';
import type { ExpectedRevision } from '../../store/event-store.port';
import { toRevisionNumber } from './eventstoredb-positions';

/** The client's command errors carry a string `type`; matching on it survives duplicate installs. */
const typeOf = (error: unknown): unknown =>
  error instanceof Error ? (error as { type?: unknown }).type : undefined;

export const isEsdbError = (error: unknown, type: ErrorType): boolean => typeOf(error) === type;

const UNAVAILABLE_TYPES: ReadonlySet<unknown> = new Set([
  ErrorType.UNAVAILABLE,
  ErrorType.DEADLINE_EXCEEDED,
  ErrorType.TIMEOUT,
  ErrorType.NOT_LEADER,
  ErrorType.CANCELLED,
]);

/** gRPC status codes of errors the client did not convert: UNAVAILABLE, DEADLINE_EXCEEDED. */
const UNAVAILABLE_GRPC_CODES: ReadonlySet<unknown> = new Set([14, 4]);

export const isUnavailable = (error: unknown): boolean => {
  if (!(error instanceof Error)) return false;
  if (UNAVAILABLE_TYPES.has(typeOf(error))) return true;
  if (
    typeOf(error) === undefined &&
    UNAVAILABLE_GRPC_CODES.has((error as { code?: unknown }).code)
  ) {
    return true;
  }
  return /Failed to discover|No connection established|ECONNREFUSED/.test(error.message);
};

const NEVER_SENT = /Failed to discover|No connection established|ECONNREFUSED|ENOTFOUND/;

/**
 * Whether an append that failed with this error may have been written all the same: the
 * request was sent and then the answer did not come (a deadline, a timeout, a cancelled call,
 * a connection lost mid-call). A refused connection or a follower's "not leader" wrote nothing.
 */
export const isAppendOutcomeUnknown = (error: unknown): boolean => {
  if (!(error instanceof Error) || NEVER_SENT.test(error.message)) return false;
  const type = typeOf(error);
  if (type !== undefined) {
    return (
      type === ErrorType.DEADLINE_EXCEEDED ||
      type === ErrorType.TIMEOUT ||
      type === ErrorType.CANCELLED ||
      type === ErrorType.UNAVAILABLE
    );
  }
  return [1, 4, 14].includes((error as { code?: unknown }).code as number);
};

/** Connection trouble becomes our StoreUnavailableError; everything else passes through. */
export const translateEsdbError = (error: unknown): unknown =>
  error instanceof AppendOutcomeUnknownError || !isUnavailable(error)
    ? error
    : new StoreUnavailableError('event-store', error);

/** ESDB's "maximum append size exceeded" as our AppendTooLargeError; null for any other error. */
export const toAppendTooLarge = (streamId: string, error: unknown): AppendTooLargeError | null => {
  if (!isEsdbError(error, ErrorType.MAXIMUM_APPEND_SIZE_EXCEEDED)) return null;
  const max = (error as { maxAppendSize?: unknown }).maxAppendSize;
  return new AppendTooLargeError(streamId, typeof max === 'number' ? max : null, error);
};

/** ESDB's WrongExpectedVersionError as ours, with the stream's actual revision. */
export const toWrongExpectedRevision = (
  streamId: string,
  expected: ExpectedRevision,
  error: unknown,
): WrongExpectedRevisionError => {
  const actual = (error as { actualVersion?: CurrentRevision }).actualVersion;
  return new WrongExpectedRevisionError(
    streamId,
    expected,
    typeof actual === 'bigint' ? toRevisionNumber(actual) : 'no_stream',
  );
};
