import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';
import { FreshnessQueryDto, RequestValidationError } from '@crm/platform';
import { IsCurrencyCode } from '@crm/sales';
import type { BoardGrouping } from './board-figures';
import type { BoardQuery, ForecastQuery } from './board.reads';

export const BOARD_GROUPINGS: readonly BoardGrouping[] = ['stage', 'owner'];
/** A forecast covers at most a year and a day (a leap year's 366 days). */
export const MAX_FORECAST_DAYS = 366;

/** A calendar date, or a date-time with a zone: what `new Date()` reads the same everywhere. */
const CALENDAR_INSTANT =
  /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;
const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

const AsOf = () => (target: object, key: string) => {
  ApiPropertyOptional({
    example: '2026-06-30T12:00:00Z',
    description:
      'See the pipeline as it stood at this instant (a bare date: its midnight UTC); default now',
  })(target, key);
  IsOptional()(target, key);
  IsISO8601({ strict: true }, { message: 'asOf must be an ISO 8601 date or date-time' })(
    target,
    key,
  );
  Matches(CALENDAR_INSTANT, { message: 'asOf must look like 2026-06-30 or 2026-06-30T12:00:00Z' })(
    target,
    key,
  );
};

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

  @AsOf()
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

const instant = (value: string | undefined): string | null =>
  value === undefined ? null : new Date(Date.parse(value)).toISOString();

export const toBoardQuery = (dto: PipelineBoardQueryDto, now: string): BoardQuery => ({
  by: dto.by ?? 'stage',
  pipelineId: dto.pipelineId,
  currency: dto.currency,
  asOf: instant(dto.asOf),
  now,
});

export const toForecastQuery = (dto: PipelineForecastQueryDto, now: string): ForecastQuery => {
  const days = (Date.parse(dto.to) - Date.parse(dto.from)) / DAY_MS + 1;
  if (days < 1) {
    throw new RequestValidationError([
      { field: 'to', rule: 'isNotBeforeFrom', message: 'to must be the day of from or later' },
    ]);
  }
  if (days > MAX_FORECAST_DAYS) {
    throw new RequestValidationError([
      {
        field: 'to',
        rule: 'maxDaysAfterField',
        message: `the period from..to must be at most ${MAX_FORECAST_DAYS} days (it is ${days})`,
      },
    ]);
  }
  return {
    from: dto.from,
    to: dto.to,
    pipelineId: dto.pipelineId,
    currency: dto.currency,
    asOf: instant(dto.asOf),
    now,
  };
};
