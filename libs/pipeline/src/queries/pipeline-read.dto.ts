import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { PageQueryDto } from '@crm/platform';
import type { ActivityKind, ActivityStatus } from '../projections/activity.document';
import type { OpportunityStatus } from '../projections/pipeline-board.document';

/** The same shapes the write side accepts (a person's id, a stage id). */
export const PERSON_ID = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,99}$/;
export const STAGE_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;
export const OPPORTUNITY_STATUSES: readonly OpportunityStatus[] = ['open', 'won', 'lost'];
export const ACTIVITY_STATUSES: readonly ActivityStatus[] = ['logged', 'open', 'completed'];
export const ACTIVITY_KINDS: readonly ActivityKind[] = ['call', 'meeting', 'email', 'task'];

export class SearchOpportunitiesDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Includes customers merged into it' })
  @IsOptional()
  @IsUUID()
  customerId?: string;

  @ApiPropertyOptional({ example: 'rep-7', pattern: PERSON_ID.source })
  @IsOptional()
  @IsString()
  @Matches(PERSON_ID, { message: 'owner must be a person id (letters, digits, ._:@-)' })
  owner?: string;

  @ApiPropertyOptional({ example: 'propose', pattern: STAGE_ID.source })
  @IsOptional()
  @IsString()
  @Matches(STAGE_ID, { message: 'stage must be a stage id (a lower-case slug)' })
  stage?: string;

  @ApiPropertyOptional({ enum: OPPORTUNITY_STATUSES })
  @IsOptional()
  @IsIn(OPPORTUNITY_STATUSES)
  status?: OpportunityStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  pipelineId?: string;
}

export class SearchActivitiesDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'rep-7', pattern: PERSON_ID.source })
  @IsOptional()
  @IsString()
  @Matches(PERSON_ID, { message: 'assignee must be a person id (letters, digits, ._:@-)' })
  assignee?: string;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'true: open tasks past their due time now (the follow-up queue); false: the rest',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  overdue?: 'true' | 'false';

  @ApiPropertyOptional({ format: 'uuid', description: 'Includes customers merged into it' })
  @IsOptional()
  @IsUUID()
  customerId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  opportunityId?: string;

  @ApiPropertyOptional({ enum: ACTIVITY_STATUSES })
  @IsOptional()
  @IsIn(ACTIVITY_STATUSES)
  status?: ActivityStatus;

  @ApiPropertyOptional({ enum: ACTIVITY_KINDS })
  @IsOptional()
  @IsIn(ACTIVITY_KINDS)
  kind?: ActivityKind;
}
