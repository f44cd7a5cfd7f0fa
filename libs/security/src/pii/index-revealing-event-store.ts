import type { EventStore, ReadAllPage } from '@crm/eventsourcing';
import type { PiiProtection } from './pii-protection';

/**
 * The log as projectors read it: blind indexes revealed (see `PiiProtection.revealIndexes`),
 * everything else as stored. Events keep their indexes sealed with the customer's key, so a
 * forget makes them unreadable in the log and every backup; only the look-up documents a
 * projection keeps (and a forget clears) hold them in the clear.
 */
export const withRevealedIndexes = (
  store: EventStore,
  pii: Pick<PiiProtection, 'revealIndexes'>,
): EventStore => {
  const page = async (read: ReadAllPage): Promise<ReadAllPage> => ({
    ...read,
    events: await pii.revealIndexes(read.events),
  });
  return {
    append: (streamId, events, expected) => store.append(streamId, events, expected),
    readStream: async (streamId, options) =>
      pii.revealIndexes(await store.readStream(streamId, options)),
    readAll: async (options) => page(await store.readAll(options)),
    subscribeToAll: (options) => {
      const pages = store.subscribeToAll(options);
      return (async function* () {
        for await (const read of pages) yield page(read);
      })();
    },
    findCommandResult: (streamId, commandId, firstEventId) =>
      store.findCommandResult(streamId, commandId, firstEventId),
    readByCustomer: async (customerId, options) =>
      pii.revealIndexes(await store.readByCustomer(customerId, options)),
    headPosition: () => store.headPosition(),
    ping: () => store.ping(),
    close: () => store.close(),
  };
};
