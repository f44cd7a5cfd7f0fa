import type { DocumentStore } from '@crm/documents';
import type { ReadModelFreshness } from '@crm/platform';
import { CAMPAIGNS_PROJECTION } from '../projections/campaigns/campaign.document';
import type { AttributionProgressDocument } from './attribution/attribution.documents';
import {
  ATTRIBUTION_PROGRESS,
  ATTRIBUTION_PROJECTION,
  PROGRESS_ID,
} from './attribution/attribution.documents';

/**
 * Read-your-writes for campaign results. An order at position P converts later, at a position the
 * saga appends: wait until the saga has handled P, then until the campaigns read model has
 * applied whatever the saga appended by then.
 */
export const ensureCampaignResultsFresh = async (
  freshness: ReadModelFreshness,
  documents: DocumentStore,
  minPosition: number | undefined,
): Promise<void> => {
  if (minPosition === undefined || minPosition <= 0) return;
  await freshness.ensure([ATTRIBUTION_PROJECTION], minPosition);
  const progress = await documents.get<AttributionProgressDocument>(
    ATTRIBUTION_PROGRESS,
    PROGRESS_ID,
  );
  const appended = progress?.appendedPosition ?? 0;
  await freshness.ensure([CAMPAIGNS_PROJECTION], Math.max(minPosition, appended));
};
