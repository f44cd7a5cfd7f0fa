import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadAllPage,
  ReadByCustomerOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
} from '@crm/eventsourcing';
import type { PiiProtection } from './pii-protection';

/**
 * The event store as the write side sees it: personal-data fields are sealed before they reach
 * the log, and revealed when the command runner folds a stream, so deciders work on plaintext.
 * Projectors use the raw store: read models hold the same ciphertext, revealed only at the edge.
 */
export class EncryptingEventStore implements EventStore {
  constructor(
    private readonly inner: EventStore,
    private readonly pii: PiiProtection,
  ) {}

  async append(
    streamId: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    const sealed = await Promise.all(
      events.map(async (event) => ({
        ...event,
        data: await this.pii.protectData(event.type, event.metadata.customerId, event.data),
      })),
    );
    return this.inner.append(streamId, sealed, expectedRevision);
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.pii.revealEvents(await this.inner.readStream(streamId, options));
  }

  async readAll(options: ReadAllOptions): Promise<ReadAllPage> {
    const page = await this.inner.readAll(options);
    return { ...page, events: await this.pii.revealEvents(page.events) };
  }

  async *subscribeToAll(options: SubscribeOptions): AsyncIterable<ReadAllPage> {
    for await (const page of this.inner.subscribeToAll(options)) {
      yield { ...page, events: await this.pii.revealEvents(page.events) };
    }
  }

  findCommandResult(streamId: string, commandId: string): Promise<AppendResult | null> {
    return this.inner.findCommandResult(streamId, commandId);
  }

  async readByCustomer(
    customerId: string,
    options?: ReadByCustomerOptions,
  ): Promise<RecordedEvent[]> {
    return this.pii.revealEvents(await this.inner.readByCustomer(customerId, options));
  }

  headPosition(): Promise<number> {
    return this.inner.headPosition();
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
