import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';
import { FreshnessQueryDto } from '@crm/platform';
import { IsCurrencyCode } from '@crm/sales';
import { CALENDAR_DAY, asOfInstant, checkPeriod, endOf, startOf } from '../period';
import { InstantQuery } from '../period.decorators';
import type { BoardGrouping } from './board-figures';
import type { BoardQuery, ForecastQuery } from './board.reads';

export const BOARD_GROUPINGS: readonly BoardGrouping[] = ['stage', 'owner'];
/** A forecast covers at most a year and a day (a leap year's 366 days). */
export const MAX_FORECAST_DAYS = 366;

const Day = (name: 'from' | 'to', description: string) => (target: object, key: string) => {
  ApiProperty({
    example: name === 'from' ? '2026-07-01' : '2026-09-30',
    format: 'date',
    description,
  })(target, key);
  Matches(CALENDAR_DAY, { message: `${name} must be a day, YYYY-MM-DD` })(target, key);
  IsISO8601({ strict: true }, { message: `${name} must be a real calendar day` })(target, key);
};

class PipelineScopeDto extends FreshnessQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this pipeline' })
  @IsOptional()
  @IsUUID()
  pipelineId?: string;

  @ApiPropertyOptional({ example: 'EUR', description: 'Only this ISO 4217 currency' })
  @IsOptional()
  @IsCurrencyCode()
  currency?: string;

  @InstantQuery('asOf', {
    example: '2026-06-30T12:00:00Z',
    description:
      'See the pipeline as it stood at this instant (a bare date: its midnight UTC); default now',
    required: false,
  })
  asOf?: string;
}

export class PipelineBoardQueryDto extends PipelineScopeDto {
  @ApiPropertyOptional({
    enum: BOARD_GROUPINGS,
    default: 'stage',
    description: 'owner: each stage also per owner',
  })
  @IsOptional()
  @IsIn(BOARD_GROUPINGS)
  by?: BoardGrouping;
}

export class PipelineForecastQueryDto extends PipelineScopeDto {
  @Day('from', 'First day of the period (UTC), included')
  from!: string;

  @Day('to', `Last day of the period (UTC), included; at most ${MAX_FORECAST_DAYS} days in all`)
  to!: string;
}

export const toBoardQuery = (dto: PipelineBoardQueryDto, now: string): BoardQuery => ({
  by: dto.by ?? 'stage',
  pipelineId: dto.pipelineId,
  currency: dto.currency,
  asOf: asOfInstant(dto.asOf),
  now,
});

export const toForecastQuery = (dto: PipelineForecastQueryDto, now: string): ForecastQuery => {
  checkPeriod(startOf(dto.from), endOf(dto.to), MAX_FORECAST_DAYS);
  return {
    from: dto.from,
    to: dto.to,
    pipelineId: dto.pipelineId,
    currency: dto.currency,
    asOf: asOfInstant(dto.asOf),
    now,
  };
};
