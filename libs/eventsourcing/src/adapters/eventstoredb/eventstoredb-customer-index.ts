import { randomUUID } from 'node:crypto';
import {
  ANY,
  BACKWARDS,
  END,
  ErrorType,
  NO_STREAM,
  binaryEvent,
  jsonEvent,
} from '@eventstore/db-client';
import type { EventStoreDBClient } from '@eventstore/db-client';
import type { RecordedEvent } from '../../store/event';
import { byPosition } from '../../store/positions';
import type { ReadAllOptions, ReadAllPage } from '../../store/event-store.port';
import { isEsdbError } from './eventstoredb-errors';
import { isCrmRecord, toRecordedEvent } from './eventstoredb-mapping';
import { toRevisionNumber } from './eventstoredb-positions';
import { eachRecord, firstRecord } from './eventstoredb-reads';

export const CUSTOMER_STREAM_PREFIX = 'crm-customer-events-';
export const CUSTOMER_INDEX_CHECKPOINT_STREAM = 'crm-customer-index-checkpoint';
const CHECKPOINT_TYPE = '$crm-customer-index-checkpoint';
const LINK_TYPE = '$>';
const PAGE_SIZE = 500;

export const customerStream = (customerId: string): string =>
  `${CUSTOMER_STREAM_PREFIX}${customerId}`;

/**
 * ESDB's link format: the target's `revision@stream`; our metadata keeps its global position.
 * Each link gets a fresh id. With derived ids, two readers racing over overlapping pages sent
 * batches whose first id was already committed and later ones were not; ESDB's idempotency
 * check (expected revision `any`) answers such a batch with WrongExpectedVersion, and since the
 * same batch came back on every call, every by-customer read failed from then on. Repeated
 * links are harmless: reads drop repeats by position.
 */
export const customerLink = (event: RecordedEvent) =>
  binaryEvent({
    id: randomUUID(),
    type: LINK_TYPE,
    data: Buffer.from(`${event.revision}@${event.streamId}`),
    metadata: { position: event.position },
  });

const linkedPosition = (metadata: unknown): number | undefined => {
  const position = (metadata as { position?: unknown } | undefined)?.position;
  return typeof position === 'number' ? position : undefined;
};

type Checkpoint = { position: number; revision: number };

/**
 * Every event about a customer, via one link stream per customer (`crm-customer-events-<id>`).
 * The links are a cache of $all, kept by readers rather than writers so that a crash can never
 * leave a hole: before answering, a reader links everything after the index checkpoint, then
 * moves it. Two readers racing may link an event twice; reads drop repeats by position.
 * Cost: the first read ever scans the whole log once; each later read scans only what was
 * appended since the previous one, plus one read of the customer's link stream.
 */
export class CustomerIndex {
  private catchingUp: Promise<void> = Promise.resolve();

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly readAll: (options: ReadAllOptions) => Promise<ReadAllPage>,
    private readonly readTimeoutMs?: number,
  ) {}

  async read(customerId: string): Promise<RecordedEvent[]> {
    // Serialised per process so concurrent readers do not scan the same tail twice.
    const run = this.catchingUp.then(() => this.catchUp());
    this.catchingUp = run.catch(() => undefined);
    await run;
    return this.readLinks(customerId);
  }

  private async catchUp(): Promise<void> {
    const checkpoint = await this.checkpoint();
    let position = checkpoint?.position ?? 0;
    let scannedEvents = false;
    for (;;) {
      const page = await this.readAll({ fromPosition: position, limit: PAGE_SIZE });
      if (page.position <= position) break;
      await this.link(page.events);
      scannedEvents ||= page.events.length > 0;
      position = page.position;
    }
    // Not when only system records followed: the checkpoint write is one, and would repeat forever.
    if (scannedEvents) await this.moveCheckpoint(position, checkpoint);
  }

  private async link(events: readonly RecordedEvent[]): Promise<void> {
    const byCustomer = new Map<string, RecordedEvent[]>();
    for (const event of events) {
      const customerId = event.metadata.customerId;
      if (customerId) byCustomer.set(customerId, [...(byCustomer.get(customerId) ?? []), event]);
    }
    await Promise.all(
      [...byCustomer].map(([customerId, about]) =>
        this.client.appendToStream(customerStream(customerId), about.map(customerLink), {
          expectedRevision: ANY,
        }),
      ),
    );
  }

  private async readLinks(customerId: string): Promise<RecordedEvent[]> {
    const linkedByPosition = new Map<number, RecordedEvent>();
    try {
      const read = this.client.readStream(customerStream(customerId), { resolveLinkTos: true });
      await eachRecord(
        read,
        ({ event, link }) => {
          if (!event || !isCrmRecord(event)) return true;
          const linked = toRecordedEvent(event, linkedPosition(link?.metadata));
          linkedByPosition.set(linked.position, linked);
          return true;
        },
        this.readTimeoutMs,
      );
    } catch (error) {
      if (!isEsdbError(error, ErrorType.STREAM_NOT_FOUND)) throw error;
    }
    return [...linkedByPosition.values()].sort(byPosition);
  }

  private async checkpoint(): Promise<Checkpoint | null> {
    try {
      const read = this.client.readStream(CUSTOMER_INDEX_CHECKPOINT_STREAM, {
        direction: BACKWARDS,
        fromRevision: END,
        maxCount: 1,
      });
      const event = (await firstRecord(read, this.readTimeoutMs))?.event;
      const position = (event?.data as { position?: unknown } | undefined)?.position;
      if (event && typeof position === 'number') {
        return { position, revision: toRevisionNumber(event.revision) };
      }
    } catch (error) {
      if (!isEsdbError(error, ErrorType.STREAM_NOT_FOUND)) throw error;
    }
    return null;
  }

  /** Moves only from what this reader saw; if another reader moved it first, theirs stands. */
  private async moveCheckpoint(position: number, seen: Checkpoint | null): Promise<void> {
    try {
      await this.client.appendToStream(
        CUSTOMER_INDEX_CHECKPOINT_STREAM,
        jsonEvent({ type: CHECKPOINT_TYPE, data: { position } }),
        { expectedRevision: seen ? BigInt(seen.revision) : NO_STREAM },
      );
    } catch (error) {
      if (!isEsdbError(error, ErrorType.WRONG_EXPECTED_VERSION)) throw error;
    }
  }
}
