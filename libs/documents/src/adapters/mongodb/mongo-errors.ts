import {
  MongoBulkWriteError,
  MongoError,
  MongoNetworkError,
  MongoNotConnectedError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
} from 'mongodb';
import { DocumentStoreUnavailableError } from '../../errors';

/**
 * Server codes that mean "not now" rather than "not ever": host unreachable or not found,
 * network timeout, shutting down, primary stepped down or lost, not writable primary.
 */
const UNAVAILABLE_CODES: ReadonlySet<number> = new Set([
  6, 7, 89, 91, 189, 9001, 10107, 11600, 11602, 13435, 13436,
]);

export const DUPLICATE_KEY = 11000;

export const isUnavailableMongoError = (error: unknown): boolean => {
  if (
    error instanceof MongoNetworkError ||
    error instanceof MongoServerSelectionError ||
    error instanceof MongoNotConnectedError ||
    error instanceof MongoTopologyClosedError
  ) {
    return true;
  }
  if (!(error instanceof MongoError)) return false;
  return (
    UNAVAILABLE_CODES.has(Number(error.code)) ||
    error.hasErrorLabel('RetryableWriteError') ||
    error.hasErrorLabel('TransientTransactionError')
  );
};

export const isDuplicateKey = (error: unknown): boolean =>
  error instanceof MongoError && Number(error.code) === DUPLICATE_KEY;

/**
 * The indexes of the documents an unordered insertMany refused as duplicate keys, when that is
 * all that went wrong; null for any other error (another write error, a write concern error,
 * a network error). `insertedIds` on the error is not used: some driver versions listed
 * refused documents there too.
 */
export const duplicateKeyRefusals = (error: unknown): Set<number> | null => {
  if (!(error instanceof MongoBulkWriteError)) return null;
  const writeErrors: readonly { code?: unknown; index?: unknown }[] = Array.isArray(
    error.writeErrors,
  )
    ? error.writeErrors
    : [error.writeErrors];
  const result = error.result as { getWriteConcernError?: () => unknown } | undefined;
  if (writeErrors.length === 0 || result?.getWriteConcernError?.()) return null;
  const refused = new Set<number>();
  for (const writeError of writeErrors) {
    if (Number(writeError.code) !== DUPLICATE_KEY || typeof writeError.index !== 'number')
      return null;
    refused.add(writeError.index);
  }
  return refused;
};

export const translateMongoError = (error: unknown): unknown =>
  isUnavailableMongoError(error) ? new DocumentStoreUnavailableError(error) : error;
