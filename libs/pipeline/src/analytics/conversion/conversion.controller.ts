import { Controller, Get, Inject, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiArea, MinPosition, ReadEndpoint } from '@crm/platform';
import { Roles } from '@crm/security';
import type { PipelineClock } from '../../application/pipeline.config';
import { PIPELINE_CLOCK } from '../../application/pipeline.config';
import { PIPELINE_BOARD_PROJECTION } from '../../projections/pipeline-board.document';
import { PIPELINE_DEFINITIONS_PROJECTION } from '../../projections/pipeline-definitions.projection';
import { PipelineRead } from '../../queries/pipeline-read.query';
import { ConversionQueryDto, WinRateQueryDto, checkedWindow } from './conversion.dto';
import { pipelineConversion, pipelineWinRate } from './conversion.reads';
import { ConversionResponse, WinRateResponse } from './conversion.responses';
import type { ConversionReport } from './stage-conversion';
import type { WinRateReport } from './win-rate';

const READ_MODELS = [PIPELINE_DEFINITIONS_PROJECTION, PIPELINE_BOARD_PROJECTION];

@ApiArea('analytics')
@Controller('analytics/pipeline')
export class PipelineConversionController {
  constructor(
    private readonly queries: QueryBus,
    @Inject(PIPELINE_CLOCK) private readonly clock: PipelineClock,
  ) {}

  @Get('conversion')
  @Roles('analyst')
  @ReadEndpoint({
    summary: 'Stage conversion and time in stage from the stage history, as of any instant',
    description:
      'Over the stays that began in [from, to] and by asOf, per stage of the definition in force ' +
      'at asOf: entered, where the finished ones went (forward, back, won, lost; reopened for the ' +
      'lost stage), still in it at asOf, conversion = (movedForward + won) / finished, and time ' +
      'in stage (hours) over the finished stays: count, median and p90 by nearest rank. A stay ' +
      'whose exit is after asOf is still in its stage; one that began after asOf does not count.',
    type: ConversionResponse,
    notFound: 'No such pipeline, or not yet defined at asOf',
  })
  conversion(
    @Query() query: ConversionQueryDto,
    @MinPosition() minPosition: number | undefined,
  ): Promise<ConversionReport> {
    const window = checkedWindow(query, this.clock());
    return this.queries.execute(
      new PipelineRead(READ_MODELS, minPosition, (d) =>
        pipelineConversion(d, query.pipelineId, window),
      ),
    );
  }

  @Get('win-rate')
  @Roles('analyst')
  @ReadEndpoint({
    summary: 'Win rate and sales cycle by owner, source or campaign, as of any instant',
    description:
      'The deals closed in [from, to] as known at asOf (a deal reopened after asOf was still ' +
      'closed then; one reopened by asOf is not), by the owner, source or campaign they had when ' +
      'they closed: won, lost, win rate = won / (won + lost), won amount per currency, and the ' +
      'sales cycle (openedAt → won) in days: count, median and p90 by nearest rank.',
    type: WinRateResponse,
    notFound: 'No such pipeline, or not yet defined at asOf',
  })
  winRate(
    @Query() query: WinRateQueryDto,
    @MinPosition() minPosition: number | undefined,
  ): Promise<WinRateReport> {
    const window = checkedWindow(query, this.clock());
    return this.queries.execute(
      new PipelineRead(READ_MODELS, minPosition, (d) =>
        pipelineWinRate(d, query.by, query.pipelineId ?? null, window),
      ),
    );
  }
}
