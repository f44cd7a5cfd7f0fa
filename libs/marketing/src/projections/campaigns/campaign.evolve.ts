import { sumOf, sumText } from '@crm/sales';
import type { CampaignEvent, ResponseKind } from '../../domain/campaign';
import { RESPONSE_KINDS } from '../../domain/campaign';
import type { CampaignDocument, ConversionTotals } from './campaign.document';

/** Whether a response is the customer's first at all, and their first of its kind. */
export type FirstResponse = { respondent: boolean; kind: boolean };

const noResponses = (): Record<ResponseKind, number> =>
  Object.fromEntries(RESPONSE_KINDS.map((kind) => [kind, 0])) as Record<ResponseKind, number>;

const addConversion = (
  totals: readonly ConversionTotals[],
  currency: string,
  conversions: number,
  revenue: number,
): ConversionTotals[] => {
  const current = totals.find((t) => t.currency === currency);
  const next = {
    currency,
    conversions: (current?.conversions ?? 0) + conversions,
    revenue: sumText(sumOf(current?.revenue) + BigInt(revenue)),
  };
  return [...totals.filter((t) => t.currency !== currency), next].sort((a, b) =>
    a.currency < b.currency ? -1 : 1,
  );
};

const respond = (document: CampaignDocument, kind: ResponseKind, first: FirstResponse) => ({
  ...document,
  responses: { ...document.responses, [kind]: document.responses[kind] + (first.kind ? 1 : 0) },
  respondents: document.respondents + (first.respondent ? 1 : 0),
});

/** Pure fold of one campaign event into the campaign's document. */
export const evolveCampaignDocument = (
  document: CampaignDocument | null,
  event: CampaignEvent,
  first: FirstResponse = { respondent: false, kind: false },
): CampaignDocument | null => {
  if (event.type === 'CampaignPlanned') {
    const { audience, plannedAt, ...plan } = event.data;
    return {
      _id: plan.campaignId,
      ...plan,
      status: 'planned',
      audienceRule: audience,
      plannedAt,
      launchedAt: null,
      completedAt: null,
      cancelledAt: null,
      attributionEndsAt: null,
      audienceSize: 0,
      audienceResolvedAt: null,
      responses: noResponses(),
      respondents: 0,
      conversions: [],
      updatedAt: plannedAt,
    };
  }
  if (!document) return null;
  switch (event.type) {
    case 'CampaignAudienceRecorded':
      // A part of an audience counts for nothing until the launch that names it.
      return document;
    case 'CampaignLaunched': {
      const { launchedAt, attributionEndsAt, audience } = event.data;
      return {
        ...document,
        status: 'launched',
        launchedAt,
        attributionEndsAt,
        audienceSize: audience.count,
        audienceResolvedAt: audience.resolvedAtPosition,
        updatedAt: launchedAt,
      };
    }
    case 'ResponseRecorded':
      return { ...respond(document, event.data.kind, first), updatedAt: event.data.respondedAt };
    case 'ConversionRecorded': {
      const { currency, amount } = event.data;
      return { ...document, conversions: addConversion(document.conversions, currency, 1, amount) };
    }
    case 'ConversionReversed': {
      const { currency, amount, fully } = event.data;
      const conversions = addConversion(document.conversions, currency, fully ? -1 : 0, -amount);
      return { ...document, conversions };
    }
    case 'CampaignCompleted':
      return {
        ...document,
        status: 'completed',
        completedAt: event.data.completedAt,
        updatedAt: event.data.completedAt,
      };
    case 'CampaignCancelled':
      return {
        ...document,
        status: 'cancelled',
        cancelledAt: event.data.cancelledAt,
        updatedAt: event.data.cancelledAt,
      };
    default: {
      const unknownEvent: never = event;
      return unknownEvent;
    }
  }
};
