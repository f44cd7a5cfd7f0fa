import type { DocumentStore } from '@crm/documents';
import type { Backtest } from './backtest';
import { backtest } from './backtest';
import type { PredictedValueModel } from './predicted-value.model';
import { fitModelAsOf } from './predicted-value.model';
import type { CustomerPrediction } from './predictions';
import { predictCustomer } from './predictions';
import type { TimeUnit } from './purchase-history';
import { purchaseDaysAsOf } from './purchase-history';
import { PURCHASES_PROJECTION, utcDayOf } from './purchases.document';
import type { PurchaseGroup, PurchaseSnapshot } from './purchases.queries';
import { loadPurchaseGroups, purchaseGroupsOf } from './purchases.queries';

/** How old today's model may get while orders arrive before a request refits it (ADR 0022). */
export const REFIT_AFTER_MS = 5 * 60_000;
/** Fits and rankings kept per snapshot (past days asked for, horizons). */
const KEPT_PER_SNAPSHOT = 8;

type Snapshot = PurchaseSnapshot & {
  /** The UTC day "today" was when it was loaded. */
  today: number;
  loadedAt: number;
  models: Map<string, PredictedValueModel>;
  rankings: Map<number, CustomerPrediction[]>;
  backtests: Map<string, Backtest>;
};

const keep = <K, V>(map: Map<K, V>, key: K, value: V): V => {
  if (map.size >= KEPT_PER_SNAPSHOT) map.delete(map.keys().next().value as K);
  map.set(key, value);
  return value;
};

/**
 * The models of one document store (ADR 0022): every customer's purchases are loaded into a
 * snapshot, and models are fitted on it as of any day. Today's snapshot is replaced when the UTC
 * day changes; when a read asks for a log position it does not include yet; and, once the read
 * model moved on, when it is older than REFIT_AFTER_MS (the next request refits in the
 * background and is answered from the current one meanwhile). Each API process keeps its own.
 */
export class PredictedValueModels {
  private current: Promise<Snapshot> | null = null;
  private refreshing: Promise<Snapshot> | null = null;

  constructor(
    private readonly documents: DocumentStore,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  today(): number {
    return utcDayOf(this.clock());
  }

  private load(): Promise<Snapshot> {
    const today = this.today();
    const loadedAt = this.clock().getTime();
    const next = loadPurchaseGroups(this.documents).then((snapshot) => ({
      ...snapshot,
      today,
      loadedAt,
      models: new Map(),
      rankings: new Map(),
      backtests: new Map(),
    }));
    next.catch(() => undefined);
    return next;
  }

  /** Replaces the current snapshot with a fresh one; concurrent callers share one load. */
  private reload(): Promise<Snapshot> {
    if (this.refreshing) return this.refreshing;
    const next = this.load();
    this.refreshing = next;
    next.then(
      () => {
        this.current = next;
        this.refreshing = null;
      },
      () => {
        this.refreshing = null;
      },
    );
    return next;
  }

  /** A snapshot that includes `minPosition` (if given) and is of today. */
  private async snapshot(minPosition?: number): Promise<Snapshot> {
    const current = this.current ? await this.current.catch(() => null) : null;
    if (!current || current.today !== this.today()) return this.reload();
    if (minPosition !== undefined && (current.checkpoint ?? 0) < minPosition) return this.reload();
    if (this.clock().getTime() - current.loadedAt > REFIT_AFTER_MS) {
      const checkpoint = await this.documents.getCheckpoint(PURCHASES_PROJECTION);
      if (checkpoint !== current.checkpoint) void this.reload().catch(() => undefined);
    }
    return current;
  }

  private modelOf(snapshot: Snapshot, asOfDay: number, unit: TimeUnit): PredictedValueModel {
    const key = `${asOfDay}|${unit}`;
    const known = snapshot.models.get(key);
    if (known) return known;
    const customers = snapshot.groups.map(({ customerId, orders }) => ({
      customerId,
      days: purchaseDaysAsOf(orders, asOfDay),
    }));
    return keep(snapshot.models, key, fitModelAsOf(customers, asOfDay, unit));
  }

  /** The model fitted as of `asOfDay` (default today) in `unit`. */
  async model(
    options: { asOfDay?: number; unit: TimeUnit },
    minPosition?: number,
  ): Promise<PredictedValueModel> {
    const snapshot = await this.snapshot(minPosition);
    return this.modelOf(snapshot, options.asOfDay ?? snapshot.today, options.unit);
  }

  /** Every customer's prediction over the horizon from today's model, highest value first. */
  async ranking(horizonDays: number, minPosition?: number): Promise<CustomerPrediction[]> {
    const snapshot = await this.snapshot(minPosition);
    const known = snapshot.rankings.get(horizonDays);
    if (known) return known;
    const model = this.modelOf(snapshot, snapshot.today, 'week');
    const predictions = snapshot.groups.flatMap(({ customerId, orders }) => {
      const prediction = predictCustomer(
        model,
        customerId,
        purchaseDaysAsOf(orders, snapshot.today),
        horizonDays,
      );
      return prediction ? [prediction] : [];
    });
    return keep(snapshot.rankings, horizonDays, predictions);
  }

  /** Predictions for these groups (a profile's id and the customers merged into it), today. */
  async predictionsFor(
    groups: ReadonlyMap<string, readonly string[]>,
    horizonDays: number,
  ): Promise<Map<string, CustomerPrediction>> {
    const snapshot = await this.snapshot();
    const model = this.modelOf(snapshot, snapshot.today, 'week');
    const found: PurchaseGroup[] = await purchaseGroupsOf(this.documents, groups);
    const result = new Map<string, CustomerPrediction>();
    for (const { customerId, orders } of found) {
      const days = purchaseDaysAsOf(orders, snapshot.today);
      const prediction = predictCustomer(model, customerId, days, horizonDays);
      if (prediction) result.set(customerId, prediction);
    }
    return result;
  }

  async backtest(
    calibrationEndDay: number,
    holdoutEndDay: number,
    minPosition?: number,
  ): Promise<Backtest> {
    const snapshot = await this.snapshot(minPosition);
    const key = `${calibrationEndDay}|${holdoutEndDay}`;
    return (
      snapshot.backtests.get(key) ??
      keep(snapshot.backtests, key, backtest(snapshot.groups, calibrationEndDay, holdoutEndDay))
    );
  }
}

const byStore = new WeakMap<DocumentStore, PredictedValueModels>();

/** The one PredictedValueModels of a document store in this process. */
export const predictedValueModelsOf = (documents: DocumentStore): PredictedValueModels => {
  let models = byStore.get(documents);
  if (!models) byStore.set(documents, (models = new PredictedValueModels(documents)));
  return models;
};
