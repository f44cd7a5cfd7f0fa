import { DomainErrorException, WrongExpectedRevisionError } from '@crm/eventsourcing';
import { mapError } from '@crm/platform';

/**
 * ok; invalid (the request was malformed); rejected (the domain refused it); conflict
 * (concurrent writers, retries exhausted); unavailable (a store is down); error (a bug).
 */
export type CommandOutcome = 'ok' | 'invalid' | 'rejected' | 'conflict' | 'unavailable' | 'error';

export const CONCURRENT_MODIFICATION = 'CONCURRENT_MODIFICATION';

export const outcomeOf = (error: unknown): CommandOutcome => {
  if (error instanceof WrongExpectedRevisionError) return 'conflict';
  if (error instanceof DomainErrorException) {
    return error.error.code === CONCURRENT_MODIFICATION ? 'conflict' : 'rejected';
  }
  const status = mapError(error)?.status ?? 500;
  if (status === 503) return 'unavailable';
  return status >= 500 ? 'error' : 'invalid';
};
