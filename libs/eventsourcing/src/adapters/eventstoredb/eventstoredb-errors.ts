import { ErrorType } from '@eventstore/db-client';
import type { CurrentRevision } from '@eventstore/db-client';
import { StoreUnavailableError, WrongExpectedRevisionError } from '../../store/errors';
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

/** Connection trouble becomes our StoreUnavailableError; everything else passes through. */
export const translateEsdbError = (error: unknown): unknown =>
  isUnavailable(error) ? new StoreUnavailableError('event-store', error) : error;

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
