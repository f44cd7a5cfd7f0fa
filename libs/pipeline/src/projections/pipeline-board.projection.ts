import type { Projection, ProjectionContext, RecordedEvent } from '@crm/eventsourcing';
import type { OpportunityEvent } from '../domain/opportunity';
import {
  addTo,
  closeTotalId,
  emptyCloseTotal,
  emptyStageTotal,
  stageEntry,
  stageTotalId,
  version,
} from './board-rows';
import { CUSTOMER_FORGOTTEN, customerIndex } from './customer-index';
import { eraseOpportunity, evolveOpportunityDocument } from './opportunity-document.evolve';
import type {
  CloseTotalDocument,
  OpportunityDocument,
  OpportunityVersionDocument,
  StageEntryDocument,
  StageTotalDocument,
} from './pipeline-board.document';
import {
  CLOSE_TOTALS,
  OPPORTUNITIES,
  OPPORTUNITY_VERSIONS,
  PIPELINE_BOARD_PROJECTION,
  STAGE_HISTORY,
  STAGE_TOTALS,
} from './pipeline-board.document';

export const OPPORTUNITY_EVENT_TYPES: readonly OpportunityEvent['type'][] = [
  'OpportunityOpened',
  'OpportunityStageMoved',
  'OpportunityAmountChanged',
  'OpportunityCloseDateChanged',
  'OpportunityOwnerChanged',
  'OpportunityWon',
  'OpportunityLost',
  'OpportunityReopened',
];

const customers = customerIndex('pipeline_customer_opportunities');

const forget = async (context: ProjectionContext, event: RecordedEvent): Promise<void> => {
  for (const id of await customers.forget(context, event)) {
    const opportunity = await context.get<OpportunityDocument>(OPPORTUNITIES, id);
    if (opportunity) {
      context.put(OPPORTUNITIES, { ...eraseOpportunity(opportunity), _position: event.position });
    }
  }
};

type Total = StageTotalDocument | CloseTotalDocument;

/** Moves one opportunity in or out of a total; a total that reaches zero deals is deleted. */
const adjust = async <T extends Total>(
  context: ProjectionContext,
  collection: string,
  id: string,
  empty: T,
  document: OpportunityDocument,
  sign: 1 | -1,
): Promise<void> => {
  const current = (await context.get<T>(collection, id)) ?? empty;
  const next = addTo(current, document, sign);
  if (next.count === 0) context.delete(collection, id);
  else context.put(collection, next);
};

const closeRow = async <T extends StageEntryDocument | OpportunityVersionDocument>(
  context: ProjectionContext,
  collection: string,
  id: string,
  close: (row: T) => T,
): Promise<void> => {
  const row = await context.get<T>(collection, id);
  if (row) context.put(collection, close(row));
};

/** The stage history and the versions: the rows the previous state opened end where this begins. */
const recordHistory = async (
  context: ProjectionContext,
  previous: OpportunityDocument | null,
  next: OpportunityDocument,
  position: number,
): Promise<void> => {
  if (next.stageEntryId !== previous?.stageEntryId) {
    if (previous) {
      await closeRow<StageEntryDocument>(context, STAGE_HISTORY, previous.stageEntryId, (row) => ({
        ...row,
        exitedAt: next.stageEnteredAt,
        nextStageId: next.stageId,
        nextStageKind: next.stageKind,
        nextPipelineVersion: next.pipelineVersion,
      }));
    }
    context.put(STAGE_HISTORY, stageEntry(next));
  }
  if (next.versionId !== previous?.versionId) {
    if (previous) {
      await closeRow<OpportunityVersionDocument>(
        context,
        OPPORTUNITY_VERSIONS,
        previous.versionId,
        (row) => ({ ...row, validTo: next.updatedAt, _position: position }),
      );
    }
    // Stamped with the event's position, as the row it closes: readers load what changed since.
    context.put(OPPORTUNITY_VERSIONS, { ...version(next), _position: position });
  }
};

const recordTotals = async (
  context: ProjectionContext,
  previous: OpportunityDocument | null,
  next: OpportunityDocument,
): Promise<void> => {
  if (previous) {
    await adjust(
      context,
      STAGE_TOTALS,
      stageTotalId(previous),
      emptyStageTotal(previous),
      previous,
      -1,
    );
    await adjust(
      context,
      CLOSE_TOTALS,
      closeTotalId(previous),
      emptyCloseTotal(previous),
      previous,
      -1,
    );
  }
  await adjust(context, STAGE_TOTALS, stageTotalId(next), emptyStageTotal(next), next, 1);
  await adjust(context, CLOSE_TOTALS, closeTotalId(next), emptyCloseTotal(next), next, 1);
};

/**
 * Opportunities now, their stage history, their versions over time and the board's totals, in
 * one projection: every row an event touches commits with the opportunity's document and the
 * checkpoint, so the totals always equal the documents they sum (a re-applied event is
 * recognised by the opportunity's `_position` and changes nothing). Forgetting a customer
 * erases the titles of their opportunities (the figures stay: they are not personal data).
 */
export const pipelineBoardProjection: Projection = {
  name: PIPELINE_BOARD_PROJECTION,
  collections: [
    {
      name: OPPORTUNITIES,
      indexes: [
        { field: 'openedAt' },
        { fields: ['customerId', 'openedAt'] },
        { fields: ['ownerId', 'openedAt'] },
        { fields: ['stageId', 'openedAt'] },
        { fields: ['status', 'openedAt'] },
      ],
    },
    {
      name: STAGE_HISTORY,
      indexes: [
        { field: 'opportunityId' },
        { fields: ['pipelineId', 'enteredAt'] },
        { field: 'enteredAt' },
        // The win rate of every pipeline reads only the won and lost stays of its period.
        { fields: ['stageKind', 'enteredAt'] },
      ],
    },
    {
      name: OPPORTUNITY_VERSIONS,
      indexes: [
        { field: 'opportunityId' },
        { field: 'validFrom' },
        { field: 'validTo' },
        { field: '_position' },
      ],
    },
    { name: STAGE_TOTALS, indexes: [{ field: 'pipelineId' }] },
    { name: CLOSE_TOTALS, indexes: [{ field: 'day' }, { fields: ['pipelineId', 'day'] }] },
    customers.collection,
  ],
  handles: [...OPPORTUNITY_EVENT_TYPES, CUSTOMER_FORGOTTEN],
  async apply(event: RecordedEvent, context) {
    if (event.type === CUSTOMER_FORGOTTEN) return forget(context, event);
    const { opportunityId, customerId } = event.data;
    if (typeof opportunityId !== 'string' || typeof customerId !== 'string') return;
    const previous = await context.get<OpportunityDocument>(OPPORTUNITIES, opportunityId);
    if (previous?._position !== undefined && previous._position >= event.position) return;
    const next = evolveOpportunityDocument(previous, event);
    if (!next) return;
    const forgotten = await customers.track(context, customerId, opportunityId);
    const visible = forgotten ? eraseOpportunity(next) : next;
    context.put(OPPORTUNITIES, { ...visible, _position: event.position });
    await recordHistory(context, previous, next, event.position);
    await recordTotals(context, previous, next);
  },
};
