import {
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

export const translateMongoError = (error: unknown): unknown =>
  isUnavailableMongoError(error) ? new DocumentStoreUnavailableError(error) : error;
