import type { LossReason } from '../domain/opportunity';
import type { Money } from '../domain/money';
import type { StageKind } from '../domain/pipeline-definition';

export const PIPELINE_BOARD_PROJECTION = 'pipeline-board';
/** One document per opportunity: where it stands now. */
export const OPPORTUNITIES = 'pipeline_opportunities';
/** One row per stage an opportunity entered: when it entered and when it left. */
export const STAGE_HISTORY = 'pipeline_stage_history';
/** One row per state an opportunity was in, valid over [validFrom, validTo): what `asOf` reads. */
export const OPPORTUNITY_VERSIONS = 'pipeline_opportunity_versions';
/** Count and Σ amount per pipeline, stage, owner and currency, now: the board without a scan. */
export const STAGE_TOTALS = 'pipeline_stage_totals';
/**
 * Count and Σ amount per pipeline, stage, currency and day, now: the expected close date while
 * open, the day it was won or lost once closed. The forecast reads the days of its period.
 */
export const CLOSE_TOTALS = 'pipeline_close_totals';

/** `validTo` of the version in force now: later than any instant, so ranges on it still work. */
export const STILL_VALID = '9999-12-31T23:59:59.999Z';

export type OpportunityStatus = 'open' | 'won' | 'lost';

export type OpportunityDocument = {
  _id: string;
  opportunityId: string;
  customerId: string;
  title: string;
  pipelineId: string;
  /** The definition the last stage event was decided under. */
  pipelineVersion: number;
  stageId: string;
  stageKind: StageKind;
  /** The stage's probability (%) as the last stage event recorded it. */
  probability: number;
  status: OpportunityStatus;
  amount: Money;
  ownerId: string;
  source: string;
  campaignId: string | null;
  expectedCloseDate: string;
  openedAt: string;
  stageEnteredAt: string;
  closedAt: string | null;
  lossReason: LossReason | null;
  /** The order placed when it was won, when one was. */
  orderId: string | null;
  updatedAt: string;
  /** The customer was forgotten: the title is erased. */
  erased: boolean;
  /** The id of the open stage-history row and of the version in force (bookkeeping). */
  stageEntryId: string;
  versionId: string;
  _position?: number;
};

export type StageEntryDocument = {
  _id: string;
  opportunityId: string;
  customerId: string;
  pipelineId: string;
  pipelineVersion: number;
  stageId: string;
  stageKind: StageKind;
  enteredAt: string;
  /** Null while the opportunity is still in the stage. */
  exitedAt: string | null;
  nextStageId: string | null;
  /** The kind of the next stage, and the definition version the move out was decided under. */
  nextStageKind: StageKind | null;
  nextPipelineVersion: number | null;
  /** The deal as it entered the stage (fixed for won and lost: a closed deal does not change). */
  ownerId: string;
  source: string;
  campaignId: string | null;
  amount: Money;
  openedAt: string;
  _position?: number;
};

export type OpportunityVersionDocument = {
  _id: string;
  opportunityId: string;
  pipelineId: string;
  stageId: string;
  stageKind: StageKind;
  probability: number;
  status: OpportunityStatus;
  amount: Money;
  ownerId: string;
  source: string;
  campaignId: string | null;
  expectedCloseDate: string;
  openedAt: string;
  closedAt: string | null;
  validFrom: string;
  /** STILL_VALID while it is the version in force. */
  validTo: string;
  _position?: number;
};

/** A sum of amounts has no bound: `amount` is a base-10 integer string of minor units. */
export type StageTotalDocument = {
  _id: string;
  pipelineId: string;
  stageId: string;
  stageKind: StageKind;
  probability: number;
  ownerId: string;
  currency: string;
  count: number;
  amount: string;
  _position?: number;
};

export type CloseTotalDocument = {
  _id: string;
  pipelineId: string;
  stageId: string;
  stageKind: StageKind;
  probability: number;
  currency: string;
  /** `YYYY-MM-DD`: expected close date while open, the UTC day it closed once won or lost. */
  day: string;
  count: number;
  amount: string;
  _position?: number;
};
