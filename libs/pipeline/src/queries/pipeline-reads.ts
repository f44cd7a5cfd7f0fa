import { NotFoundException } from '@nestjs/common';
import { customerGroup } from '@crm/customers';
import type { DocumentStore, Filter } from '@crm/documents';
import type { Stage } from '../domain/pipeline-definition';
import type {
  ActivityDocument,
  ActivityKind,
  ActivityStatus,
} from '../projections/activity.document';
import { ACTIVITIES } from '../projections/activity.document';
import type {
  OpportunityDocument,
  OpportunityStatus,
  StageEntryDocument,
} from '../projections/pipeline-board.document';
import { OPPORTUNITIES, STAGE_HISTORY } from '../projections/pipeline-board.document';
import type {
  DefinitionVersion,
  PipelineDefinitionDocument,
} from '../projections/pipeline-definitions.projection';
import { PIPELINE_DEFINITIONS } from '../projections/pipeline-definitions.projection';

/** What the pipeline's GET endpoints answer: the documents without their bookkeeping. */

export type StageStay = Pick<
  StageEntryDocument,
  'stageId' | 'stageKind' | 'enteredAt' | 'exitedAt'
>;

export type OpportunityView = Omit<
  OpportunityDocument,
  '_id' | '_position' | 'stageEntryId' | 'versionId'
> & { id: string };

export type OpportunityDetailView = OpportunityView & { stageHistory: StageStay[] };

export type PipelineView = {
  id: string;
  name: string;
  version: number;
  stages: readonly Stage[];
  definedAt: string;
  changedAt: string;
  versions: DefinitionVersion[];
};

export type ActivityView = Omit<ActivityDocument, '_id' | '_position' | 'when'> & {
  id: string;
  /** An open task past its due time, at the moment of the read. */
  overdue: boolean;
};

export type Page<T> = { items: T[]; nextCursor: string | null };

export const toOpportunityView = (document: OpportunityDocument): OpportunityView => {
  const { _id, _position: _ignored, stageEntryId: _entry, versionId: _version, ...view } = document;
  return { id: _id, ...view };
};

export const getOpportunity = async (
  documents: DocumentStore,
  opportunityId: string,
): Promise<OpportunityDetailView> => {
  const document = await documents.get<OpportunityDocument>(OPPORTUNITIES, opportunityId);
  if (!document) throw new NotFoundException(`opportunity ${opportunityId} does not exist`);
  const history = await documents.find<StageEntryDocument>(
    STAGE_HISTORY,
    { opportunityId },
    { sort: { enteredAt: 1 }, limit: 10_000 },
  );
  const stageHistory = history.items.map(({ stageId, stageKind, enteredAt, exitedAt }) => ({
    stageId,
    stageKind,
    enteredAt,
    exitedAt,
  }));
  return { ...toOpportunityView(document), stageHistory };
};

export type OpportunitySearch = {
  customerId?: string;
  ownerId?: string;
  stageId?: string;
  status?: OpportunityStatus;
  pipelineId?: string;
  limit: number;
  cursor?: string;
};

/** Newest first; a customer's opportunities include those of the customers merged into it. */
export const searchOpportunities = async (
  documents: DocumentStore,
  search: OpportunitySearch,
): Promise<Page<OpportunityView>> => {
  const filter: Filter = {};
  if (search.customerId)
    filter.customerId = { $in: await customerGroup(documents, search.customerId) };
  if (search.ownerId) filter.ownerId = search.ownerId;
  if (search.stageId) filter.stageId = search.stageId;
  if (search.status) filter.status = search.status;
  if (search.pipelineId) filter.pipelineId = search.pipelineId;
  const page = await documents.find<OpportunityDocument>(OPPORTUNITIES, filter, {
    sort: { openedAt: -1 },
    limit: search.limit,
    cursor: search.cursor,
  });
  return { items: page.items.map(toOpportunityView), nextCursor: page.nextCursor };
};

export const getPipeline = async (
  documents: DocumentStore,
  pipelineId: string,
): Promise<PipelineView> => {
  const document = await documents.get<PipelineDefinitionDocument>(
    PIPELINE_DEFINITIONS,
    pipelineId,
  );
  if (!document) throw new NotFoundException(`pipeline ${pipelineId} does not exist`);
  const { name, version, stages, definedAt, changedAt, versions } = document;
  return { id: pipelineId, name, version, stages, definedAt, changedAt, versions };
};

export type ActivitySearch = {
  assigneeId?: string;
  /** true: open tasks past due now; false: everything else. */
  overdue?: boolean;
  customerId?: string;
  opportunityId?: string;
  status?: ActivityStatus;
  kind?: ActivityKind;
  now: string;
  limit: number;
  cursor?: string;
};

export const toActivityView = (document: ActivityDocument, now: string): ActivityView => {
  const { _id, _position: _ignored, when, ...view } = document;
  return { id: _id, ...view, overdue: document.status === 'open' && when < now };
};

/** The follow-up queue: what is due (or happened) first comes first; overdue is decided now. */
export const searchActivities = async (
  documents: DocumentStore,
  search: ActivitySearch,
): Promise<Page<ActivityView>> => {
  const filter: Filter = {};
  if (search.assigneeId) filter.assigneeId = search.assigneeId;
  if (search.customerId)
    filter.customerId = { $in: await customerGroup(documents, search.customerId) };
  if (search.opportunityId) filter.opportunityId = search.opportunityId;
  if (search.kind) filter.kind = search.kind;
  if (search.status) filter.status = search.status;
  if (search.overdue === true) {
    filter.status = search.status && search.status !== 'open' ? { $in: [] } : 'open';
    filter.when = { $lt: search.now };
  }
  const conditions: Filter[] = [filter];
  if (search.overdue === false) {
    conditions.push({ $or: [{ status: { $ne: 'open' } }, { when: { $gte: search.now } }] });
  }
  const page = await documents.find<ActivityDocument>(
    ACTIVITIES,
    conditions.length === 1 ? filter : { $and: conditions },
    { sort: { when: 1 }, limit: search.limit, cursor: search.cursor },
  );
  return {
    items: page.items.map((document) => toActivityView(document, search.now)),
    nextCursor: page.nextCursor,
  };
};
