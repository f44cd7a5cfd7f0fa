import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Trimmed } from '@crm/platform';
import {
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import type { LoggedActivityKind } from '../domain/activity';
import { LOGGED_ACTIVITY_KINDS } from '../domain/activity';
import { PERSON_ID, PERSON_MESSAGE } from './opportunity.dto';

/** An instant with its offset, as the activity decider reads it. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const dateTimeMessage = (field: string) =>
  `${field} must be an ISO 8601 date-time with an offset, e.g. 2027-01-15T09:30:00Z`;
export const MAX_NOTES = 10_000;

/** What an activity is about: a customer, one of its opportunities, or both (they must agree). */
class ActivityAboutDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The customer; may be left out when opportunityId is given',
  })
  @IsOptional()
  @IsUUID()
  customerId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'One of the customer’s opportunities' })
  @IsOptional()
  @IsUUID()
  opportunityId?: string;

  @ApiProperty({ example: 'Pricing call with procurement', minLength: 1, maxLength: 200 })
  @Trimmed()
  @IsString()
  @Length(1, 200)
  subject!: string;

  @ApiPropertyOptional({
    maxLength: MAX_NOTES,
    description: 'Personal data: sealed with the customer’s key, erased when they are forgotten',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_NOTES)
  notes?: string;
}

export class LogActivityDto extends ActivityAboutDto {
  @ApiProperty({ enum: LOGGED_ACTIVITY_KINDS, example: 'call' })
  @IsIn(LOGGED_ACTIVITY_KINDS)
  kind!: LoggedActivityKind;

  @ApiProperty({
    format: 'date-time',
    example: '2027-01-15T09:30:00Z',
    description: 'When it happened',
  })
  @IsString()
  @Matches(DATE_TIME, { message: dateTimeMessage('occurredAt') })
  @IsISO8601({ strict: true })
  occurredAt!: string;

  @ApiProperty({ example: 'rep-7', pattern: PERSON_ID.source })
  @IsString()
  @Matches(PERSON_ID, { message: PERSON_MESSAGE('loggedBy') })
  loggedBy!: string;
}

export class RescheduleTaskDto {
  @ApiProperty({ format: 'date-time', example: '2027-01-20T17:00:00Z' })
  @IsString()
  @Matches(DATE_TIME, { message: dateTimeMessage('dueAt') })
  @IsISO8601({ strict: true })
  dueAt!: string;
}

export class ReassignTaskDto {
  @ApiProperty({ example: 'rep-7', pattern: PERSON_ID.source })
  @IsString()
  @Matches(PERSON_ID, { message: PERSON_MESSAGE('assigneeId') })
  assigneeId!: string;
}

export class ScheduleTaskDto extends ActivityAboutDto {
  @ApiProperty({ format: 'date-time', example: '2027-01-20T17:00:00Z' })
  @IsString()
  @Matches(DATE_TIME, { message: dateTimeMessage('dueAt') })
  @IsISO8601({ strict: true })
  dueAt!: string;

  @ApiProperty({ example: 'rep-7', pattern: PERSON_ID.source })
  @IsString()
  @Matches(PERSON_ID, { message: PERSON_MESSAGE('assigneeId') })
  assigneeId!: string;
}

export class CompleteTaskDto {
  @ApiProperty({ example: 'rep-7', pattern: PERSON_ID.source })
  @IsString()
  @Matches(PERSON_ID, { message: PERSON_MESSAGE('completedBy') })
  completedBy!: string;
}
