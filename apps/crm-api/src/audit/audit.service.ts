import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { auditViews } from '@crm/composition';
import type { EventStore, RecordedEvent, Upcaster } from '@crm/eventsourcing';
import { EVENT_STORE, InMemoryProjectionContext } from '@crm/eventsourcing';
import { RequestValidationError, UPCASTERS } from '@crm/platform';

export type HistoryEntry = Omit<RecordedEvent, 'data'> & { data: Record<string, unknown> };
export type HistoryPage = { customerId: string; events: HistoryEntry[]; nextCursor: string | null };

/**
 * Auditors read straight from the event log, never from read models: a customer's history is
 * every event whose metadata names them (its own stream, its tickets, orders, responses), and
 * state-at folds those events up to a point through the same projections as the live models.
 * The by-customer index makes both a range scan, not a log scan.
 */
@Injectable()
export class AuditService {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(UPCASTERS) private readonly upcaster: Upcaster,
  ) {}

  async history(customerId: string, limit: number, cursor: number): Promise<HistoryPage> {
    const events = await this.events.readByCustomer(customerId, {
      fromPosition: cursor,
      limit: limit + 1,
    });
    if (events.length === 0 && cursor === 0)
      throw new NotFoundException(`customer ${customerId} has no history`);
    const page = events.slice(0, limit).map((event) => this.upcaster.upcast(event));
    return {
      customerId,
      events: page,
      nextCursor: events.length > limit ? String(page.at(-1)?.position ?? cursor) : null,
    };
  }

  async stateAt(customerId: string, at: string) {
    const bound = /^\d+$/.test(at) ? { toPosition: Number(at) } : { toTime: parseInstant(at) };
    const events = await this.events.readByCustomer(customerId, bound);
    if (events.length === 0)
      throw new NotFoundException(`customer ${customerId} had no history at ${at}`);
    const folded = await InMemoryProjectionContext.fold(
      auditViews.map((view) => view.projection),
      events,
      this.upcaster,
    );
    const views = Object.fromEntries(
      auditViews.map((view) => {
        const documents = folded
          .all(view.collection)
          .filter(
            (document) => document.customerId === customerId && (view.keep?.(document) ?? true),
          )
          .map(({ _position, ...document }) => document);
        return [view.key, view.single ? (documents[0] ?? null) : documents];
      }),
    );
    const last = events.at(-1);
    return {
      customerId,
      at,
      position: last?.position ?? 0,
      recordedAt: last?.recordedAt ?? null,
      ...views,
    };
  }
}

const parseInstant = (text: string): Date => {
  const time = new Date(text);
  if (Number.isNaN(time.getTime())) {
    throw new RequestValidationError([
      { field: 'at', rule: 'isIso8601', message: 'at is not a valid time' },
    ]);
  }
  return time;
};
