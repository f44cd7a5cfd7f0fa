import { Query } from '@nestjs/cqrs';
import type {
  PredictedValueBacktestQueryDto,
  PredictedValueListQueryDto,
  PredictedValueModelQueryDto,
} from './predicted-value.dto';
import type { Backtest } from './backtest';
import type { modelReport, predictedValuePage } from './predicted-value.report';

export class GetPredictedValueModelQuery extends Query<ReturnType<typeof modelReport>> {
  constructor(
    readonly query: PredictedValueModelQueryDto,
    readonly minPosition: number | undefined,
  ) {
    super();
  }
}

export class ListPredictedValuesQuery extends Query<ReturnType<typeof predictedValuePage>> {
  constructor(
    readonly query: PredictedValueListQueryDto,
    readonly minPosition: number | undefined,
  ) {
    super();
  }
}

export class GetPredictedValueBacktestQuery extends Query<Backtest> {
  constructor(
    readonly query: PredictedValueBacktestQueryDto,
    readonly minPosition: number | undefined,
  ) {
    super();
  }
}
