import type { ActivityEvent } from './activity';
import type { OpportunityEvent } from './opportunity';
import type { PipelineEvent } from './pipeline';

/** Every event type the context writes (webhook subscriptions name them). */
export const PIPELINE_EVENT_TYPES: readonly (
  PipelineEvent | OpportunityEvent | ActivityEvent
)['type'][] = [
  'PipelineDefined',
  'PipelineChanged',
  'OpportunityOpened',
  'OpportunityStageMoved',
  'OpportunityAmountChanged',
  'OpportunityCloseDateChanged',
  'OpportunityOwnerChanged',
  'OpportunityWon',
  'OpportunityLost',
  'OpportunityReopened',
  'ActivityLogged',
  'TaskScheduled',
  'TaskRescheduled',
  'TaskReassigned',
  'TaskCompleted',
];
