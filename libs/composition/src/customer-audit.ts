import type { EventStore, RecordedEvent, Upcaster } from '@crm/eventsourcing';
import { InMemoryProjectionContext } from '@crm/eventsourcing';
import type { AuditSnapshot } from './audit-snapshots';
import { AuditSnapshots } from './audit-snapshots';
import { auditViews } from './audit-views';

export type HistoryPage = {
  customerId: string;
  events: RecordedEvent[];
  nextCursor: string | null;
};

export type StateAt = {
  customerId: string;
  at: string;
  position: number;
  recordedAt: string | null;
} & Record<string, unknown>;

/**
 * Blind-index fields (`emailHash`, `nameHashes`, `phoneHash`, `searchHashes`): the service's
 * own look-up keys, keyed hashes of personal data. Auditors never see them, whatever the
 * event's version: in events written before they were sealed they are plain, and would let
 * anyone who can create a customer confirm who a forgotten one was.
 */
const LOOKUP_INDEX = /Hash(es)?$/;

const withoutLookupIndexes = <T extends Record<string, unknown>>(data: T): T =>
  Object.keys(data).some((key) => LOOKUP_INDEX.test(key))
    ? (Object.fromEntries(Object.entries(data).filter(([key]) => !LOOKUP_INDEX.test(key))) as T)
    : data;

/** `at` is a log position (digits) or an instant. */
export type AuditPoint = { toPosition: number } | { toTime: Date };

/**
 * Auditors read straight from the event log, never from read models: a customer's history is
 * every event whose metadata names them (its own stream, its tickets, orders, responses), and
 * state-at folds those events up to a point through the same projections as the live models.
 * The by-customer index makes both a range scan, not a log scan. Values stay sealed here;
 * whoever shows them reveals them.
 */
export class CustomerAudit {
  constructor(
    private readonly events: EventStore,
    private readonly upcaster: Upcaster,
    private readonly snapshots = new AuditSnapshots(),
  ) {}

  /** Null when the customer has no history at all. */
  async history(customerId: string, limit: number, cursor: number): Promise<HistoryPage | null> {
    const events = await this.events.readByCustomer(customerId, {
      fromPosition: cursor,
      limit: limit + 1,
    });
    if (events.length === 0 && cursor === 0) return null;
    const page = events.slice(0, limit).map((event) => {
      const upcast = this.upcaster.upcast(event);
      return { ...upcast, data: withoutLookupIndexes(upcast.data) };
    });
    return {
      customerId,
      events: page,
      nextCursor: events.length > limit ? String(page.at(-1)?.position ?? cursor) : null,
    };
  }

  /**
   * Null when the customer had no history at that point. Folds on from the newest snapshot
   * the point includes, and keeps a snapshot every `snapshots.options.every` events it folds.
   */
  async stateAt(customerId: string, at: string, point: AuditPoint): Promise<StateAt | null> {
    const base = this.snapshots.latest(customerId, point);
    const events = await this.events.readByCustomer(customerId, {
      ...point,
      fromPosition: base?.position ?? 0,
    });
    const last = events.at(-1) ?? base;
    if (!last) return null;
    const context = base?.context.copy() ?? new InMemoryProjectionContext();
    await this.fold(customerId, context, events, base, 'toPosition' in point);
    const views = Object.fromEntries(
      auditViews.map((view) => {
        const documents = context
          .all(view.collection)
          .filter(
            (document) => document.customerId === customerId && (view.keep?.(document) ?? true),
          )
          .map(({ _position, ...document }) => withoutLookupIndexes(document));
        return [view.key, view.single ? (documents[0] ?? null) : documents];
      }),
    );
    return {
      customerId,
      at,
      position: last.position,
      recordedAt: last.recordedAt,
      ...views,
    };
  }

  /**
   * Snapshots come only from folds up to a position: those read every event up to it, while a
   * fold up to a time leaves out any event recorded later, even one at an earlier position.
   */
  private async fold(
    customerId: string,
    context: InMemoryProjectionContext,
    events: readonly RecordedEvent[],
    base: AuditSnapshot | null,
    complete: boolean,
  ): Promise<void> {
    const projections = auditViews.map((view) => view.projection);
    const every = this.snapshots.options.every;
    let folded = base?.events ?? 0;
    let latestRecordedAt = base?.latestRecordedAt ?? '';
    for (const event of events) {
      await context.apply(projections, this.upcaster.upcast(event));
      folded += 1;
      if (event.recordedAt > latestRecordedAt) latestRecordedAt = event.recordedAt;
      if (complete && folded % every === 0) {
        this.snapshots.keep(customerId, {
          position: event.position,
          recordedAt: event.recordedAt,
          latestRecordedAt,
          events: folded,
          context: context.copy(),
        });
      }
    }
  }
}

/** Parses `at`: digits are a log position, anything else must be a valid instant. */
export const parseAuditPoint = (at: string): AuditPoint | null => {
  if (/^\d{1,15}$/.test(at)) return { toPosition: Number(at) };
  const time = new Date(at);
  return Number.isNaN(time.getTime()) ? null : { toTime: time };
};
