import type { Document, DocumentStore, DocumentWrite } from '@crm/documents';
import type { EventStore, RecordedEvent, Upcaster } from '@crm/eventsourcing';
import type { PiiProtection } from '@crm/security/pii';
import type {
  DeliveryDocument,
  EndpointDocument,
  EndpointStatsDocument,
} from '../store/webhook.documents';
import {
  ALL_EVENT_TYPES,
  DELIVERIES_COLLECTION,
  ENDPOINTS_COLLECTION,
  STATS_COLLECTION,
  cursorCheckpoint,
  emptyStats,
} from '../store/webhook.documents';
import type { WebhookSettings } from '../webhook-settings';
import { countAttempt, pendingDelivery, settleAttempt } from './delivery-outcome';
import { dueHeads } from './delivery-order';
import { payloadFor } from './webhook-payload';
import type { SendOutcome, WebhookTransport } from './webhook-transport';

export type WorkerDependencies = {
  events: EventStore;
  documents: DocumentStore;
  pii: Pick<PiiProtection, 'revealDeep'>;
  upcaster: Upcaster;
  transport: WebhookTransport;
  settings: WebhookSettings;
  clock: () => number;
  random: () => number;
};

/** Log rows read per intake. */
const INTAKE_BATCH = 100;

/**
 * Works one endpoint, under its lease. Intake follows the log from the endpoint's cursor and
 * records each matching event as a pending delivery, moving the cursor in the same commit (an
 * outbox by construction). Sending attempts the oldest pending event of each stream. Every
 * commit is a compare-and-set on the cursor, so a replay or a deletion by an admin (or a
 * dispatcher that lost its lease) makes the stale commit fail, and the worker reloads.
 */
export class EndpointWorker {
  private endpoint: EndpointDocument | null = null;
  /** The cursor checkpoint as this worker last saw it (null: absent, e.g. after a restore). */
  private expected: number | null = null;
  private cursor = 0;
  private stats: EndpointStatsDocument;
  private readonly events = new Map<string, RecordedEvent>();

  constructor(
    readonly endpointId: string,
    private readonly deps: WorkerDependencies,
  ) {
    this.stats = emptyStats(endpointId, 0);
  }

  /** Follows admin changes; false once the endpoint is deleted. */
  async refresh(): Promise<boolean> {
    const { documents } = this.deps;
    const endpoint = await documents.get<EndpointDocument>(ENDPOINTS_COLLECTION, this.endpointId);
    if (!endpoint) return false;
    const checkpoint = await documents.getCheckpoint(cursorCheckpoint(this.endpointId));
    if (!this.endpoint || checkpoint !== this.expected) await this.load(endpoint, checkpoint);
    return true;
  }

  /** Forgets what it knew, so the next refresh reloads (after a lost compare-and-set). */
  invalidate(): void {
    this.endpoint = null;
  }

  /**
   * One round: take in new events, then attempt what is due. True if there was work. Attempts
   * are never cut short (a stop waits for them, up to the timeout) so each is recorded.
   */
  async tick(): Promise<boolean> {
    const took = await this.intake();
    const sent = await this.sendDue();
    return took || sent;
  }

  private async load(endpoint: EndpointDocument, checkpoint: number | null): Promise<void> {
    const stats = await this.deps.documents.get<EndpointStatsDocument>(
      STATS_COLLECTION,
      this.endpointId,
    );
    this.endpoint = endpoint;
    this.expected = checkpoint;
    // No checkpoint: a restore dropped them. The mirrored cursor may be past the restored log,
    // whose next events would reuse those positions: never start beyond the head.
    this.cursor =
      checkpoint ??
      Math.min(stats?.cursor ?? endpoint.startPosition, await this.deps.events.headPosition());
    this.stats = stats ?? emptyStats(this.endpointId, this.cursor);
    this.events.clear();
  }

  private async intake(): Promise<boolean> {
    const { documents, events, settings } = this.deps;
    const endpoint = this.mustEndpoint();
    const pending = await documents.count(DELIVERIES_COLLECTION, this.pendingFilter());
    if (pending >= settings.maxPending) return false;
    const page = await events.readAll({
      fromPosition: this.cursor,
      limit: INTAKE_BATCH,
      ...(endpoint.eventTypes.includes(ALL_EVENT_TYPES) ? {} : { types: endpoint.eventTypes }),
    });
    if (page.position <= this.cursor) return false;
    const now = this.deps.clock();
    const writes = page.events.map((event) =>
      put(DELIVERIES_COLLECTION, pendingDelivery(this.endpointId, event, now)),
    );
    await this.commit(writes, page.position);
    for (const event of page.events) this.events.set(event.metadata.eventId, event);
    return true;
  }

  private async sendDue(): Promise<boolean> {
    const { documents, settings } = this.deps;
    const pending = await documents.find<DeliveryDocument>(
      DELIVERIES_COLLECTION,
      this.pendingFilter(),
      { sort: { position: 1 }, limit: settings.maxPending + INTAKE_BATCH },
    );
    const due = dueHeads(pending.items, this.deps.clock(), settings.concurrency);
    if (due.length === 0) return false;
    const bodies = await Promise.all(due.map((delivery) => this.bodyOf(delivery)));
    const outcomes = await Promise.all(
      due.map((delivery, i) => this.attempt(delivery, bodies[i] ?? null)),
    );
    const now = this.deps.clock();
    const writes = due.map((delivery, i) =>
      this.settle(delivery, outcomes[i] ?? { ok: false, error: 'no outcome' }, now),
    );
    await this.commit(writes, this.cursor);
    return true;
  }

  /** The signed body is the event as this endpoint may see it, revealed at send time. */
  private async bodyOf(delivery: DeliveryDocument): Promise<string | null> {
    const event = await this.eventOf(delivery);
    if (!event) return null;
    const payload = await payloadFor(
      this.deps.upcaster.upcast(event),
      this.mustEndpoint().includePersonalData,
      this.deps.pii,
    );
    return JSON.stringify(payload);
  }

  private async attempt(delivery: DeliveryDocument, body: string | null): Promise<SendOutcome> {
    if (body === null) return { ok: false, error: `event ${delivery.eventId} is not in the log` };
    const endpoint = this.mustEndpoint();
    return this.deps.transport(
      { url: endpoint.url, secret: endpoint.secret, eventId: delivery.eventId, body },
      { timeoutMs: this.deps.settings.timeoutMs },
    );
  }

  private settle(delivery: DeliveryDocument, outcome: SendOutcome, now: number): DocumentWrite {
    const { settings, random } = this.deps;
    const settled = settleAttempt(delivery, outcome, now, settings, random);
    this.stats = countAttempt(this.stats, delivery, outcome, settled, now);
    if (settled.kind !== 'retry') this.events.delete(delivery.eventId);
    return settled.kind === 'delivered'
      ? { kind: 'delete', collection: DELIVERIES_COLLECTION, id: delivery._id }
      : put(DELIVERIES_COLLECTION, settled.delivery);
  }

  /**
   * From memory when it was taken in by this worker, else read back from its stream at its
   * revision (by id: no position arithmetic, positions are not dense).
   */
  private async eventOf(delivery: DeliveryDocument): Promise<RecordedEvent | null> {
    const cached = this.events.get(delivery.eventId);
    if (cached) return cached;
    const stream = await this.deps.events.readStream(delivery.streamId, {
      fromRevision: delivery.revision,
    });
    return stream.find((e) => e.metadata.eventId === delivery.eventId) ?? null;
  }

  /** Writes and counters together with the cursor, only if nobody moved the cursor meanwhile. */
  private async commit(writes: DocumentWrite[], position: number): Promise<void> {
    const stats = { ...this.stats, cursor: position };
    await this.deps.documents.commit({
      writes: [...writes, put(STATS_COLLECTION, stats)],
      checkpoint: {
        name: cursorCheckpoint(this.endpointId),
        position,
        expected: this.expected,
      },
    });
    this.stats = stats;
    this.expected = position;
    this.cursor = position;
  }

  private pendingFilter(): Record<string, unknown> {
    return { endpointId: this.endpointId, status: 'pending' };
  }

  private mustEndpoint(): EndpointDocument {
    if (!this.endpoint) throw new Error(`endpoint ${this.endpointId} not loaded`);
    return this.endpoint;
  }
}

const put = (collection: string, document: Document): DocumentWrite => ({
  kind: 'put',
  collection,
  document,
});
