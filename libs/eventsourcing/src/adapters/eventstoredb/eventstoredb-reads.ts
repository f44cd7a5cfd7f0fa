import type { StreamingRead } from '@eventstore/db-client';

/** How long one read may take before it is cancelled and the store counts as unavailable. */
export const DEFAULT_READ_TIMEOUT_MS = 10_000;

/** A read that did not finish in time; translated to "store unavailable" like a deadline. */
export class ReadTimeoutError extends Error {
  readonly code = 4; // gRPC DEADLINE_EXCEEDED, which the error translation treats as unavailable.

  constructor(timeoutMs: number) {
    super(`EventStoreDB read did not finish within ${timeoutMs} ms`);
    this.name = 'ReadTimeoutError';
  }
}

/**
 * Visits each item of a read while `visit` answers true (keep reading) and the read lasts, and never leaves
 * the gRPC call open. The v6 client's reads have no deadline (it passes `deadline: Infinity`
 * whatever the options say), and leaving a `for await` early only destroys its stream wrapper:
 * the call stays open, holding one of the connection's concurrent HTTP/2 streams (about 100)
 * until the server has sent everything. Enough of them and every later call, appends included,
 * waits forever. So any read not consumed to its end is cancelled, and so is one that takes
 * longer than `timeoutMs`.
 */
export const eachRecord = async <T>(
  read: StreamingRead<T>,
  visit: (item: T) => boolean,
  timeoutMs: number = DEFAULT_READ_TIMEOUT_MS,
): Promise<void> => {
  let ended = false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ReadTimeoutError(timeoutMs)), timeoutMs);
  });
  const consume = (async () => {
    for await (const item of read) if (!visit(item)) return;
    ended = true;
  })();
  try {
    await Promise.race([consume, timeout]);
  } finally {
    clearTimeout(timer);
    if (!ended) {
      consume.catch(() => undefined);
      await read.cancel().catch(() => undefined);
    }
  }
};

/** The first item of a read (then cancelled), or undefined when it has none. */
export const firstRecord = async <T>(
  read: StreamingRead<T>,
  timeoutMs?: number,
): Promise<T | undefined> => {
  let found: T | undefined;
  await eachRecord(
    read,
    (item) => {
      found = item;
      return false;
    },
    timeoutMs,
  );
  return found;
};
