import type { AppendResult } from '../store/event-store.port';

/** The first answer to a keyed command, and a fingerprint of the request that asked it. */
export type IdempotencyRecord = {
  fingerprint: string;
  result: AppendResult;
  /** The customer the command concerned: their records go when they are forgotten. */
  customerId?: string;
};

/**
 * Where the runner keeps the first answer of each keyed command, whether it appended or not: a
 * retried no-op must not be decided again after an intervening change (tag, untag, retried
 * tag), and a key reused for another request must be refused, not answered.
 */
export interface IdempotencyRecords {
  find(commandId: string): Promise<IdempotencyRecord | null>;
  /** Keeps the first record of a command id; a later save of the same id changes nothing. */
  save(commandId: string, record: IdempotencyRecord): Promise<void>;
  /** Drops a forgotten customer's records: fingerprints are derived from their data. */
  forgetCustomer(customerId: string): Promise<void>;
}

/** The same Idempotency-Key sent again with a different request (422 at the edge). */
export class IdempotencyKeyReusedError extends Error {
  override readonly name = 'IdempotencyKeyReusedError';
  constructor() {
    super(
      'this Idempotency-Key was already used for a different request; send a new key for a new request',
    );
  }
}
