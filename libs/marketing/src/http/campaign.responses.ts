import { ApiWholeNumber } from '@crm/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ExactMoneyResponse } from '@crm/sales';
import { TAG_MATCHES } from '../domain/audience-rule';
import { CAMPAIGN_CHANNELS, CAMPAIGN_STATUSES } from '../domain/campaign';

/** OpenAPI shapes of what the campaign queries answer. */
export class CampaignMoney {
  @ApiWholeNumber({ example: 50000, description: 'Integer minor units' }) amount!: number;
  @ApiProperty({ example: 'EUR', description: 'ISO 4217 code' }) currency!: string;
}

class TagsCriterion {
  @ApiProperty({ enum: TAG_MATCHES }) match!: string;
  @ApiProperty({ example: ['vip'] }) values!: string[];
}

class ValueCriterion {
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiWholeNumber({ required: false, nullable: true }) min!: number | null;
  @ApiWholeNumber({ required: false, nullable: true }) max!: number | null;
}

class LastOrderCriterion {
  @ApiWholeNumber({ required: false, nullable: true }) minDaysAgo!: number | null;
  @ApiWholeNumber({ required: false, nullable: true }) maxDaysAgo!: number | null;
}

export class AudienceRuleResponse {
  @ApiPropertyOptional({ nullable: true, type: TagsCriterion }) tags!: TagsCriterion | null;
  @ApiPropertyOptional({ nullable: true, type: String }) segment!: string | null;
  @ApiPropertyOptional({ nullable: true, type: ValueCriterion }) value!: ValueCriterion | null;
  @ApiPropertyOptional({ nullable: true, type: LastOrderCriterion })
  lastOrder!: LastOrderCriterion | null;
}

export class CampaignResponse {
  @ApiProperty({ format: 'uuid' }) campaignId!: string;
  @ApiProperty({ example: 'Spring sale' }) name!: string;
  @ApiProperty({ enum: CAMPAIGN_CHANNELS }) channel!: string;
  @ApiProperty({ enum: CAMPAIGN_STATUSES }) status!: string;
  @ApiProperty({ type: CampaignMoney }) cost!: CampaignMoney;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiWholeNumber({ example: 14 }) attributionWindowDays!: number;
  @ApiProperty({ type: AudienceRuleResponse }) audienceRule!: AudienceRuleResponse;
  @ApiWholeNumber({ description: 'Customers in the audience fixed at launch; 0 before' })
  audienceSize!: number;
  @ApiWholeNumber({ required: false, nullable: true, description: 'Log position resolved at' })
  audienceResolvedAt!: number | null;
  @ApiProperty({ format: 'date-time' }) plannedAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' })
  launchedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' })
  completedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' })
  cancelledAt!: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'endsAt + attributionWindowDays: the last instant an order can convert',
  })
  attributionEndsAt!: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

class ResponseCounts {
  @ApiWholeNumber({ description: 'Distinct customers' }) opened!: number;
  @ApiWholeNumber() clicked!: number;
  @ApiWholeNumber() replied!: number;
  @ApiWholeNumber() unsubscribed!: number;
}

export class CurrencyResultsResponse {
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiWholeNumber({ description: 'Live conversions (not cancelled, not fully refunded)' })
  conversions!: number;
  @ApiProperty({
    type: ExactMoneyResponse,
    description:
      'Σ order totals − refunds of live conversions; a sum over many orders, so exact: ' +
      '`amountExact` always, `amount` null past 2^53 − 1',
  })
  attributedRevenue!: ExactMoneyResponse;
  @ApiProperty({
    type: CampaignMoney,
    description: 'The campaign cost if in this currency, else 0',
  })
  cost!: CampaignMoney;
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    example: 0.5,
    description:
      '(attributed revenue − cost) / cost, computed exactly and rounded half up to 4 decimals',
  })
  roi!: number | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Why roi is null' })
  roiUnavailableReason!: string | null;
}

export class CampaignOpportunitiesResponse {
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Opened with this campaign' })
  opened!: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Still open now' }) open!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) won!: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Lost now (a reopened one is open)' })
  lost!: number;
  @ApiProperty({
    type: 'number',
    nullable: true,
    minimum: 0,
    maximum: 1,
    description: 'won / (won + lost), to 4 decimals; null when none closed',
  })
  winRate!: number | null;
  @ApiProperty({
    type: [ExactMoneyResponse],
    description:
      'Σ deal amount of the won opportunities per currency: shown beside attributedRevenue, never added to it or to ROI',
  })
  pipelineRevenue!: ExactMoneyResponse[];
}

export class CampaignResultsResponse {
  @ApiProperty({ format: 'uuid' }) campaignId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: CAMPAIGN_CHANNELS }) channel!: string;
  @ApiProperty({ enum: CAMPAIGN_STATUSES }) status!: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' })
  launchedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' })
  attributionEndsAt!: string | null;
  @ApiWholeNumber() audienceSize!: number;
  @ApiProperty({ type: ResponseCounts }) responses!: ResponseCounts;
  @ApiWholeNumber({ description: 'Distinct customers with any response' }) respondents!: number;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'respondents / audienceSize' })
  responseRate!: number | null;
  @ApiWholeNumber({ description: 'Live conversions over every currency' }) conversions!: number;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'conversions / audienceSize' })
  conversionRate!: number | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Why the rates are null' })
  ratesUnavailableReason!: string | null;
  @ApiProperty({ type: CampaignMoney }) cost!: CampaignMoney;
  @ApiProperty({ type: [CurrencyResultsResponse] }) byCurrency!: CurrencyResultsResponse[];
  @ApiProperty({
    type: CampaignOpportunitiesResponse,
    description:
      'The pipeline’s opportunities opened with this campaign (campaignId on the deal). A won deal ' +
      'whose order is attributed to this campaign shows in both figures, each its own way: ' +
      'attributedRevenue and ROI from the order’s total, pipelineRevenue from the deal’s amount; ' +
      'the two are never summed.',
  })
  opportunities!: CampaignOpportunitiesResponse;
}

export class CampaignResultsPageResponse {
  @ApiProperty({ type: [CampaignResultsResponse] }) items!: CampaignResultsResponse[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as cursor for the next page' })
  nextCursor!: string | null;
}
