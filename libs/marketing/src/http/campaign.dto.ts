import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { OneOfKnown, PageQueryDto, Trimmed } from '@crm/platform';
import { IsCurrencyCode, MAX_AMOUNT } from '@crm/sales';
import type { AudienceRule, TagMatch } from '../domain/audience-rule';
import { MAX_RECENCY_DAYS, MAX_RULE_TAGS, TAG_MATCHES } from '../domain/audience-rule';
import type { CampaignChannel, CampaignStatus, ResponseKind } from '../domain/campaign';
import { CAMPAIGN_CHANNELS, CAMPAIGN_STATUSES, RESPONSE_KINDS } from '../domain/campaign';
import { MAX_ATTRIBUTION_WINDOW_DAYS, MAX_CAMPAIGN_NAME } from '../domain/campaign.decider';
import { HasOneOf, IsAfterField, IsNotBelowField } from './campaign.validators';

/** The same rule as customer tags, so a rule can name any tag a customer can carry. */
const TAG = /^[a-z0-9][a-z0-9_:-]{0,39}$/;
const SEGMENT = /^[a-z][a-z_]{0,39}$/;
const NO_CONTROL_CHARS = /^[^\u0000-\u001f\u007f]*$/;
const CRITERIA = ['tags', 'segment', 'value', 'lastOrder'] as const;

export class CostDto {
  @ApiProperty({
    example: 50000,
    minimum: 0,
    maximum: MAX_AMOUNT,
    description: 'Integer minor units (50000 = 500.00 EUR), at most 10^15',
  })
  @IsInt()
  @Min(0)
  @Max(MAX_AMOUNT)
  amount!: number;

  @ApiProperty({ example: 'EUR', description: 'ISO 4217 code' })
  @IsCurrencyCode()
  currency!: string;
}

export class ValueRangeDto {
  @ApiProperty({ example: 'EUR', description: 'Customer value counted in this currency only' })
  @IsCurrencyCode()
  currency!: string;

  @ApiPropertyOptional({ example: 10000, minimum: 0, description: 'Inclusive, minor units' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  min?: number;

  @ApiPropertyOptional({ example: 500000, minimum: 0, description: 'Inclusive, minor units' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  @IsNotBelowField('min')
  max?: number;
}

export class LastOrderDto {
  @ApiPropertyOptional({ example: 0, minimum: 0, maximum: MAX_RECENCY_DAYS })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_RECENCY_DAYS)
  minDaysAgo?: number;

  @ApiPropertyOptional({ example: 90, minimum: 0, maximum: MAX_RECENCY_DAYS })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_RECENCY_DAYS)
  @IsNotBelowField('minDaysAgo')
  maxDaysAgo?: number;
}

/** Criteria are ANDed; at least one is required. Only live customers are ever included. */
export class AudienceRuleDto {
  @ApiPropertyOptional({ example: ['vip'], minItems: 1, maxItems: MAX_RULE_TAGS })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_RULE_TAGS)
  @Matches(TAG, { each: true, message: 'each tag must match ^[a-z0-9][a-z0-9_:-]{0,39}$' })
  tags?: string[];

  @ApiPropertyOptional({ enum: TAG_MATCHES, default: 'any', description: 'Any or all of the tags' })
  @IsOptional()
  @IsIn(TAG_MATCHES)
  tagsMatch?: TagMatch;

  @ApiPropertyOptional({ example: 'champions', description: 'An RFM segment, as of the launch' })
  @OneOfKnown('segment')
  @IsOptional()
  @IsString()
  @Matches(SEGMENT, { message: 'segment must be an RFM segment name such as champions' })
  segment?: string;

  @ApiPropertyOptional({ type: ValueRangeDto, description: 'Customer value range' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ValueRangeDto)
  @HasOneOf(['min', 'max'])
  value?: ValueRangeDto;

  @ApiPropertyOptional({ type: LastOrderDto, description: 'Days since the last live order' })
  @IsOptional()
  @ValidateNested()
  @Type(() => LastOrderDto)
  @HasOneOf(['minDaysAgo', 'maxDaysAgo'])
  lastOrder?: LastOrderDto;
}

export class PlanCampaignDto {
  @ApiProperty({ example: 'Spring sale', minLength: 1, maxLength: MAX_CAMPAIGN_NAME })
  @Trimmed()
  @IsString()
  @Length(1, MAX_CAMPAIGN_NAME)
  @Matches(NO_CONTROL_CHARS, { message: 'name must not contain control characters' })
  name!: string;

  @ApiProperty({ enum: CAMPAIGN_CHANNELS })
  @IsIn(CAMPAIGN_CHANNELS)
  channel!: CampaignChannel;

  @ApiProperty({ type: CostDto })
  @IsObject()
  @ValidateNested()
  @Type(() => CostDto)
  cost!: CostDto;

  @ApiProperty({ format: 'date-time', example: '2026-04-01T00:00:00Z' })
  @IsISO8601({ strict: true })
  startsAt!: string;

  @ApiProperty({ format: 'date-time', example: '2026-04-30T23:59:59Z' })
  @IsISO8601({ strict: true })
  @IsAfterField('startsAt')
  endsAt!: string;

  @ApiProperty({
    example: 14,
    minimum: 0,
    maximum: MAX_ATTRIBUTION_WINDOW_DAYS,
    description: 'Orders placed from launch until endsAt + this many days may convert',
  })
  @IsInt()
  @Min(0)
  @Max(MAX_ATTRIBUTION_WINDOW_DAYS)
  attributionWindowDays!: number;

  @ApiProperty({ type: AudienceRuleDto })
  @IsObject()
  @ValidateNested()
  @Type(() => AudienceRuleDto)
  @HasOneOf(CRITERIA)
  audience!: AudienceRuleDto;
}

export class RecordResponseDto {
  @ApiProperty({ format: 'uuid', description: 'A customer in the campaign’s launched audience' })
  @IsUUID('all', { message: 'customerId must be a UUID' })
  customerId!: string;

  @ApiProperty({ enum: RESPONSE_KINDS })
  @IsIn(RESPONSE_KINDS)
  kind!: ResponseKind;
}

export class SearchCampaignsDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CAMPAIGN_STATUSES })
  @IsOptional()
  @IsIn(CAMPAIGN_STATUSES)
  status?: CampaignStatus;

  @ApiPropertyOptional({ enum: CAMPAIGN_CHANNELS })
  @IsOptional()
  @IsIn(CAMPAIGN_CHANNELS)
  channel?: CampaignChannel;
}

export const toAudienceRule = (dto: AudienceRuleDto): AudienceRule => ({
  tags: dto.tags ? { match: dto.tagsMatch ?? 'any', values: [...new Set(dto.tags)].sort() } : null,
  segment: dto.segment ?? null,
  value: dto.value
    ? { currency: dto.value.currency, min: dto.value.min ?? null, max: dto.value.max ?? null }
    : null,
  lastOrder: dto.lastOrder
    ? { minDaysAgo: dto.lastOrder.minDaysAgo ?? null, maxDaysAgo: dto.lastOrder.maxDaysAgo ?? null }
    : null,
});
