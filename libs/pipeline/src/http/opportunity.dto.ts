import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Trimmed } from '@crm/platform';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCurrencyCode, MAX_ORDER_LINES, OrderLineDto } from '@crm/sales';
import { MAX_OPPORTUNITY_AMOUNT } from '../domain/money';
import type { LossReason } from '../domain/opportunity';
import { LOSS_REASONS } from '../domain/opportunity';
import { STAGE_ID } from './pipeline.dto';

/** Owners, assignees, who logged or completed: the people the calling service names. */
export const PERSON_ID = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,99}$/;
export const PERSON_MESSAGE = (field: string) =>
  `${field} must be 1 to 100 letters, digits or . _ : @ -`;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class OpportunityMoneyDto {
  @ApiProperty({
    example: 1250000,
    minimum: 0,
    maximum: MAX_OPPORTUNITY_AMOUNT,
    description: 'Integer minor units (1250000 = 12,500.00 EUR), at most 10^15',
  })
  @IsInt()
  @Min(0)
  @Max(MAX_OPPORTUNITY_AMOUNT)
  amount!: number;

  @ApiProperty({ example: 'EUR', description: 'ISO 4217 code' })
  @IsCurrencyCode()
  currency!: string;
}

export class ChangeOpportunityAmountDto {
  @ApiProperty({ type: OpportunityMoneyDto })
  @ValidateNested()
  @Type(() => OpportunityMoneyDto)
  amount!: OpportunityMoneyDto;
}

export class ChangeOpportunityCloseDateDto {
  @ApiProperty({ example: '2027-03-31', pattern: DATE.source, description: 'A calendar date' })
  @IsString()
  @Matches(DATE, { message: 'expectedCloseDate must be a date, YYYY-MM-DD' })
  expectedCloseDate!: string;
}

export class ChangeOpportunityOwnerDto {
  @ApiProperty({ example: 'rep-7', pattern: PERSON_ID.source })
  @IsString()
  @Matches(PERSON_ID, { message: PERSON_MESSAGE('ownerId') })
  ownerId!: string;
}

export class OpenOpportunityDto extends ChangeOpportunityOwnerDto {
  @ApiProperty({ format: 'uuid', description: 'An existing customer that has not been forgotten' })
  @IsUUID()
  customerId!: string;

  @ApiProperty({
    format: 'uuid',
    description: 'The pipeline; the deal starts in its first open stage',
  })
  @IsUUID()
  pipelineId!: string;

  @ApiProperty({ example: 'Fleet renewal 2027', minLength: 1, maxLength: 200 })
  @Trimmed()
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiProperty({ type: OpportunityMoneyDto })
  @ValidateNested()
  @Type(() => OpportunityMoneyDto)
  amount!: OpportunityMoneyDto;

  @ApiProperty({ example: '2027-03-31', pattern: DATE.source, description: 'A calendar date' })
  @IsString()
  @Matches(DATE, { message: 'expectedCloseDate must be a date, YYYY-MM-DD' })
  expectedCloseDate!: string;

  @ApiProperty({ example: 'referral', pattern: '^[a-z0-9][a-z0-9_-]{0,39}$' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9_-]{0,39}$/, {
    message: 'source must be a lower-case slug of 1 to 40 characters',
  })
  source!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'The campaign the deal came from; not checked here: a deal whose campaign does not exist when it opens is never credited to it',
  })
  @IsOptional()
  @IsUUID()
  campaignId?: string;
}

export class MoveOpportunityStageDto {
  @ApiProperty({ example: 'propose', description: 'An open stage of the definition in force' })
  @IsString()
  @Matches(STAGE_ID, { message: 'stageId must be a lower-case slug of 1 to 64 characters' })
  stageId!: string;
}

export class WinOrderDto {
  @ApiPropertyOptional({ example: 'EUR', description: 'Defaults to the opportunity’s currency' })
  @IsOptional()
  @IsCurrencyCode()
  currency?: string;

  @ApiProperty({ type: [OrderLineDto], minItems: 1, maxItems: MAX_ORDER_LINES })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ORDER_LINES)
  @ValidateNested({ each: true })
  @Type(() => OrderLineDto)
  lines!: OrderLineDto[];

  @ApiPropertyOptional({ format: 'uuid', description: 'Defaults to the opportunity’s campaign' })
  @IsOptional()
  @IsUUID()
  campaignId?: string;
}

export class WinOpportunityDto {
  @ApiPropertyOptional({
    type: WinOrderDto,
    description:
      'Places this order for the customer through the sales context (as POST /orders does); the win and the order record each other',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => WinOrderDto)
  order?: WinOrderDto;
}

export class LoseOpportunityDto {
  @ApiProperty({ enum: LOSS_REASONS, example: 'competitor' })
  @IsIn(LOSS_REASONS)
  reason!: LossReason;
}
