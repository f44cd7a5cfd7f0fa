import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { PageQueryDto, Trimmed } from '@crm/platform';
import type { ReplyAuthor, TicketChannel, TicketPriority, TicketStatus } from '../domain/ticket';
import {
  REPLY_AUTHORS,
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
} from '../domain/ticket';

const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

/** Categories are slugs so they group cleanly in analytics. */
export const CATEGORY = /^[a-z0-9][a-z0-9_-]{0,39}$/;
export const AGENT_ID = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,99}$/;
const NO_CONTROL_CHARS = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;
const CATEGORY_MESSAGE = 'category must be a lower-case slug matching ^[a-z0-9][a-z0-9_-]{0,39}$';
const AGENT_MESSAGE = 'agentId must be 1 to 100 letters, digits or . _ : @ -';

export class OpenTicketDto {
  @ApiProperty({ format: 'uuid', description: 'An existing customer that was not forgotten' })
  @IsUUID('all', { message: 'customerId must be a UUID' })
  customerId!: string;

  @ApiProperty({ example: 'Charged twice', minLength: 1, maxLength: 200 })
  @Trimmed()
  @IsString()
  @Length(1, 200)
  @Matches(NO_CONTROL_CHARS, { message: 'subject must not contain control characters' })
  subject!: string;

  @ApiProperty({ example: 'My February invoice shows the same charge twice.', maxLength: 10000 })
  @Trimmed()
  @IsString()
  @Length(1, 10000)
  description!: string;

  @ApiProperty({ example: 'billing', pattern: CATEGORY.source })
  @IsString()
  @Matches(CATEGORY, { message: CATEGORY_MESSAGE })
  category!: string;

  @ApiProperty({ enum: TICKET_CHANNELS })
  @IsIn(TICKET_CHANNELS)
  channel!: TicketChannel;

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES, default: 'normal' })
  @IsOptional()
  @IsIn(TICKET_PRIORITIES)
  priority?: TicketPriority;
}

export class ClassifyTicketDto {
  @ApiProperty({ example: 'technical', pattern: CATEGORY.source })
  @IsString()
  @Matches(CATEGORY, { message: CATEGORY_MESSAGE })
  category!: string;

  @ApiProperty({
    enum: TICKET_PRIORITIES,
    description: 'Moves the SLA due times, counted from opening',
  })
  @IsIn(TICKET_PRIORITIES)
  priority!: TicketPriority;
}

export class AssignTicketDto {
  @ApiProperty({ example: 'agent-17', pattern: AGENT_ID.source })
  @IsString()
  @Matches(AGENT_ID, { message: AGENT_MESSAGE })
  agentId!: string;
}

export class AddReplyDto {
  @ApiProperty({
    enum: REPLY_AUTHORS,
    description: 'The first agent reply stops the first-response clock',
  })
  @IsIn(REPLY_AUTHORS)
  author!: ReplyAuthor;

  @ApiProperty({ example: 'We have refunded the duplicate charge.', maxLength: 10000 })
  @Trimmed()
  @IsString()
  @Length(1, 10000)
  text!: string;
}

export class ResolveTicketDto {
  @ApiProperty({ example: 'Refunded the duplicate charge', maxLength: 5000 })
  @Trimmed()
  @IsString()
  @Length(1, 5000)
  resolution!: string;
}

export class ReopenTicketDto {
  @ApiPropertyOptional({ example: 'Charged again in March', maxLength: 2000 })
  @IsOptional()
  @Trimmed()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}

export class RateSatisfactionDto {
  @ApiProperty({
    minimum: 1,
    maximum: 5,
    example: 4,
    description: 'Integer; 4 and 5 count as satisfied (CSAT)',
  })
  @IsInt({ message: 'score must be an integer from 1 to 5' })
  @Min(1)
  @Max(5)
  score!: number;

  @ApiPropertyOptional({ example: 'Quick and friendly', maxLength: 2000 })
  @IsOptional()
  @Trimmed()
  @IsString()
  @Length(1, 2000)
  comment?: string;
}

export class SearchTicketsDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: TICKET_STATUSES })
  @IsOptional()
  @IsIn(TICKET_STATUSES)
  status?: TicketStatus;

  @ApiPropertyOptional({ example: 'agent-17' })
  @IsOptional()
  @IsString()
  @Matches(AGENT_ID, { message: AGENT_MESSAGE })
  agentId?: string;

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES })
  @IsOptional()
  @IsIn(TICKET_PRIORITIES)
  priority?: TicketPriority;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'customerId must be a UUID' })
  customerId?: string;

  @ApiPropertyOptional({
    type: Boolean,
    description: 'true: a first-response or resolution target is breached now',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'breached must be true or false' })
  breached?: boolean;

  @ApiPropertyOptional({
    type: Boolean,
    description: 'true: a running target is past 75% of its time but not due yet',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'atRisk must be true or false' })
  atRisk?: boolean;
}
