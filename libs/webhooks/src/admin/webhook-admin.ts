import { v4 as uuidv4 } from 'uuid';
import type { Document, DocumentStore, Page } from '@crm/documents';
import { CheckpointMovedError } from '@crm/documents';
import type { EventStore } from '@crm/eventsourcing';
import { DomainErrorException, domainError } from '@crm/eventsourcing';
import { RequestValidationError } from '@crm/platform';
import { newWebhookSecret } from '../delivery/webhook-signature';
import { WebhookTargetPolicy } from '../delivery/webhook-target';
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
  WEBHOOK_COLLECTIONS,
  cursorCheckpoint,
  deliveryId,
  emptyStats,
  leaseCheckpoint,
} from '../store/webhook.documents';
import type {
  DeliveryView,
  RegisteredWebhook,
  ReplayView,
  WebhookDetails,
  WebhookView,
} from './webhook.views';
import { statusOf, toDeliveryView, toWebhookView } from './webhook.views';

export type RegisterWebhook = { url: string; eventTypes: string[]; includePersonalData?: boolean };
export type PageRequest = { limit?: number; cursor?: string };

/** Compare-and-set attempts of a replay racing the dispatcher's own cursor moves. */
const REPLAY_RETRIES = 5;
const DELETE_BATCH = 500;
const SCAN_PAGE = 1000;
/** The lag is counted event by event up to here; beyond, it reads as this many. */
export const MAX_COUNTED_LAG = 10_000;

const notFound = (id: string) =>
  new DomainErrorException(domainError('not_found', 'WEBHOOK_NOT_FOUND', `no webhook ${id}`));

/**
 * What admins do with webhooks. These writes touch only what the dispatcher re-reads: the
 * endpoint, dead letters (which it never writes after dead-lettering them) and the cursor,
 * through compare-and-set, so a dispatcher anywhere picks them up without a message.
 */
export class WebhookAdmin {
  private ready: Promise<void> | null = null;
  private readonly knownTypes: ReadonlySet<string>;

  constructor(
    private readonly documents: DocumentStore,
    private readonly events: EventStore,
    eventTypes: readonly string[],
    private readonly targets: WebhookTargetPolicy = new WebhookTargetPolicy(),
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.knownTypes = new Set(eventTypes);
  }

  async register(input: RegisterWebhook): Promise<RegisteredWebhook> {
    const eventTypes = this.checkEventTypes(input.eventTypes);
    const refused = this.targets.problemWith(input.url);
    if (refused) {
      throw new RequestValidationError([
        { field: 'url', rule: 'isAllowedWebhookTarget', message: refused },
      ]);
    }
    await this.ensureCollections();
    const head = await this.events.headPosition();
    const endpoint: EndpointDocument = {
      _id: uuidv4(),
      url: input.url,
      eventTypes,
      includePersonalData: input.includePersonalData ?? false,
      secret: newWebhookSecret(),
      createdAt: this.clock().toISOString(),
      startPosition: head,
    };
    await this.documents.commit({
      writes: [
        { kind: 'put', collection: ENDPOINTS_COLLECTION, document: endpoint },
        { kind: 'put', collection: STATS_COLLECTION, document: emptyStats(endpoint._id, head) },
      ],
      checkpoint: { name: cursorCheckpoint(endpoint._id), position: head, expected: null },
    });
    return { ...toWebhookView(endpoint), secret: endpoint.secret, cursor: head };
  }

  async list(page: PageRequest): Promise<Page<WebhookView>> {
    await this.ensureCollections();
    const found = await this.documents.find<EndpointDocument>(
      ENDPOINTS_COLLECTION,
      {},
      { sort: { createdAt: 1 }, limit: page.limit ?? 50, ...cursorOf(page) },
    );
    return { items: found.items.map(toWebhookView), nextCursor: found.nextCursor };
  }

  async details(id: string): Promise<WebhookDetails> {
    const endpoint = await this.endpoint(id);
    const [checkpoint, stats, head, pending, deadLetters] = await Promise.all([
      this.documents.getCheckpoint(cursorCheckpoint(id)),
      this.documents.get<EndpointStatsDocument>(STATS_COLLECTION, id),
      this.events.headPosition(),
      this.documents.count(DELIVERIES_COLLECTION, { endpointId: id, status: 'pending' }),
      this.documents.count(DELIVERIES_COLLECTION, { endpointId: id, status: 'dead' }),
    ]);
    const cursor = checkpoint ?? stats?.cursor ?? endpoint.startPosition;
    const notTakenIn = await this.countMatching(endpoint, cursor, head, MAX_COUNTED_LAG - pending);
    return {
      ...toWebhookView(endpoint),
      status: statusOf(stats),
      cursor,
      headPosition: head,
      // Counted, never subtracted: positions are not dense.
      lag: Math.min(MAX_COUNTED_LAG, pending + notTakenIn),
      pending,
      deadLetters,
      delivered: stats?.delivered ?? 0,
      failedAttempts: stats?.failedAttempts ?? 0,
      lastDeliveredAt: stats?.lastDeliveredAt ?? null,
      lastError: stats?.lastFailure ?? null,
    };
  }

  /** Deletes the endpoint first: its dispatcher stops at its next round, its commits fail. */
  async remove(id: string): Promise<void> {
    await this.endpoint(id);
    await this.documents.delete(ENDPOINTS_COLLECTION, id);
    await this.documents.deleteCheckpoint(cursorCheckpoint(id));
    await this.documents.deleteCheckpoint(leaseCheckpoint(id));
    const total = await this.documents.count(DELIVERIES_COLLECTION, { endpointId: id });
    for (let round = 0; round <= Math.ceil(total / DELETE_BATCH); round += 1) {
      const page = await this.documents.find<Document>(
        DELIVERIES_COLLECTION,
        { endpointId: id },
        { limit: DELETE_BATCH },
      );
      if (page.items.length === 0) break;
      await this.documents.commit({
        writes: page.items.map((d) => ({
          kind: 'delete' as const,
          collection: DELIVERIES_COLLECTION,
          id: d._id,
        })),
      });
    }
    await this.documents.delete(STATS_COLLECTION, id);
  }

  async deadLetters(id: string, page: PageRequest): Promise<Page<DeliveryView>> {
    await this.endpoint(id);
    const found = await this.documents.find<DeliveryDocument>(
      DELIVERIES_COLLECTION,
      { endpointId: id, status: 'dead' },
      { sort: { position: 1 }, limit: page.limit ?? 50, ...cursorOf(page) },
    );
    return { items: found.items.map(toDeliveryView), nextCursor: found.nextCursor };
  }

  /**
   * Puts a dead letter back in the queue with fresh attempts. It goes out before any later
   * pending event of its stream, but after the ones already delivered: receivers order by
   * `revision` if they need to.
   */
  async redeliver(id: string, eventId: string): Promise<DeliveryView> {
    await this.endpoint(id);
    const key = deliveryId(id, eventId);
    const delivery = await this.documents.get<DeliveryDocument>(DELIVERIES_COLLECTION, key);
    if (delivery?.status !== 'dead') {
      throw new DomainErrorException(
        domainError(
          'not_found',
          'WEBHOOK_DEAD_LETTER_NOT_FOUND',
          `no dead letter ${eventId} for webhook ${id}`,
        ),
      );
    }
    const requeued: DeliveryDocument = {
      ...delivery,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: this.clock().getTime(),
      deadAt: null,
    };
    await this.documents.update(DELIVERIES_COLLECTION, key, {
      $set: { status: 'pending', attempts: 0, nextAttemptAt: requeued.nextAttemptAt, deadAt: null },
    });
    return toDeliveryView(requeued);
  }

  /**
   * Moves the endpoint's cursor back so every matching event at or after `fromPosition` is sent
   * again (same event ids). Only back: moving it forward would skip events.
   */
  async replay(id: string, fromPosition: number): Promise<ReplayView> {
    const endpoint = await this.endpoint(id);
    const target = await this.lastMatchingBefore(endpoint, fromPosition);
    for (let attempt = 0; attempt < REPLAY_RETRIES; attempt += 1) {
      const current = await this.documents.getCheckpoint(cursorCheckpoint(id));
      const stats =
        current === null
          ? await this.documents.get<EndpointStatsDocument>(STATS_COLLECTION, id)
          : null;
      const cursor = current ?? stats?.cursor ?? endpoint.startPosition;
      if (fromPosition > cursor) {
        throw new DomainErrorException(
          domainError(
            'conflict',
            'WEBHOOK_REPLAY_AHEAD',
            `fromPosition ${fromPosition} is after the webhook's cursor ${cursor}: a replay only goes back`,
          ),
        );
      }
      try {
        await this.documents.commit({
          writes: [],
          checkpoint: { name: cursorCheckpoint(id), position: target, expected: current },
        });
        return { id, fromPosition, cursor: target };
      } catch (error) {
        if (!(error instanceof CheckpointMovedError)) throw error;
      }
    }
    throw new DomainErrorException(
      domainError('conflict', 'WEBHOOK_BUSY', `the cursor of webhook ${id} kept moving; retry`),
    );
  }

  /**
   * A cursor from which the endpoint's intake (which reads strictly after its cursor) takes in
   * every matching event at or after `fromPosition`: the position of the last matching event
   * before it, found by reading the log (positions are not dense, so none is computed from another). The
   * scan starts at the endpoint's start when that is earlier, else at the start of the log.
   */
  private async lastMatchingBefore(
    endpoint: EndpointDocument,
    fromPosition: number,
  ): Promise<number> {
    let found = endpoint.startPosition < fromPosition ? endpoint.startPosition : 0;
    for (let after = found; ;) {
      const page = await this.events.readAll({
        fromPosition: after,
        limit: SCAN_PAGE,
        ...typesOf(endpoint),
      });
      for (const event of page.events) {
        if (event.position >= fromPosition) return found;
        found = event.position;
      }
      if (page.position <= after || page.position >= fromPosition) return found;
      after = page.position;
    }
  }

  /** Matching events strictly after `cursor` up to `head`, counted up to `most`. */
  private async countMatching(
    endpoint: EndpointDocument,
    cursor: number,
    head: number,
    most: number,
  ): Promise<number> {
    let counted = 0;
    for (let after = cursor; counted < most && after < head;) {
      const page = await this.events.readAll({
        fromPosition: after,
        limit: SCAN_PAGE,
        ...typesOf(endpoint),
      });
      counted += page.events.filter((event) => event.position <= head).length;
      if (page.position <= after) break;
      after = page.position;
    }
    return Math.min(counted, Math.max(0, most));
  }

  private async endpoint(id: string): Promise<EndpointDocument> {
    await this.ensureCollections();
    const endpoint = await this.documents.get<EndpointDocument>(ENDPOINTS_COLLECTION, id);
    if (!endpoint) throw notFound(id);
    return endpoint;
  }

  /** `*` alone means every type; otherwise each must be a type the product appends. */
  private checkEventTypes(types: readonly string[]): string[] {
    if (types.includes(ALL_EVENT_TYPES)) return [ALL_EVENT_TYPES];
    const unknown = types.flatMap((type, i) => (this.knownTypes.has(type) ? [] : [i]));
    if (unknown.length > 0) {
      throw new RequestValidationError(
        unknown.map((i) => ({
          field: `eventTypes.${i}`,
          rule: 'isKnownEventType',
          message: `eventTypes.${i} must be * or one of ${[...this.knownTypes].join(', ')}`,
        })),
      );
    }
    return [...new Set(types)];
  }

  private ensureCollections(): Promise<void> {
    this.ready ??= (async () => {
      for (const collection of WEBHOOK_COLLECTIONS)
        await this.documents.ensureCollection(collection);
    })().catch((error: unknown) => {
      this.ready = null;
      throw error;
    });
    return this.ready;
  }
}

const typesOf = (endpoint: EndpointDocument): { types?: readonly string[] } =>
  endpoint.eventTypes.includes(ALL_EVENT_TYPES) ? {} : { types: endpoint.eventTypes };

const cursorOf = (page: PageRequest): { cursor?: string } =>
  page.cursor ? { cursor: page.cursor } : {};
