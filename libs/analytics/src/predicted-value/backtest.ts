import type { BgNbdFit } from './domain/bgnbd';
import { expectedPurchases } from './domain/bgnbd';
import type { PredictedValueModel } from './predicted-value.model';
import { fitModelAsOf } from './predicted-value.model';
import type { CustomerPurchases } from './purchase-history';
import { purchaseDaysAsOf, purchasesBetween, repeatHistoryOf } from './purchase-history';
import type { PurchaseOrder } from './purchases.document';
import { dayText } from './purchases.document';

export type BacktestWeek = {
  /** 1 for the first week after the calibration day. */
  week: number;
  /** The last UTC day the cumulative figures include. */
  end: string;
  predictedCumulative: number;
  actualCumulative: number;
};

export type Backtest = {
  calibrationEnd: string;
  holdoutEnd: string;
  /** Customers whose first purchase is by the calibration day: the ones predicted. */
  customers: number;
  bgnbd: BgNbdFit | null;
  /** Σ E[Y(t)], t = holdoutEnd − calibrationEnd. */
  predictedPurchases: number;
  /** Their purchases (days) in the holdout, as the log told them at the end of holdoutEnd. */
  actualPurchases: number;
  byWeek: BacktestWeek[];
  /** Mean over customers of |E[Y(t)] − actual purchases in the holdout|. */
  meanAbsoluteError: number;
};

type Group = { customerId: string; orders: readonly PurchaseOrder[] };

/**
 * Fits BG/NBD (weeks) on the purchases as of `calibrationEndDay` only (orders placed, cancelled or
 * refunded later are not seen), then compares its expected repeat purchases with those the same
 * customers made in (calibrationEndDay, holdoutEndDay], week by week.
 */
export const backtest = (
  groups: readonly Group[],
  calibrationEndDay: number,
  holdoutEndDay: number,
): Backtest => {
  const calibration: CustomerPurchases[] = [];
  const actual: number[][] = [];
  const weeks = Math.ceil((holdoutEndDay - calibrationEndDay) / 7);
  const ends = Array.from({ length: weeks }, (_, i) =>
    Math.min(calibrationEndDay + 7 * (i + 1), holdoutEndDay),
  );
  for (const { customerId, orders } of groups) {
    const days = purchaseDaysAsOf(orders, calibrationEndDay);
    if (days.length === 0) continue;
    calibration.push({ customerId, days });
    const later = purchaseDaysAsOf(orders, holdoutEndDay);
    actual.push(ends.map((end) => purchasesBetween(later, calibrationEndDay, end)));
  }
  const model: PredictedValueModel = fitModelAsOf(calibration, calibrationEndDay, 'week');
  const predicted = predictedByWeek(model, calibration, ends);
  const byWeek = ends.map((end, i) => ({
    week: i + 1,
    end: dayText(end),
    predictedCumulative: predicted.reduce((sum, row) => sum + (row[i] ?? 0), 0),
    actualCumulative: actual.reduce((sum, row) => sum + (row[i] ?? 0), 0),
  }));
  const errors = predicted.map((row, i) => Math.abs((row.at(-1) ?? 0) - (actual[i]?.at(-1) ?? 0)));
  return {
    calibrationEnd: dayText(calibrationEndDay),
    holdoutEnd: dayText(holdoutEndDay),
    customers: calibration.length,
    bgnbd: model.bgnbd,
    predictedPurchases: byWeek.at(-1)?.predictedCumulative ?? 0,
    actualPurchases: byWeek.at(-1)?.actualCumulative ?? 0,
    byWeek,
    meanAbsoluteError:
      errors.length === 0 ? 0 : errors.reduce((sum, e) => sum + e, 0) / errors.length,
  };
};

/** E[Y] of each customer at each week's end; customers with the same (x, tₓ, T) computed once. */
const predictedByWeek = (
  model: PredictedValueModel,
  customers: readonly CustomerPurchases[],
  ends: readonly number[],
): number[][] => {
  const fit = model.bgnbd;
  const memo = new Map<string, number[]>();
  return customers.map(({ days }) => {
    const history = repeatHistoryOf(days, model.asOfDay, 'week');
    if (!fit || !history) return ends.map(() => 0);
    const { x, tx, T } = history;
    const key = `${x}|${tx}|${T}`;
    let row = memo.get(key);
    if (!row) {
      row = ends.map((end) => expectedPurchases(fit, (end - model.asOfDay) / 7, x, tx, T));
      memo.set(key, row);
    }
    return row;
  });
};
