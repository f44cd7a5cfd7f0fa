import { StoreUnavailableError } from '../../store/errors';

/** Node socket errors: the server cannot be reached or the connection broke. */
const SOCKET_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs that say "not now" rather than "not this request": connection exceptions (08),
 * insufficient resources (53: disk full, too many connections), operator intervention (57:
 * shutdown, cannot connect now, statement timeout), system errors (58), and a read-only
 * server (25006, a standby after failover). A lock timeout (55P03) means busy.
 */
const UNAVAILABLE_STATES = /^(08|53|57|58)|^25006$|^55P03$/;

/** pg's own messages for a connection that ended or never came (no code on these). */
const UNAVAILABLE_MESSAGES =
  /Connection terminated|connection error and is not queryable|timeout expired|Cannot use a pool after calling end|Client was closed|Connection closed/i;

/** Duck-typed: socket errors come from Node's own realm (not `instanceof Error` under jest). */
export const isUnavailable = (error: unknown): boolean => {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (SOCKET_CODES.has(code) || UNAVAILABLE_STATES.test(code))) {
    return true;
  }
  // Connecting to a closed port fails with an AggregateError (one error per address tried).
  const inner = (error as { errors?: unknown }).errors;
  if (Array.isArray(inner) && inner.some(isUnavailable)) return true;
  return typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message);
};

/** Connection trouble becomes our StoreUnavailableError (503 upstream); the rest passes through. */
export const translatePgError = (error: unknown): Error => {
  if (isUnavailable(error)) return new StoreUnavailableError('event-store', error);
  return typeof (error as { message?: unknown } | null)?.message === 'string'
    ? (error as Error)
    : new Error(String(error));
};
