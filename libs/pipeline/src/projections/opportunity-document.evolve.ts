import { ERASED } from '@crm/customers';
import type { RecordedEvent } from '@crm/eventsourcing';
import type { OpportunityEvent } from '../domain/opportunity';
import type { OpportunityDocument } from './pipeline-board.document';

/** A row id per event of the stream: the revision is unique in it and stable across replays. */
export const rowId = (opportunityId: string, revision: number): string =>
  `${opportunityId}:${revision}`;

/** What a forgotten customer's opportunity shows: the figures, not the words. */
export const eraseOpportunity = (document: OpportunityDocument): OpportunityDocument => ({
  ...document,
  title: ERASED,
  erased: true,
});

const orderIdOf = (data: Record<string, unknown>): string | null =>
  typeof data.orderId === 'string' ? data.orderId : null;

const opened = (
  event: Extract<OpportunityEvent, { type: 'OpportunityOpened' }>,
  id: string,
): OpportunityDocument => {
  const { data } = event;
  return {
    _id: data.opportunityId,
    opportunityId: data.opportunityId,
    customerId: data.customerId,
    title: data.title,
    pipelineId: data.pipelineId,
    pipelineVersion: data.pipelineVersion,
    stageId: data.stageId,
    stageKind: 'open',
    probability: data.probability,
    status: 'open',
    amount: data.amount,
    ownerId: data.ownerId,
    source: data.source,
    campaignId: data.campaignId,
    expectedCloseDate: data.expectedCloseDate,
    openedAt: data.at,
    stageEnteredAt: data.at,
    closedAt: null,
    lossReason: null,
    orderId: null,
    updatedAt: data.at,
    stageEntryId: id,
    versionId: id,
    erased: false,
  };
};

/**
 * Pure fold of one opportunity event into the opportunity's document. `stageEntryId` and
 * `versionId` name the history rows the event opened (see the board projection), so the
 * projection can close them when the next change comes.
 */
export const evolveOpportunityDocument = (
  document: OpportunityDocument | null,
  recorded: RecordedEvent,
): OpportunityDocument | null => {
  const event = recorded as unknown as OpportunityEvent;
  const id = rowId(event.data.opportunityId, recorded.revision);
  if (event.type === 'OpportunityOpened') return opened(event, id);
  if (!document) return null;
  const touched = { ...document, updatedAt: event.data.at, versionId: id };
  switch (event.type) {
    case 'OpportunityStageMoved':
    case 'OpportunityReopened':
    case 'OpportunityWon':
    case 'OpportunityLost': {
      const { pipelineVersion, stageId, probability, at } = event.data;
      const kind =
        event.type === 'OpportunityWon'
          ? 'won'
          : event.type === 'OpportunityLost'
            ? 'lost'
            : 'open';
      return {
        ...touched,
        pipelineVersion,
        stageId,
        probability,
        stageKind: kind,
        status: kind,
        stageEnteredAt: at,
        stageEntryId: id,
        closedAt: kind === 'open' ? null : at,
        lossReason: event.type === 'OpportunityLost' ? event.data.reason : null,
        orderId: event.type === 'OpportunityWon' ? orderIdOf(event.data) : document.orderId,
        ...(event.type === 'OpportunityWon' ? { amount: event.data.amount } : {}),
      };
    }
    case 'OpportunityAmountChanged':
      return { ...touched, amount: event.data.amount };
    case 'OpportunityCloseDateChanged':
      return { ...touched, expectedCloseDate: event.data.expectedCloseDate };
    case 'OpportunityOwnerChanged':
      return { ...touched, ownerId: event.data.ownerId };
    default: {
      const unknownEvent: never = event;
      return unknownEvent;
    }
  }
};
