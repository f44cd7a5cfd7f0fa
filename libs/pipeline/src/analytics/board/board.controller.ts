import { Controller, Get, Inject, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiArea, MinPosition, ReadEndpoint } from '@crm/platform';
import { Roles } from '@crm/security';
import type { PipelineClock } from '../../application/pipeline.config';
import { PIPELINE_CLOCK } from '../../application/pipeline.config';
import { PIPELINE_BOARD_PROJECTION } from '../../projections/pipeline-board.document';
import { PIPELINE_DEFINITIONS_PROJECTION } from '../../projections/pipeline-definitions.projection';
import { PipelineRead } from '../../queries/pipeline-read.query';
import {
  PipelineBoardQueryDto,
  PipelineForecastQueryDto,
  toBoardQuery,
  toForecastQuery,
} from './board.dto';
import type { PipelineBoard, PipelineForecast } from './board.reads';
import { pipelineBoard, pipelineForecast } from './board.reads';
import { PipelineBoardResponse, PipelineForecastResponse } from './board.responses';
import { BoardVersions } from './board-versions.provider';

const READ_MODELS = [PIPELINE_BOARD_PROJECTION, PIPELINE_DEFINITIONS_PROJECTION];

const WEIGHING =
  'A deal weighs its amount × the probability of its stage in the pipeline definition in ' +
  'force at asOf (so re-weighing a pipeline re-weighs its open deals from then on; asOf ' +
  'before it shows the old weights); a stage that definition no longer has weighs as the ' +
  'latest earlier definition that had it. Weighted amounts are exact (hundredths of a minor ' +
  'unit); currencies are never added together.';

@ApiArea('analytics')
@Controller('analytics/pipeline')
export class PipelineBoardController {
  constructor(
    private readonly queries: QueryBus,
    private readonly versions: BoardVersions,
    @Inject(PIPELINE_CLOCK) private readonly clock: PipelineClock,
  ) {}

  @Get()
  @Roles('analyst')
  @ReadEndpoint({
    summary: 'The pipeline board: per pipeline, stage (and owner) and currency, count and amounts',
    description:
      'Now from running totals per stage, owner and currency; with asOf from the opportunity ' +
      'versions in force at that instant (held in memory per process, refreshed from the rows changed since). Won and lost stages count every deal closed by then. ' +
      WEIGHING,
    type: PipelineBoardResponse,
    notFound: 'No such pipeline, or not yet defined at asOf',
  })
  board(
    @Query() query: PipelineBoardQueryDto,
    @MinPosition() minPosition: number | undefined,
  ): Promise<PipelineBoard> {
    const board = toBoardQuery(query, this.clock().toISOString());
    return this.queries.execute(
      new PipelineRead(READ_MODELS, minPosition, (d) =>
        pipelineBoard(d, board, this.versions.index),
      ),
    );
  }

  @Get('forecast')
  @Roles('analyst')
  @ReadEndpoint({
    summary: 'Forecast for a period: open deals expected to close in it (weighted), won and lost',
    description:
      'Per currency: open deals whose expected close date is a day of [from, to], with their ' +
      'weighted amount; deals won on a day of it (UTC), count and amount; deals lost on a day ' +
      'of it, count. Now from running totals per close day (only the days of the period are ' +
      'read); with asOf from the opportunity versions in force at that instant. 400 when to is ' +
      'before from or the period is longer than 366 days. ' +
      WEIGHING,
    type: PipelineForecastResponse,
    notFound: 'No such pipeline, or not yet defined at asOf',
  })
  forecast(
    @Query() query: PipelineForecastQueryDto,
    @MinPosition() minPosition: number | undefined,
  ): Promise<PipelineForecast> {
    const forecast = toForecastQuery(query, this.clock().toISOString());
    return this.queries.execute(
      new PipelineRead(READ_MODELS, minPosition, (d) =>
        pipelineForecast(d, forecast, this.versions.index),
      ),
    );
  }
}
