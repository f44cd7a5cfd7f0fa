import { DocumentStoreUnavailableError } from '../../errors';

/**
 * SQLSTATEs that mean "not now" rather than "not ever": connection exceptions (08), too many
 * connections, disk full or out of memory (53), shutting down or starting up (57P01-57P03),
 * I/O errors (58), a read-only server (25006: a standby after failover), and the transient
 * conflicts a retry resolves (serialization failure, deadlock, lock not available).
 */
const UNAVAILABLE_STATE = /^(08|53|57P0[1-3]|58|25006$|40001$|40P01$|55P03$)/;

/** Node socket errors of a server that is down, unreachable or restarting. */
const UNAVAILABLE_SOCKET = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/** node-postgres reports a dropped connection, a pool wait timeout and a closed pool by message. */
const UNAVAILABLE_MESSAGE =
  /Connection terminated|connection error|timeout exceeded when trying to connect|Cannot use a pool after calling end|Client was closed/i;

type ErrorLike = { code?: unknown; message?: unknown; errors?: unknown };

/** Duck-typed: socket errors come from Node's own realm, where `instanceof Error` can fail. */
export const isUnavailablePgError = (error: unknown): boolean => {
  if (!error || typeof error !== 'object') return false;
  const { code, message, errors } = error as ErrorLike;
  if (typeof code === 'string' && (UNAVAILABLE_STATE.test(code) || UNAVAILABLE_SOCKET.has(code)))
    return true;
  // Connecting to a name with several addresses fails with one error per address.
  if (Array.isArray(errors) && errors.some(isUnavailablePgError)) return true;
  return typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message);
};

/** The table is gone: another process dropped or swapped the collection. */
export const isUndefinedTable = (error: unknown): boolean =>
  (error as { code?: unknown } | null)?.code === '42P01';

export const translatePgError = (error: unknown): Error => {
  if (isUnavailablePgError(error)) return new DocumentStoreUnavailableError(error);
  if ((error as { code?: unknown } | null)?.code === '22P05')
    return new Error('document holds U+0000, which PostgreSQL JSONB cannot store', {
      cause: error,
    });
  return error as Error;
};
