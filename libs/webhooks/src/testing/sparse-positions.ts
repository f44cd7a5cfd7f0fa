import type {
  AppendResult,
  EventStore,
  ReadAllPage,
  RecordedEvent,
  ReadAllOptions,
  ReadByCustomerOptions,
  ReadStreamOptions,
  SubscribeOptions,
} from '@crm/eventsourcing';

/**
 * A real store whose positions are spread out (each one ten times the inner one), as
 * EventStoreDB's byte offsets and PostgreSQL's sequences are: code that counts by subtracting
 * positions gets numbers ten times too large here.
 */
export const withSparsePositions = (inner: EventStore): EventStore => {
  const out = (position: number) => position * 10;
  /** The inner position bound matching an outer one (exclusive or inclusive alike). */
  const back = (position: number) => Math.floor(position / 10);
  const event = (e: RecordedEvent): RecordedEvent => ({ ...e, position: out(e.position) });
  const page = (p: ReadAllPage): ReadAllPage => ({
    events: p.events.map(event),
    position: out(p.position),
  });
  const result = (r: AppendResult): AppendResult => ({ ...r, position: out(r.position) });
  return {
    append: async (streamId, events, expected) =>
      result(await inner.append(streamId, events, expected)),
    readStream: async (streamId, options?: ReadStreamOptions) =>
      (
        await inner.readStream(streamId, {
          ...options,
          ...(options?.toPosition === undefined ? {} : { toPosition: back(options.toPosition) }),
        })
      ).map(event),
    readAll: async (options: ReadAllOptions) =>
      page(await inner.readAll({ ...options, fromPosition: back(options.fromPosition) })),
    subscribeToAll: (options: SubscribeOptions) => {
      const pages = inner.subscribeToAll({ ...options, fromPosition: back(options.fromPosition) });
      return (async function* () {
        for await (const p of pages) yield page(p);
      })();
    },
    findCommandResult: async (streamId, commandId, firstEventId) => {
      const found = await inner.findCommandResult(streamId, commandId, firstEventId);
      return found && result(found);
    },
    readByCustomer: async (customerId, options?: ReadByCustomerOptions) =>
      (
        await inner.readByCustomer(customerId, {
          ...options,
          ...(options?.fromPosition === undefined
            ? {}
            : { fromPosition: back(options.fromPosition) }),
          ...(options?.toPosition === undefined ? {} : { toPosition: back(options.toPosition) }),
        })
      ).map(event),
    headPosition: async () => out(await inner.headPosition()),
    ping: () => inner.ping(),
    close: () => inner.close(),
  };
};
