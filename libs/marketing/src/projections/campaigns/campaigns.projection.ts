import type { Projection, ProjectionContext, RecordedEvent } from '@crm/eventsourcing';
import type { CampaignEvent, ResponseRecorded } from '../../domain/campaign';
import { CAMPAIGN_EVENT_TYPES } from '../../domain/campaign';
import type { CampaignDocument, CampaignRespondentDocument } from './campaign.document';
import {
  CAMPAIGN_RESPONDENTS,
  CAMPAIGNS,
  CAMPAIGNS_PROJECTION,
  respondentId,
} from './campaign.document';
import {
  CAMPAIGN_OPPORTUNITIES,
  OPPORTUNITY_EVENT_TYPES,
  applyOpportunityEvent,
} from './campaign-opportunities';
import type { FirstResponse } from './campaign.evolve';
import { evolveCampaignDocument } from './campaign.evolve';

/** Records the response on the customer's respondent document; says whether it was a first. */
const noteResponse = async (
  context: ProjectionContext,
  event: ResponseRecorded,
  position: number,
): Promise<FirstResponse> => {
  const { campaignId, customerId, kind } = event.data;
  const id = respondentId(campaignId, customerId);
  const current = await context.get<CampaignRespondentDocument>(CAMPAIGN_RESPONDENTS, id);
  const respondent = current ?? {
    _id: id,
    campaignId,
    customerId,
    firstPosition: position,
    kinds: {},
  };
  const kindFirst = respondent.kinds[kind] ?? position;
  context.put(CAMPAIGN_RESPONDENTS, {
    ...respondent,
    kinds: { ...respondent.kinds, [kind]: kindFirst },
  });
  return { respondent: respondent.firstPosition === position, kind: kindFirst === position };
};

/**
 * Campaigns and their result counters: audience size, distinct respondents per kind, live
 * conversions and net attributed revenue per currency, and the pipeline's opportunities opened
 * for the campaign (see campaign-opportunities.ts). Rates and ROI are computed when read.
 */
export const campaignsProjection: Projection = {
  name: CAMPAIGNS_PROJECTION,
  collections: [
    {
      name: CAMPAIGNS,
      indexes: [{ field: 'plannedAt' }, { field: 'status' }, { field: 'channel' }],
    },
    { name: CAMPAIGN_RESPONDENTS, indexes: [{ field: 'campaignId' }] },
    // Read only by id (an opportunity's own events), so no index to maintain on each write.
    { name: CAMPAIGN_OPPORTUNITIES },
  ],
  // Audience chunks change no counter: the launch states the audience's size.
  handles: [
    ...CAMPAIGN_EVENT_TYPES.filter((type) => type !== 'CampaignAudienceRecorded'),
    ...OPPORTUNITY_EVENT_TYPES,
  ],
  async apply(recorded: RecordedEvent, context) {
    if ((OPPORTUNITY_EVENT_TYPES as readonly string[]).includes(recorded.type)) {
      return applyOpportunityEvent(recorded, context);
    }
    const event = recorded as unknown as CampaignEvent;
    const id = event.data.campaignId;
    const current = await context.get<CampaignDocument>(CAMPAIGNS, id);
    if (current?._position !== undefined && current._position >= recorded.position) return;
    const first =
      event.type === 'ResponseRecorded'
        ? await noteResponse(context, event, recorded.position)
        : undefined;
    const next = evolveCampaignDocument(current, event, first);
    if (next) context.put(CAMPAIGNS, { ...next, _position: recorded.position });
  },
};
