import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { FreshnessQueryDto } from '@crm/platform';
import type { Window } from '../period';
import { checkPeriod, windowOf } from '../period';
import { InstantQuery } from '../period.decorators';
import type { WinRateKey } from './win-rate';
import { WIN_RATE_KEYS } from './win-rate';

/** Reading more than this many days of stage history at once is refused. */
export const MAX_PERIOD_DAYS = 1_096;

export class PipelinePeriodQueryDto extends FreshnessQueryDto {
  @InstantQuery('from', {
    example: '2026-01-01',
    description: 'First instant of the period, inclusive (a date: its first millisecond, UTC)',
    required: true,
  })
  from!: string;

  @InstantQuery('to', {
    example: '2026-03-31',
    description: 'Last instant of the period, inclusive (a date: all of that UTC day)',
    required: true,
  })
  to!: string;

  @InstantQuery('asOf', {
    example: '2026-04-15T12:00:00Z',
    description:
      'See the pipeline as the log told it at this instant (a date: its midnight UTC); default now',
    required: false,
  })
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
  checkPeriod(window.from, window.to, MAX_PERIOD_DAYS);
  return window;
};
