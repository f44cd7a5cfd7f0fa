import type { CustomerProfileSection } from '@crm/platform';
import type { ExactMoney } from '@crm/sales';
import { DEFAULT_HORIZON_DAYS } from './predicted-value.dto';
import { moneyOf } from './predicted-value.report';
import { predictedValueModelsOf } from './predicted-value.service';
import type { CustomerPrediction } from './predictions';
import { PURCHASES_PROJECTION } from './purchases.document';

/** The `predicted` part of a profile: today's model over DEFAULT_HORIZON_DAYS, per currency. */
export type PredictedProfileSection = {
  horizonDays: number;
  pAlive: number | null;
  expectedPurchases: number | null;
  expectedAverageValue: { amount: number; currency: string }[];
  predictedValue: ExactMoney[];
};

const emptyPredicted: PredictedProfileSection = {
  horizonDays: DEFAULT_HORIZON_DAYS,
  pAlive: null,
  expectedPurchases: null,
  expectedAverageValue: [],
  predictedValue: [],
};

const toSection = (prediction: CustomerPrediction): PredictedProfileSection => {
  const money = prediction.currencies.map(moneyOf);
  return {
    horizonDays: DEFAULT_HORIZON_DAYS,
    pAlive: prediction.pAlive,
    expectedPurchases: prediction.expectedPurchases,
    expectedAverageValue: money.flatMap((m) => m.expectedAverageValue ?? []),
    predictedValue: money.flatMap((m) => m.predictedValue ?? []),
  };
};

const sectionsOf = async (
  documents: Parameters<CustomerProfileSection['load']>[0],
  groups: ReadonlyMap<string, readonly string[]>,
) => {
  const predictions = await predictedValueModelsOf(documents).predictionsFor(
    groups,
    DEFAULT_HORIZON_DAYS,
  );
  return new Map([...predictions].map(([id, prediction]) => [id, toSection(prediction)]));
};

/**
 * The customer's purchases as the read model has them now, with today's model (ADR 0022); all
 * null for a customer without purchases. A survivor of merges is predicted from its group's.
 */
export const predictedValueProfileSection: CustomerProfileSection = {
  name: 'predicted',
  projections: [PURCHASES_PROJECTION],
  empty: emptyPredicted,
  load: (documents, customerIds) =>
    sectionsOf(documents, new Map(customerIds.map((id) => [id, [id]]))),
  loadGroups: (documents, groups) => sectionsOf(documents, groups),
};
