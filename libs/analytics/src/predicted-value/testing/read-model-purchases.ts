import type { PurchaseGroup } from '../purchases.queries';
import { utcDayOf } from '../purchases.document';
import { purchaseDaysAsOf, purchaseValuesIn, repeatHistoryOf } from '../purchase-history';
import type { ExpectedPurchases } from './independent-purchases';

/** The read model's answer in the independent fold's shape. */
export const purchasesAsOf = (groups: readonly PurchaseGroup[], asOf: string) => {
  const day = utcDayOf(`${asOf}T00:00:00Z`);
  const result = new Map<string, ExpectedPurchases>();
  for (const { customerId, orders } of groups) {
    const days = purchaseDaysAsOf(orders, day);
    const history = repeatHistoryOf(days, day, 'day');
    if (!history) continue;
    const currencies = [...new Set(days.flatMap((d) => [...d.values.keys()]))];
    const repeatValues = Object.fromEntries(
      currencies
        .map((c) => [c, purchaseValuesIn(days, c).slice(1)] as const)
        .filter(([, values]) => values.length > 0),
    );
    result.set(customerId, { x: history.x, txDays: history.tx, TDays: history.T, repeatValues });
  }
  return result;
};
