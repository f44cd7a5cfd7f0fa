import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';
import { FreshnessQueryDto, RequestValidationError } from '@crm/platform';
import type { Window } from './period';
import { windowOf } from './period';
import type { WinRateKey } from './win-rate';
import { WIN_RATE_KEYS } from './win-rate';

/** A calendar date, or a date-time with a zone: what `Date.parse` reads the same everywhere. */
const DATE_OR_INSTANT =
  /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** Reading more than this many days of stage history at once is refused. */
export const MAX_PERIOD_DAYS = 1_096;

const Instant = (name: string, description: string, required: boolean) => {
  const decorators = [
    (required ? ApiProperty : ApiPropertyOptional)({
      example:
        name === 'from' ? '2026-01-01' : name === 'to' ? '2026-03-31' : '2026-04-15T12:00:00Z',
      description,
    }),
    IsISO8601({ strict: true }, { message: `${name} must be an ISO 8601 date or date-time` }),
    Matches(DATE_OR_INSTANT, {
      message: `${name} must look like 2026-01-31 or 2026-01-31T12:00:00Z`,
    }),
  ];
  return (target: object, key: string) => {
    if (!required) IsOptional()(target, key);
    for (const decorate of decorators) decorate(target, key);
  };
};

export class PipelinePeriodQueryDto extends FreshnessQueryDto {
  @Instant(
    'from',
    'First instant of the period, inclusive (a date: its first millisecond, UTC)',
    true,
  )
  from!: string;

  @Instant('to', 'Last instant of the period, inclusive (a date: all of that UTC day)', true)
  to!: string;

  @Instant(
    'asOf',
    'See the pipeline as the log told it at this instant (a date: its midnight UTC); default now',
    false,
  )
  asOf?: string;
}

export class ConversionQueryDto extends PipelinePeriodQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  pipelineId!: string;
}

export class WinRateQueryDto extends PipelinePeriodQueryDto {
  @ApiProperty({ enum: WIN_RATE_KEYS, description: 'Group the closed deals by this' })
  @IsIn(WIN_RATE_KEYS)
  by!: WinRateKey;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only this pipeline (default: all)' })
  @IsOptional()
  @IsUUID()
  pipelineId?: string;
}

/** The checked period: `to` not before `from`, and at most MAX_PERIOD_DAYS long. */
export const checkedWindow = (query: PipelinePeriodQueryDto, now: Date): Window => {
  const window = windowOf(query, now);
  if (window.to < window.from) {
    throw new RequestValidationError([
      { field: 'to', rule: 'isNotBeforeFrom', message: 'to must not be before from' },
    ]);
  }
  const days = (Date.parse(window.to) - Date.parse(window.from)) / 86_400_000;
  if (days > MAX_PERIOD_DAYS) {
    throw new RequestValidationError([
      {
        field: 'to',
        rule: 'maxDaysAfterField',
        message: `the period from → to must be at most ${MAX_PERIOD_DAYS} days`,
      },
    ]);
  }
  return window;
};
