import { START } from '@eventstore/db-client';
import type { Position, ReadPosition } from '@eventstore/db-client';

const MAX_POSITION = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Our numeric global position is the event's prepare position: the byte offset of its record
 * in the transaction log. $all is ordered by (commit, prepare). Every event appended over gRPC
 * is a self-committing prepare whose commit position equals its prepare position, and the
 * log has a single writer, so prepare order is $all order and no two events share a prepare
 * position. Events of legacy explicit transactions (TCP API, gone since 24.x) can interleave
 * and would break this. A number is exact up to 2^53 - 1 bytes of log (8 PiB); past that we
 * refuse rather than round.
 */
export const toGlobalPosition = (position: Position): number => {
  if (position.prepare < 0n || position.prepare > MAX_POSITION) {
    throw new RangeError(`EventStoreDB position ${position.prepare} does not fit a safe integer`);
  }
  return Number(position.prepare);
};

/**
 * The $all position to read forwards from to see every event after `position`. ESDB forward
 * reads include the event at the position they start from, so readers drop events whose
 * position is not greater than `position`. A record of an older log format (commit after
 * prepare) still reads correctly from (p, p): its commit record comes after p.
 */
export const toReadPosition = (position: number): ReadPosition => {
  if (!Number.isSafeInteger(position) || position < 0) {
    throw new RangeError(`invalid global position ${position}`);
  }
  if (position === 0) return START;
  const value = BigInt(position);
  return { commit: value, prepare: value };
};

/** Stream revisions are 0-based counters: far below 2^53 in practice, checked anyway. */
export const toRevisionNumber = (revision: bigint): number => {
  if (revision < 0n || revision > MAX_POSITION) {
    throw new RangeError(`EventStoreDB revision ${revision} does not fit a safe integer`);
  }
  return Number(revision);
};
