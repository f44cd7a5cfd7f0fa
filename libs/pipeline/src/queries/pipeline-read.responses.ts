import { ApiProperty } from '@nestjs/swagger';
import { ApiWholeNumber } from '@crm/platform';
import { LOSS_REASONS } from '../domain/opportunity';
import { STAGE_KINDS } from '../domain/pipeline-definition';
import { ACTIVITY_KINDS, ACTIVITY_STATUSES, OPPORTUNITY_STATUSES } from './pipeline-read.dto';

/** OpenAPI shapes of what the pipeline's GET endpoints answer. */
const instant = { type: String, format: 'date-time' } as const;
const maybeInstant = { ...instant, nullable: true } as const;
const maybeText = { type: String, nullable: true } as const;

export class PipelineMoneyResponse {
  @ApiWholeNumber({ example: 250000, description: 'Integer minor units' }) amount!: number;
  @ApiProperty({ example: 'EUR', description: 'ISO 4217 code' }) currency!: string;
}

export class StageStayResponse {
  @ApiProperty({ example: 'propose' }) stageId!: string;
  @ApiProperty({ enum: STAGE_KINDS }) stageKind!: string;
  @ApiProperty(instant) enteredAt!: string;
  @ApiProperty({ ...maybeInstant, description: 'Null while it is still in the stage' })
  exitedAt!: string | null;
}

export class OpportunityResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) opportunityId!: string;
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty({
    example: 'Fleet renewal',
    description: '"[erased]" once the customer is forgotten',
  })
  title!: string;
  @ApiProperty({ format: 'uuid' }) pipelineId!: string;
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    description: 'Definition the last stage event was decided under',
  })
  pipelineVersion!: number;
  @ApiProperty({ example: 'propose' }) stageId!: string;
  @ApiProperty({ enum: STAGE_KINDS }) stageKind!: string;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: 100,
    description: 'Of the stage, in %, as recorded',
  })
  probability!: number;
  @ApiProperty({ enum: OPPORTUNITY_STATUSES }) status!: string;
  @ApiProperty({ type: PipelineMoneyResponse }) amount!: PipelineMoneyResponse;
  @ApiProperty({ example: 'rep-7' }) ownerId!: string;
  @ApiProperty({ example: 'web' }) source!: string;
  @ApiProperty({ ...maybeText, format: 'uuid' }) campaignId!: string | null;
  @ApiProperty({ example: '2027-03-31', format: 'date' }) expectedCloseDate!: string;
  @ApiProperty(instant) openedAt!: string;
  @ApiProperty(instant) stageEnteredAt!: string;
  @ApiProperty(maybeInstant) closedAt!: string | null;
  @ApiProperty({ enum: LOSS_REASONS, nullable: true }) lossReason!: string | null;
  @ApiProperty({ ...maybeText, format: 'uuid', description: 'The order the win placed' })
  orderId!: string | null;
  @ApiProperty(instant) updatedAt!: string;
  @ApiProperty({ description: 'The customer was forgotten: the title is erased' }) erased!: boolean;
}

export class OpportunityDetailResponse extends OpportunityResponse {
  @ApiProperty({ type: [StageStayResponse], description: 'Every stage it entered, in order' })
  stageHistory!: StageStayResponse[];
}

export class OpportunityPageResponse {
  @ApiProperty({ type: [OpportunityResponse] }) items!: OpportunityResponse[];
  @ApiProperty({ ...maybeText, description: 'Pass as cursor for the next page' })
  nextCursor!: string | null;
}

export class StageResponse {
  @ApiProperty({ example: 'propose' }) stageId!: string;
  @ApiProperty({ example: 'Propose' }) name!: string;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100 }) probability!: number;
  @ApiProperty({ enum: STAGE_KINDS }) kind!: string;
}

export class PipelineVersionResponse {
  @ApiProperty({ type: 'integer', minimum: 1 }) version!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [StageResponse] }) stages!: StageResponse[];
  @ApiProperty({ ...instant, description: 'In force from this instant until the next version' })
  from!: string;
}

export class PipelineResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: 'integer', minimum: 1, description: 'The version in force now' })
  version!: number;
  @ApiProperty({ type: [StageResponse], description: 'In order' }) stages!: StageResponse[];
  @ApiProperty(instant) definedAt!: string;
  @ApiProperty(instant) changedAt!: string;
  @ApiProperty({ type: [PipelineVersionResponse], description: 'Every definition, oldest first' })
  versions!: PipelineVersionResponse[];
}

export class ActivityResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) activityId!: string;
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty({ ...maybeText, format: 'uuid' }) opportunityId!: string | null;
  @ApiProperty({ enum: ACTIVITY_KINDS }) kind!: string;
  @ApiProperty({
    description: '"[erased]" once the customer is forgotten; notes are in the history',
  })
  subject!: string;
  @ApiProperty({ enum: ACTIVITY_STATUSES }) status!: string;
  @ApiProperty(maybeInstant) occurredAt!: string | null;
  @ApiProperty(maybeText) loggedBy!: string | null;
  @ApiProperty(maybeInstant) dueAt!: string | null;
  @ApiProperty(maybeText) assigneeId!: string | null;
  @ApiProperty(maybeInstant) completedAt!: string | null;
  @ApiProperty(maybeText) completedBy!: string | null;
  @ApiProperty(instant) createdAt!: string;
  @ApiProperty() erased!: boolean;
  @ApiProperty({ description: 'An open task past its due time at the moment of the read' })
  overdue!: boolean;
}

export class ActivityPageResponse {
  @ApiProperty({ type: [ActivityResponse] }) items!: ActivityResponse[];
  @ApiProperty({ ...maybeText, description: 'Pass as cursor for the next page' })
  nextCursor!: string | null;
}
