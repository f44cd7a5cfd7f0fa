import type { DomainEvent } from '@crm/eventsourcing';
import type { Money } from './money';

export const opportunityStreamId = (opportunityId: string): string =>
  `opportunity-${opportunityId}`;

export const LOSS_REASONS = [
  'price',
  'competitor',
  'no-budget',
  'no-decision',
  'timing',
  'product-fit',
  'other',
] as const;
export type LossReason = (typeof LOSS_REASONS)[number];

/** A lost opportunity can be reopened for this many days after it was lost. */
export const REOPEN_WINDOW_DAYS = 90;

/** Every event names the customer (for metadata and forgetting) and the definition in force. */
type OpportunityData<Data> = { opportunityId: string; customerId: string; at: string } & Data;
type StageData = {
  pipelineId: string;
  pipelineVersion: number;
  stageId: string;
  probability: number;
};

export type OpportunityOpened = DomainEvent<
  'OpportunityOpened',
  OpportunityData<
    StageData & {
      title: string;
      amount: Money;
      expectedCloseDate: string;
      ownerId: string;
      source: string;
      campaignId: string | null;
    }
  >
>;
export type OpportunityStageMoved = DomainEvent<
  'OpportunityStageMoved',
  OpportunityData<StageData & { fromStageId: string }>
>;
export type OpportunityAmountChanged = DomainEvent<
  'OpportunityAmountChanged',
  OpportunityData<{ amount: Money }>
>;
export type OpportunityCloseDateChanged = DomainEvent<
  'OpportunityCloseDateChanged',
  OpportunityData<{ expectedCloseDate: string }>
>;
export type OpportunityOwnerChanged = DomainEvent<
  'OpportunityOwnerChanged',
  OpportunityData<{ ownerId: string }>
>;
/** `orderId`: the order the win placed through the sales context, null when it placed none. */
export type OpportunityWon = DomainEvent<
  'OpportunityWon',
  OpportunityData<StageData & { amount: Money; orderId: string | null }>
>;
export type OpportunityLost = DomainEvent<
  'OpportunityLost',
  OpportunityData<StageData & { reason: LossReason; fromStageId: string }>
>;
export type OpportunityReopened = DomainEvent<'OpportunityReopened', OpportunityData<StageData>>;

export type OpportunityEvent =
  | OpportunityOpened
  | OpportunityStageMoved
  | OpportunityAmountChanged
  | OpportunityCloseDateChanged
  | OpportunityOwnerChanged
  | OpportunityWon
  | OpportunityLost
  | OpportunityReopened;

type Deal = {
  opportunityId: string;
  customerId: string;
  pipelineId: string;
  amount: Money;
  expectedCloseDate: string;
  ownerId: string;
  /** The campaign the deal came from: the default campaign of the order a win places. */
  campaignId: string | null;
};
export type OpportunityState =
  | { status: 'none' }
  | (Deal & { status: 'open'; stageId: string })
  | (Deal & { status: 'won'; wonAt: string })
  | (Deal & { status: 'lost'; lostAt: string; lostFromStageId: string });
export type ExistingOpportunity = Exclude<OpportunityState, { status: 'none' }>;
export type OpenOpportunityState = Extract<OpportunityState, { status: 'open' }>;

export const initialOpportunityState: OpportunityState = { status: 'none' };

const deal = (state: ExistingOpportunity): Deal => {
  const { opportunityId, customerId, pipelineId, amount, expectedCloseDate, ownerId } = state;
  const { campaignId } = state;
  return { opportunityId, customerId, pipelineId, amount, expectedCloseDate, ownerId, campaignId };
};

export const evolveOpportunity = (
  state: OpportunityState,
  event: OpportunityEvent,
): OpportunityState => {
  if (event.type === 'OpportunityOpened') {
    const { opportunityId, customerId, pipelineId, amount, expectedCloseDate, ownerId } =
      event.data;
    const opened = { opportunityId, customerId, pipelineId, amount, expectedCloseDate, ownerId };
    const campaignId = event.data.campaignId ?? null;
    return { ...opened, campaignId, status: 'open', stageId: event.data.stageId };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'OpportunityStageMoved':
    case 'OpportunityReopened':
      return { ...deal(state), status: 'open', stageId: event.data.stageId };
    case 'OpportunityAmountChanged':
      return { ...state, amount: event.data.amount };
    case 'OpportunityCloseDateChanged':
      return { ...state, expectedCloseDate: event.data.expectedCloseDate };
    case 'OpportunityOwnerChanged':
      return { ...state, ownerId: event.data.ownerId };
    case 'OpportunityWon':
      return { ...deal(state), status: 'won', wonAt: event.data.at };
    case 'OpportunityLost':
      return {
        ...deal(state),
        status: 'lost',
        lostAt: event.data.at,
        lostFromStageId: event.data.fromStageId,
      };
    default: {
      const unknownEvent: never = event;
      return unknownEvent;
    }
  }
};
