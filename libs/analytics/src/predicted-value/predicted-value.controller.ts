import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiArea, ListEndpoint, MinPosition, ReadEndpoint } from '@crm/platform';
import { Roles } from '@crm/security';
import type { Backtest } from './backtest';
import {
  PredictedValueBacktestQueryDto,
  PredictedValueBacktestResponse,
  PredictedValueListQueryDto,
  PredictedValueModelQueryDto,
  PredictedValueModelResponse,
  PredictedValuePageResponse,
} from './predicted-value.dto';
import {
  GetPredictedValueBacktestQuery,
  GetPredictedValueModelQuery,
  ListPredictedValuesQuery,
} from './predicted-value.queries';
import type { modelReport, predictedValuePage } from './predicted-value.report';

@ApiArea('analytics')
@Controller('analytics/predicted-value')
export class PredictedValueController {
  constructor(private readonly queries: QueryBus) {}

  @Get('model')
  @Roles('analyst')
  @ReadEndpoint({
    summary: 'BG/NBD and Gamma-Gamma fitted by maximum likelihood as of a day (default today)',
    description:
      'A purchase is a UTC day with orders placed and not cancelled (as known at the end of asOf), ' +
      'worth their total minus refunds. x = repeat purchases, tₓ and T from the first purchase, ' +
      'in weeks or days. Without asOf, today’s model refitted as ADR 0022 says (read-your-writes ' +
      'refits it). The response carries the P(alive) distribution for dashboards.',
    type: PredictedValueModelResponse,
  })
  model(
    @Query() query: PredictedValueModelQueryDto,
    @MinPosition() minPosition: number | undefined,
  ): Promise<ReturnType<typeof modelReport>> {
    return this.queries.execute(new GetPredictedValueModelQuery(query, minPosition));
  }

  @Get()
  @Roles('analyst')
  @ListEndpoint({
    summary:
      'Customers by predicted value over a horizon, with P(alive), expected purchases and spend ' +
      '(paged; maxPAlive below 1 is the churn list)',
    type: PredictedValuePageResponse,
  })
  list(
    @Query() query: PredictedValueListQueryDto,
    @MinPosition() minPosition: number | undefined,
  ): Promise<ReturnType<typeof predictedValuePage>> {
    return this.queries.execute(new ListPredictedValuesQuery(query, minPosition));
  }

  @Get('backtest')
  @Roles('analyst')
  @ReadEndpoint({
    summary: 'Back-test: BG/NBD fitted on the log up to calibrationEnd against the holdout',
    description:
      'Predicted (Σ E[Y(t)]) and actual cumulative repeat purchases week by week after ' +
      'calibrationEnd, for the customers whose first purchase is by then.',
    type: PredictedValueBacktestResponse,
  })
  backtest(
    @Query() query: PredictedValueBacktestQueryDto,
    @MinPosition() minPosition: number | undefined,
  ): Promise<Backtest> {
    return this.queries.execute(new GetPredictedValueBacktestQuery(query, minPosition));
  }
}
