import { byPosition } from '@crm/eventsourcing';
import type { InMemoryProjectionContext } from '@crm/eventsourcing';
import type { AuditPoint } from './customer-audit';

/** A customer's audit views folded over every one of their events up to `position`. */
export type AuditSnapshot = {
  position: number;
  /** Recorded time of the event at `position`. */
  recordedAt: string;
  /** Latest recorded time among the folded events: the snapshot serves times from here on. */
  latestRecordedAt: string;
  /** How many of the customer's events are folded in. */
  events: number;
  context: InMemoryProjectionContext;
};

export type AuditSnapshotOptions = {
  /** A snapshot is kept after every this many events of a customer. */
  every: number;
  /** Customers whose snapshots are kept (least recently used ones are dropped). */
  customers: number;
};

export const DEFAULT_AUDIT_SNAPSHOTS: AuditSnapshotOptions = { every: 1000, customers: 256 };

/**
 * Snapshots of state-at folds, in memory: derived only from the log (lost on restart, built
 * again by the next fold), and immutable because stored events never change. They hold what
 * the fold holds: sealed values, never plaintext, so a forgotten customer's snapshots become
 * unreadable with their key. The process's code folded them, so no upgrade can misread one.
 */
export class AuditSnapshots {
  private readonly byCustomer = new Map<string, AuditSnapshot[]>();

  constructor(readonly options: AuditSnapshotOptions = DEFAULT_AUDIT_SNAPSHOTS) {}

  /** The newest snapshot the point includes entirely, if any. */
  latest(customerId: string, point: AuditPoint): AuditSnapshot | null {
    const snapshots = this.byCustomer.get(customerId);
    if (!snapshots) return null;
    this.byCustomer.delete(customerId);
    this.byCustomer.set(customerId, snapshots);
    const usable = snapshots.filter((snapshot) =>
      'toPosition' in point
        ? snapshot.position <= point.toPosition
        : Date.parse(snapshot.latestRecordedAt) <= point.toTime.getTime(),
    );
    return usable.at(-1) ?? null;
  }

  /**
   * Its documents are frozen: folds share them with the snapshot (projections build new
   * documents rather than change the ones they read), and one that broke that rule would
   * fail loudly instead of changing a snapshot.
   */
  keep(customerId: string, snapshot: AuditSnapshot): void {
    const snapshots = this.byCustomer.get(customerId) ?? [];
    if (snapshots.some((known) => known.position === snapshot.position)) return;
    snapshot.context.freeze();
    snapshots.push(snapshot);
    snapshots.sort(byPosition);
    this.byCustomer.delete(customerId);
    this.byCustomer.set(customerId, snapshots);
    for (const oldest of this.byCustomer.keys()) {
      if (this.byCustomer.size <= this.options.customers) break;
      this.byCustomer.delete(oldest);
    }
  }
}
