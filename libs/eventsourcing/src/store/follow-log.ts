import type { ReadAllOptions, ReadAllPage, SubscribeOptions } from './event-store.port';

type FollowLogOptions = SubscribeOptions & {
  read: (options: ReadAllOptions) => Promise<ReadAllPage>;
  pollIntervalMs: number;
  /** Registers a wake-up for in-process appends; returns the unregister function. */
  onAppend?: (listener: () => void) => () => void;
};

/**
 * Catch-up then live over any store that can read its global log in pages: read pages until
 * the head, then wait for an append notification (or the poll interval, for writers in other
 * processes) and read again. The cursor only moves forward, so no event is seen twice.
 */
export async function* followLog(options: FollowLogOptions): AsyncGenerator<ReadAllPage> {
  const batchSize = options.batchSize ?? 500;
  let position = options.fromPosition;
  while (!options.signal?.aborted) {
    const page = await options.read({
      fromPosition: position,
      limit: batchSize,
      types: options.types,
    });
    if (page.position > position) {
      position = page.position;
      yield page;
      continue;
    }
    await waitForWake(options);
  }
}

const waitForWake = (options: FollowLogOptions): Promise<void> =>
  new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      unsubscribe?.();
      options.signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, options.pollIntervalMs);
    const unsubscribe = options.onAppend?.(done);
    options.signal?.addEventListener('abort', done);
  });
