import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ExactMoneyResponse } from '@crm/sales';
import { STAGE_KINDS } from '../../domain/pipeline-definition';
import { BOARD_GROUPINGS } from './board.dto';

/** OpenAPI shapes of the board and the forecast (board-figures.ts has the same in types). */

const instant = { type: String, format: 'date-time' } as const;
const count = (description: string) => ({ type: 'integer', minimum: 0, description }) as const;

export class WeightedMoneyResponse {
  @ApiProperty({
    example: '1099.89',
    pattern: '^-?[0-9]+(\\.[0-9]{2})?$',
    description:
      'Σ amount × probability / 100 in minor units, exact: a decimal with at most two ' +
      'fraction digits (hundredths of a minor unit), never rounded',
  })
  amountExact!: string;
  @ApiProperty({ example: 'EUR', description: 'ISO 4217 code' }) currency!: string;
}

export class CurrencyFiguresResponse {
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty(count('Deals')) count!: number;
  @ApiProperty({ type: ExactMoneyResponse, description: 'Σ amount' }) amount!: ExactMoneyResponse;
  @ApiProperty({ type: WeightedMoneyResponse, description: 'Σ amount × the stage probability' })
  weightedAmount!: WeightedMoneyResponse;
}

export class OwnerFiguresResponse {
  @ApiProperty({ example: 'rep-7' }) ownerId!: string;
  @ApiProperty({ type: [CurrencyFiguresResponse], description: 'Per currency, by code' })
  totals!: CurrencyFiguresResponse[];
}

export class StageFiguresResponse {
  @ApiProperty({ example: 'propose' }) stageId!: string;
  @ApiProperty({ example: 'Propose' }) name!: string;
  @ApiProperty({ enum: STAGE_KINDS }) kind!: string;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: 100,
    description: 'In %, as the definition in force has it: what weighs every deal in the stage',
  })
  probability!: number;
  @ApiProperty({
    description:
      'false: a stage the definition in force no longer has, still holding deals; named and ' +
      'weighed as the latest earlier definition that had it',
  })
  inDefinition!: boolean;
  @ApiProperty({
    type: [CurrencyFiguresResponse],
    description: 'Per currency, by code (empty: no deals)',
  })
  totals!: CurrencyFiguresResponse[];
  @ApiPropertyOptional({
    type: [OwnerFiguresResponse],
    description: 'With by=owner only: per owner (by id) with deals in the stage',
  })
  owners?: OwnerFiguresResponse[];
}

export class PipelineFiguresResponse {
  @ApiProperty({ format: 'uuid' }) pipelineId!: string;
  @ApiProperty({ example: 'New business', description: 'As the definition in force names it' })
  name!: string;
  @ApiProperty({ type: 'integer', minimum: 1, description: 'The definition in force' })
  version!: number;
  @ApiProperty({
    type: [StageFiguresResponse],
    description: 'In definition order, then stages no longer defined that hold deals',
  })
  stages!: StageFiguresResponse[];
}

export class PipelineBoardResponse {
  @ApiProperty({ ...instant, description: 'The instant the figures are as of' }) asOf!: string;
  @ApiProperty({ enum: BOARD_GROUPINGS }) by!: string;
  @ApiProperty({
    type: [PipelineFiguresResponse],
    description: 'Pipelines defined by asOf, by name',
  })
  pipelines!: PipelineFiguresResponse[];
}

export class OpenForecastResponse {
  @ApiProperty(count('Open deals expected to close in the period')) count!: number;
  @ApiProperty({ type: ExactMoneyResponse }) amount!: ExactMoneyResponse;
  @ApiProperty({
    type: WeightedMoneyResponse,
    description: 'Σ amount × the probability of the deal’s stage in the definition in force',
  })
  weightedAmount!: WeightedMoneyResponse;
}

export class WonForecastResponse {
  @ApiProperty(count('Deals won on a day of the period')) count!: number;
  @ApiProperty({ type: ExactMoneyResponse }) amount!: ExactMoneyResponse;
}

export class LostForecastResponse {
  @ApiProperty(count('Deals lost on a day of the period (and not reopened by asOf)'))
  count!: number;
}

export class CurrencyForecastResponse {
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ type: OpenForecastResponse }) open!: OpenForecastResponse;
  @ApiProperty({ type: WonForecastResponse }) won!: WonForecastResponse;
  @ApiProperty({ type: LostForecastResponse }) lost!: LostForecastResponse;
}

export class PipelineForecastResponse {
  @ApiProperty({ ...instant, description: 'The instant the figures are as of' }) asOf!: string;
  @ApiProperty({ format: 'date', example: '2026-07-01' }) from!: string;
  @ApiProperty({ format: 'date', example: '2026-09-30' }) to!: string;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'null: every pipeline',
  })
  pipelineId!: string | null;
  @ApiProperty({
    type: [CurrencyForecastResponse],
    description: 'Per currency with a deal in the period, by code',
  })
  currencies!: CurrencyForecastResponse[];
}
