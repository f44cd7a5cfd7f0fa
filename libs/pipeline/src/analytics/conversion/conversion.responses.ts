import { ApiProperty } from '@nestjs/swagger';
import { ExactMoneyResponse } from '@crm/sales';
import { STAGE_KINDS } from '../../domain/pipeline-definition';
import { WIN_RATE_KEYS } from './win-rate';

/** OpenAPI shapes of the conversion and win-rate analytics. */
const count = (description: string) => ({ type: 'integer', minimum: 0, description }) as const;
const instant = (description: string) => ({ type: String, format: 'date-time', description });
const maybeRatio = (description: string) =>
  ({ type: 'number', minimum: 0, maximum: 1, nullable: true, description }) as const;
const NEAREST_RANK =
  'nearest rank: the ⌈p·n/100⌉-th smallest, an observed value (the median of an even count is the lower middle one)';

export class TimeInStageResponse {
  @ApiProperty(count('Finished stays measured (exit known at asOf)')) count!: number;
  @ApiProperty({
    type: 'number',
    nullable: true,
    example: 36.5,
    description: `Median exit − entry in hours (2 decimals), ${NEAREST_RANK}; null without any`,
  })
  medianHours!: number | null;
  @ApiProperty({
    type: 'number',
    nullable: true,
    example: 120,
    description: `90th percentile in hours (2 decimals), ${NEAREST_RANK}; null without any`,
  })
  p90Hours!: number | null;
}

export class StageConversionResponse {
  @ApiProperty({ example: 'propose' }) stageId!: string;
  @ApiProperty({ example: 'Propose' }) name!: string;
  @ApiProperty({ enum: STAGE_KINDS }) kind!: string;
  @ApiProperty({
    description:
      'Not a stage of the definition in force at asOf: stays from before a change, listed after its stages',
  })
  retired!: boolean;
  @ApiProperty(count('Stays that began in the period (and by asOf)')) entered!: number;
  @ApiProperty(
    count(
      'Moved to an open stage that comes later in the definition the move was decided under (a retired stage ranks first)',
    ),
  )
  movedForward!: number;
  @ApiProperty(count('Moved to an earlier (or the same rank of) open stage')) movedBack!: number;
  @ApiProperty(count('Won from this stage')) won!: number;
  @ApiProperty(count('Lost from this stage')) lost!: number;
  @ApiProperty(count('Stays in the lost stage that ended by a reopen')) reopened!: number;
  @ApiProperty(count('Still in the stage at asOf (its exit, if any, is later)')) stillIn!: number;
  @ApiProperty(
    maybeRatio(
      '(movedForward + won) / (movedForward + movedBack + won + lost), to 4 decimals; null when none finished or for a won/lost stage',
    ),
  )
  conversion!: number | null;
  @ApiProperty({ type: TimeInStageResponse }) timeInStage!: TimeInStageResponse;
}

export class ConversionResponse {
  @ApiProperty({ format: 'uuid' }) pipelineId!: string;
  @ApiProperty({ description: 'Of the definition in force at asOf' }) name!: string;
  @ApiProperty({ type: 'integer', minimum: 1, description: 'The definition in force at asOf' })
  version!: number;
  @ApiProperty(instant('First instant of the period (inclusive)')) from!: string;
  @ApiProperty(instant('Last instant of the period (inclusive)')) to!: string;
  @ApiProperty(instant('The log as it stood at this instant')) asOf!: string;
  @ApiProperty({
    type: [StageConversionResponse],
    description: 'In the order of the definition in force at asOf, then retired stages by id',
  })
  stages!: StageConversionResponse[];
}

export class SalesCycleResponse {
  @ApiProperty(count('Won deals measured')) count!: number;
  @ApiProperty({
    type: 'number',
    nullable: true,
    example: 42.25,
    description: `Median openedAt → won, in days (2 decimals), ${NEAREST_RANK}; null without any`,
  })
  medianDays!: number | null;
  @ApiProperty({
    type: 'number',
    nullable: true,
    example: 90,
    description: `90th percentile in days (2 decimals), ${NEAREST_RANK}; null without any`,
  })
  p90Days!: number | null;
}

export class WinRateFiguresResponse {
  @ApiProperty(count('Won in the period, and still won at asOf')) won!: number;
  @ApiProperty(count('Lost in the period, and still lost at asOf')) lost!: number;
  @ApiProperty(maybeRatio('won / (won + lost), to 4 decimals; null when none closed'))
  winRate!: number | null;
  @ApiProperty({
    type: [ExactMoneyResponse],
    description: 'Σ amount of the won deals per currency, in integer minor units (exact)',
  })
  wonAmount!: ExactMoneyResponse[];
  @ApiProperty({ type: SalesCycleResponse }) salesCycle!: SalesCycleResponse;
}

export class WinRateGroupResponse extends WinRateFiguresResponse {
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'rep-7',
    description: 'The owner, source or campaign id the deal had when it closed; null: no campaign',
  })
  key!: string | null;
}

export class WinRateResponse {
  @ApiProperty({ enum: WIN_RATE_KEYS }) by!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null: all pipelines' })
  pipelineId!: string | null;
  @ApiProperty(instant('First instant of the period (inclusive)')) from!: string;
  @ApiProperty(instant('Last instant of the period (inclusive)')) to!: string;
  @ApiProperty(instant('The log as it stood at this instant')) asOf!: string;
  @ApiProperty({
    type: [WinRateGroupResponse],
    description: 'By key in order, no campaign (null) last; only keys with a close',
  })
  groups!: WinRateGroupResponse[];
  @ApiProperty({ type: WinRateFiguresResponse, description: 'Every close of the period' })
  total!: WinRateFiguresResponse;
}
