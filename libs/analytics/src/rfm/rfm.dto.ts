import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';
import { ApiWholeNumber, PageQueryDto } from '@crm/platform';
import { ExactMoneyResponse } from '@crm/sales';
import type { RfmSegment } from './rfm-segments';
import { RFM_SEGMENTS } from './rfm-segments';

/** A calendar date, or a date-time with a zone: what `new Date()` reads the same everywhere. */
const CALENDAR_INSTANT =
  /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

export class RfmQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    example: '2025-07-01T00:00:00Z',
    description: 'Score as of this instant (default now)',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'asOf must be an ISO 8601 date or date-time' })
  @Matches(CALENDAR_INSTANT, { message: 'asOf must look like 2025-07-01 or 2025-07-01T12:00:00Z' })
  asOf?: string;

  @ApiPropertyOptional({ enum: RFM_SEGMENTS, description: 'Only customers of this segment' })
  @IsOptional()
  @IsIn(RFM_SEGMENTS)
  segment?: RfmSegment;
}

class RfmCustomerResponse {
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty({ enum: RFM_SEGMENTS }) segment!: string;
  @ApiWholeNumber({ minimum: 1, maximum: 5, description: 'Recency quintile (5 = most recent)' })
  r!: number;
  @ApiWholeNumber({ minimum: 1, maximum: 5, description: 'Frequency quintile (5 = most orders)' })
  f!: number;
  @ApiWholeNumber({
    minimum: 1,
    maximum: 5,
    description: 'Monetary quintile, best over the customer’s currencies',
  })
  m!: number;
  @ApiWholeNumber({ example: 12, description: 'Whole UTC days since the last order' })
  recencyDays!: number;
  @ApiWholeNumber({ example: 4, description: 'Orders placed and not cancelled' })
  frequency!: number;
  @ApiProperty({ type: [ExactMoneyResponse], description: 'Value per currency, exact' })
  monetary!: ExactMoneyResponse[];
  @ApiProperty({ format: 'date-time' }) lastOrderAt!: string;
}

class SegmentCountResponse {
  @ApiProperty({ enum: RFM_SEGMENTS }) segment!: string;
  @ApiWholeNumber({ example: 42 }) customers!: number;
}

export class RfmReportResponse {
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiWholeNumber({ example: 1200, description: 'Customers with an order by asOf' })
  customers!: number;
  @ApiProperty({ type: [SegmentCountResponse] }) segments!: SegmentCountResponse[];
  @ApiProperty({ type: [RfmCustomerResponse], description: 'By customer id' })
  items!: RfmCustomerResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
