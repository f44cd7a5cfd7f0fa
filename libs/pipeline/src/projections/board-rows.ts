import type {
  CloseTotalDocument,
  OpportunityDocument,
  OpportunityVersionDocument,
  StageEntryDocument,
  StageTotalDocument,
} from './pipeline-board.document';
import { STILL_VALID } from './pipeline-board.document';

/**
 * Pure: the rows of the board's history and totals an opportunity document stands for. The
 * projection diffs them between the document before and after an event.
 */

export const stageTotalId = (d: OpportunityDocument): string =>
  [d.pipelineId, d.stageId, d.ownerId, d.amount.currency].join('|');

export const closeDay = (d: OpportunityDocument): string =>
  d.closedAt === null ? d.expectedCloseDate : d.closedAt.slice(0, 10);

export const closeTotalId = (d: OpportunityDocument): string =>
  [d.pipelineId, d.stageId, d.amount.currency, closeDay(d)].join('|');

export const emptyStageTotal = (d: OpportunityDocument): StageTotalDocument => ({
  _id: stageTotalId(d),
  pipelineId: d.pipelineId,
  stageId: d.stageId,
  stageKind: d.stageKind,
  probability: d.probability,
  ownerId: d.ownerId,
  currency: d.amount.currency,
  count: 0,
  amount: '0',
});

export const emptyCloseTotal = (d: OpportunityDocument): CloseTotalDocument => ({
  _id: closeTotalId(d),
  pipelineId: d.pipelineId,
  stageId: d.stageId,
  stageKind: d.stageKind,
  probability: d.probability,
  currency: d.amount.currency,
  day: closeDay(d),
  count: 0,
  amount: '0',
});

/** Adds (sign 1) or removes (sign -1) one opportunity from a total, exactly. */
export const addTo = <T extends { count: number; amount: string }>(
  total: T,
  d: OpportunityDocument,
  sign: 1 | -1,
): T => ({
  ...total,
  count: total.count + sign,
  amount: (BigInt(total.amount) + BigInt(sign) * BigInt(d.amount.amount)).toString(),
  // The latest probability seen for the stage: the fallback when a definition lacks the stage.
  ...(sign === 1 ? { probability: d.probability, stageKind: d.stageKind } : {}),
});

export const stageEntry = (d: OpportunityDocument): StageEntryDocument => ({
  _id: d.stageEntryId,
  opportunityId: d.opportunityId,
  customerId: d.customerId,
  pipelineId: d.pipelineId,
  pipelineVersion: d.pipelineVersion,
  stageId: d.stageId,
  stageKind: d.stageKind,
  enteredAt: d.stageEnteredAt,
  exitedAt: null,
  nextStageId: null,
  nextStageKind: null,
  nextPipelineVersion: null,
  ownerId: d.ownerId,
  source: d.source,
  campaignId: d.campaignId,
  amount: d.amount,
  openedAt: d.openedAt,
});

export const version = (d: OpportunityDocument): OpportunityVersionDocument => ({
  _id: d.versionId,
  opportunityId: d.opportunityId,
  pipelineId: d.pipelineId,
  stageId: d.stageId,
  stageKind: d.stageKind,
  probability: d.probability,
  status: d.status,
  amount: d.amount,
  ownerId: d.ownerId,
  source: d.source,
  campaignId: d.campaignId,
  expectedCloseDate: d.expectedCloseDate,
  openedAt: d.openedAt,
  closedAt: d.closedAt,
  validFrom: d.updatedAt,
  validTo: STILL_VALID,
});
